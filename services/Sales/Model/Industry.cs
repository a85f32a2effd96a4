using System.Text.Json.Serialization;

namespace Crm.Sales.Model;

public enum Industry
{
    Agriculture,
    Apparel,
    Banking,
    Construction,
    Consulting,
    Education,
    Energy,
    Entertainment,
    Finance,
    [JsonStringEnumMemberName("Food & Beverage")]
    FoodAndBeverage,
    Healthcare,
    Hospitality,
    Manufacturing,
    Media,
    Nonprofit,
    [JsonStringEnumMemberName("Real Estate")]
    RealEstate,
    Retail,
    Technology,
    Telecommunications,
    Transportation,
    Other,
}
