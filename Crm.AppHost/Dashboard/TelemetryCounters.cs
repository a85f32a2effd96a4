namespace Crm.AppHost.Dashboard;

/// <summary>
/// What the OTLP receiver has seen so far. Only counted for now; the traces view will keep the
/// decoded spans here (Google.Protobuf + the OTLP protos) when it arrives.
/// </summary>
public sealed class TelemetryCounters
{
    private long _traces;
    private long _metrics;
    private long _logs;
    private long _bytes;

    public long TraceExports => Interlocked.Read(ref _traces);

    public long MetricExports => Interlocked.Read(ref _metrics);

    public long LogExports => Interlocked.Read(ref _logs);

    public long Bytes => Interlocked.Read(ref _bytes);

    public void Record(string signal, long bytes)
    {
        switch (signal)
        {
            case "traces":
                Interlocked.Increment(ref _traces);
                break;
            case "metrics":
                Interlocked.Increment(ref _metrics);
                break;
            case "logs":
                Interlocked.Increment(ref _logs);
                break;
        }

        Interlocked.Add(ref _bytes, bytes);
    }
}
