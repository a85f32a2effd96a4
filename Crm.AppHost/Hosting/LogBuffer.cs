namespace Crm.AppHost.Hosting;

public sealed record LogLine(long Seq, DateTimeOffset At, string Text, bool IsError);

/// <summary>The last N console lines of one resource, numbered so a viewer can poll for what is new.</summary>
public sealed class LogBuffer(int capacity = 2000)
{
    private readonly Queue<LogLine> _lines = new();
    private readonly Lock _gate = new();
    private long _seq;

    public void Add(string text, bool isError = false)
    {
        lock (_gate)
        {
            _lines.Enqueue(new LogLine(++_seq, DateTimeOffset.UtcNow, text, isError));
            while (_lines.Count > capacity)
            {
                _lines.Dequeue();
            }
        }
    }

    public IReadOnlyList<LogLine> After(long seq)
    {
        lock (_gate)
        {
            return _lines.Where(l => l.Seq > seq).ToList();
        }
    }

    public IReadOnlyList<LogLine> Tail(int count)
    {
        lock (_gate)
        {
            return _lines.Skip(Math.Max(0, _lines.Count - count)).ToList();
        }
    }
}
