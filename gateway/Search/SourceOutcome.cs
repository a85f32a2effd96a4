namespace Crm.Gateway.Search;

/// <summary>What one service answered: its answer, or that it refused the caller, or nothing usable in time.</summary>
public sealed record SourceOutcome<T>(T? Answer, bool Unauthorized)
    where T : class
{
    public static SourceOutcome<T> Refused { get; } = new(null, true);

    public static SourceOutcome<T> Unavailable { get; } = new(null, false);

    public bool Answered => Answer is not null;
}
