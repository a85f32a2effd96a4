using System.Text.Json.Serialization;

namespace Crm.Sales.Model;

public enum LeadSource
{
    Web,
    [JsonStringEnumMemberName("Phone Inquiry")]
    PhoneInquiry,
    [JsonStringEnumMemberName("Partner Referral")]
    PartnerReferral,
    [JsonStringEnumMemberName("Purchased List")]
    PurchasedList,
    [JsonStringEnumMemberName("Trade Show")]
    TradeShow,
    [JsonStringEnumMemberName("Word of mouth")]
    WordOfMouth,
    Advertisement,
    Other,
}
