using System.Text.Json.Serialization;

namespace Crm.Sales.Model;

public enum OpportunityStage
{
    Qualifying,
    Proposal,
    Negotiation,
    [JsonStringEnumMemberName("Closed Won")]
    ClosedWon,
    [JsonStringEnumMemberName("Closed Lost")]
    ClosedLost,
}

public static class OpportunityStages
{
    /// <summary>The probability a stage implies; set on every stage change.</summary>
    public static int Probability(this OpportunityStage stage) => stage switch
    {
        OpportunityStage.Qualifying => 10,
        OpportunityStage.Proposal => 50,
        OpportunityStage.Negotiation => 75,
        OpportunityStage.ClosedWon => 100,
        OpportunityStage.ClosedLost => 0,
        _ => throw new ArgumentOutOfRangeException(nameof(stage)),
    };

    public static bool IsClosed(this OpportunityStage stage) => stage is OpportunityStage.ClosedWon or OpportunityStage.ClosedLost;
}
