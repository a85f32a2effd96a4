using System.Text.Json.Serialization;

namespace Crm.Sales.Model;

public enum ContactRole
{
    [JsonStringEnumMemberName("Decision Maker")]
    DecisionMaker,
    [JsonStringEnumMemberName("Economic Buyer")]
    EconomicBuyer,
    Influencer,
    [JsonStringEnumMemberName("Technical Buyer")]
    TechnicalBuyer,
    Evaluator,
    Other,
}
