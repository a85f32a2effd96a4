using System.Text.Json.Serialization;
using Crm.Sales.Model;
using Crm.ServiceDefaults.Json;

namespace Crm.Sales.Apis;

/// <summary>
/// The pipeline by stage: every stage in pipeline order, empty ones with zeros; the open totals are over
/// the stages that are not closed. A weighted amount is the amount times the stage's probability.
/// </summary>
public sealed record PipelineReport(
    IReadOnlyList<PipelineStage> Stages,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OpenAmount,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal OpenWeightedAmount)
{
    public static PipelineReport From(IReadOnlyCollection<PipelineStage> found)
    {
        var stages = Enum.GetValues<OpportunityStage>()
            .Select(stage => found.SingleOrDefault(f => f.Stage == stage) ?? new PipelineStage(stage, 0, 0m, 0m))
            .ToList();
        var open = stages.Where(s => !s.Stage.IsClosed()).ToList();
        return new PipelineReport(stages, open.Sum(s => s.Amount), open.Sum(s => s.WeightedAmount));
    }
}

public sealed record PipelineStage(
    OpportunityStage Stage,
    int Count,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal WeightedAmount);

/// <summary>Closed Won deals of a year by the month of their close date: all twelve months, empty ones with zeros.</summary>
public sealed record WonRevenueReport(
    int Year,
    IReadOnlyList<WonRevenueMonth> Months,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Total)
{
    public static WonRevenueReport From(int year, IReadOnlyCollection<WonRevenueMonth> found)
    {
        var months = Enumerable.Range(1, 12)
            .Select(month => found.SingleOrDefault(f => f.Month == month) ?? new WonRevenueMonth(month, 0, 0m))
            .ToList();
        return new WonRevenueReport(year, months, months.Sum(m => m.Amount));
    }
}

public sealed record WonRevenueMonth(
    int Month,
    int Count,
    [property: JsonConverter(typeof(MoneyJsonConverter))] decimal Amount);
