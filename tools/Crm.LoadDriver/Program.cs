using System.Diagnostics;
using System.Globalization;
using Crm.LoadDriver;

// A small closed-loop HTTP load driver: N clients each send requests back to back for a while,
// then the latency distribution is printed. Used by the scripts in bench/. Several URLs (arguments,
// or -f with one URL per line) are sent round-robin, so a run is not one cached query.
var options = LoadOptions.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

async Task<(List<double> Latencies, int Errors)> RunAsync(TimeSpan duration)
{
    var latencies = new List<double>[options.Concurrency];
    var errors = 0;
    var next = -1;
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var workers = Enumerable.Range(0, options.Concurrency).Select(async i =>
    {
        var mine = latencies[i] = [];
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var url = options.Urls[(int)((uint)Interlocked.Increment(ref next) % (uint)options.Urls.Count)];
            using var request = new HttpRequestMessage(HttpMethod.Get, url);
            foreach (var (name, value) in options.Headers)
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }

            var start = Stopwatch.GetTimestamp();
            try
            {
                using var response = await client.SendAsync(request);
                await response.Content.CopyToAsync(Stream.Null);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref errors);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors);
            }

            mine.Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    });
    await Task.WhenAll(workers);
    return (latencies.SelectMany(l => l).ToList(), errors);
}

await RunAsync(options.Warmup);
var (all, failed) = await RunAsync(options.Duration);
var report = LatencyReport.From(options.Label, all, failed, options.Duration);
Console.WriteLine(report.ToLine());
if (options.JsonOut is { } path)
{
    await File.AppendAllTextAsync(path, report.ToJson() + Environment.NewLine);
}

return failed > 0 && failed == all.Count ? 1 : 0;

namespace Crm.LoadDriver
{
    public sealed record LoadOptions(IReadOnlyList<string> Urls, int Concurrency, TimeSpan Duration, TimeSpan Warmup, string Label, List<(string, string)> Headers, string? JsonOut)
    {
        public static LoadOptions Parse(string[] args)
        {
            var urls = new List<string>();
            var concurrency = 10;
            var duration = TimeSpan.FromSeconds(10);
            var warmup = TimeSpan.FromSeconds(2);
            var label = "run";
            string? json = null;
            var headers = new List<(string, string)>();
            for (var i = 0; i < args.Length; i++)
            {
                string Next() => args[++i];
                switch (args[i])
                {
                    case "-c": concurrency = int.Parse(Next(), CultureInfo.InvariantCulture); break;
                    case "-d": duration = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "-w": warmup = TimeSpan.FromSeconds(double.Parse(Next(), CultureInfo.InvariantCulture)); break;
                    case "-l": label = Next(); break;
                    case "-o": json = Next(); break;
                    case "-H":
                        var header = Next();
                        var colon = header.IndexOf(':', StringComparison.Ordinal);
                        headers.Add((header[..colon].Trim(), header[(colon + 1)..].Trim()));
                        break;
                    case "-f": urls.AddRange(ReadUrlFile(Next())); break;
                    default: urls.Add(args[i]); break;
                }
            }

            return new LoadOptions(
                urls.Count > 0 ? urls : throw new ArgumentException("usage: Crm.LoadDriver URL... | -f urls.txt [-c clients] [-d seconds] [-w warmup] [-l label] [-H 'Name: value'] [-o results.jsonl]"),
                concurrency,
                duration,
                warmup,
                label,
                headers,
                json);
        }

        /// <summary>One URL per line; blank lines and lines starting with # are skipped.</summary>
        public static IEnumerable<string> ReadUrlFile(string path) =>
            File.ReadLines(path).Select(l => l.Trim()).Where(l => l.Length > 0 && !l.StartsWith('#'));
    }

    public sealed record LatencyReport(string Label, int Requests, int Errors, double Rps, double Median, double P95, double P99, double Max)
    {
        public static LatencyReport From(string label, List<double> latencies, int errors, TimeSpan duration)
        {
            latencies.Sort();
            double At(double q) => latencies.Count == 0 ? double.NaN : latencies[Math.Min(latencies.Count - 1, (int)Math.Ceiling(q * latencies.Count) - 1)];
            return new LatencyReport(label, latencies.Count, errors, latencies.Count / duration.TotalSeconds, At(0.5), At(0.95), At(0.99), latencies.Count == 0 ? double.NaN : latencies[^1]);
        }

        public string ToLine() => string.Create(CultureInfo.InvariantCulture, $"{Label}: {Requests} requests, {Errors} errors, {Rps:0} req/s, median {Median:0.00} ms, p95 {P95:0.00} ms, p99 {P99:0.00} ms, max {Max:0.00} ms");

        public string ToJson() => System.Text.Json.JsonSerializer.Serialize(this);
    }
}
