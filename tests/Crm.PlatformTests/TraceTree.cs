namespace Crm.PlatformTests;

/// <summary>The spans of one trace with their parent links.</summary>
public sealed class TraceTree(IReadOnlyList<Span> spans)
{
    private readonly Dictionary<string, Span> _byId = spans.ToDictionary(s => s.SpanId);

    public Span Single(Func<Span, bool> match)
    {
        var found = spans.Where(match).ToList();
        found.Count.ShouldBe(1, $"one such span in:\n{this}");
        return found[0];
    }

    public Span? Parent(Span span) => span.ParentSpanId is { } id ? _byId.GetValueOrDefault(id) : null;

    /// <summary>Whether <paramref name="ancestor"/> is on the path from <paramref name="span"/> up to the root.</summary>
    public bool IsBelow(Span span, Span ancestor)
    {
        for (var current = Parent(span); current is not null; current = Parent(current))
        {
            if (current.SpanId == ancestor.SpanId)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every span hangs from the caller's span: none is waiting for a parent still on its way.</summary>
    public bool IsConnected(string callerSpanId) => spans.All(s => s.ParentSpanId == callerSpanId || Parent(s) is not null);

    /// <summary>One trace: every span carries its id and hangs, through its parents, from the caller's span.</summary>
    public void ShouldBeOneTree(string traceId, string callerSpanId)
    {
        spans.ShouldNotBeEmpty();
        spans.ShouldAllBe(s => s.TraceId == traceId);
        var detached = spans.Where(s => s.ParentSpanId != callerSpanId && Parent(s) is null).ToList();
        detached.ShouldBeEmpty($"spans whose parent is neither in the trace nor the caller:\n{this}");
    }

    public override string ToString() => string.Join('\n', spans);
}
