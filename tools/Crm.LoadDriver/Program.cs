using System.Diagnostics;
using System.Globalization;
using Crm.LoadDriver;

// A small closed-loop HTTP load driver: N clients each send requests back to back for a while,
// then the latency distribution is printed. Used by the scripts in bench/. Several URLs (arguments,
// or -f with one URL per line) are sent round-robin, so a run is not one cached query.
// --alternate label=URL label=URL...: each client sends to the targets in turn (a, b, a, b...) and each
// target gets a report of its own, so both are measured under the same load at the same moments.
var options = LoadOptions.Parse(args);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(5) };
using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

// One bucket per target when alternating, else one for every URL.
var buckets = options.Alternate ? options.Urls.Count : 1;

async Task<(List<double>[] Latencies, int[] Errors)> RunAsync(TimeSpan duration)
{
    var latencies = new List<double>[options.Concurrency, buckets];
    var errors = new int[buckets];
    var next = -1;
    var stopAt = Stopwatch.GetTimestamp() + (long)(duration.TotalSeconds * Stopwatch.Frequency);
    var workers = Enumerable.Range(0, options.Concurrency).Select(async i =>
    {
        for (var b = 0; b < buckets; b++)
        {
            latencies[i, b] = [];
        }

        // Alternating clients start on different targets, so every target is busy at every moment.
        var turn = i;
        while (Stopwatch.GetTimestamp() < stopAt)
        {
            var index = options.Alternate
                ? turn++ % options.Urls.Count
                : (int)((uint)Interlocked.Increment(ref next) % (uint)options.Urls.Count);
            var url = options.Urls[index];
            var bucket = options.Alternate ? index : 0;
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
                    Interlocked.Increment(ref errors[bucket]);
                }
            }
            catch (HttpRequestException)
            {
                Interlocked.Increment(ref errors[bucket]);
            }

            latencies[i, bucket].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds);
        }
    });
    await Task.WhenAll(workers);
    var byBucket = Enumerable.Range(0, buckets)
        .Select(b => Enumerable.Range(0, options.Concurrency).SelectMany(i => latencies[i, b]).ToList())
        .ToArray();
    return (byBucket, errors);
}

await RunAsync(options.Warmup);
var (measured, failures) = await RunAsync(options.Duration);
var allFailed = false;
for (var b = 0; b < buckets; b++)
{
    var report = LatencyReport.From(options.Labels[b], measured[b], failures[b], options.Duration);
    Console.WriteLine(report.ToLine());
    if (options.JsonOut is { } path)
    {
        await File.AppendAllTextAsync(path, report.ToJson() + Environment.NewLine);
    }

    allFailed |= failures[b] > 0 && failures[b] == measured[b].Count;
}

return allFailed ? 1 : 0;

namespace Crm.LoadDriver
{
    /// <summary>With <see cref="Alternate"/>, <see cref="Labels"/> names each URL; otherwise its one label names the run.</summary>
    public sealed record LoadOptions(IReadOnlyList<string> Urls, int Concurrency, TimeSpan Duration, TimeSpan Warmup, IReadOnlyList<string> Labels, List<(string, string)> Headers, string? JsonOut, bool Alternate)
    {
        public static LoadOptions Parse(string[] args)
        {
            var urls = new List<string>();
            var concurrency = 10;
            var duration = TimeSpan.FromSeconds(10);
            var warmup = TimeSpan.FromSeconds(2);
            var label = "run";
            string? json = null;
            var alternate = false;
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
                    case "--alternate": alternate = true; break;
                    default: urls.Add(args[i]); break;
                }
            }

            if (urls.Count == 0)
            {
                throw new ArgumentException("usage: Crm.LoadDriver URL... | -f urls.txt | --alternate label=URL label=URL... [-c clients] [-d seconds] [-w warmup] [-l label] [-H 'Name: value'] [-o results.jsonl]");
            }

            IReadOnlyList<string> labels = [label];
            if (alternate)
            {
                var targets = urls.Select(u => u.Split('=', 2)).ToList();
                if (targets.Any(t => t.Length != 2 || !Uri.IsWellFormedUriString(t[1], UriKind.Absolute)))
                {
                    throw new ArgumentException("--alternate takes label=URL targets, e.g. direct=http://127.0.0.1:5001/x gateway=http://localhost:8080/x");
                }

                labels = targets.Select(t => t[0]).ToList();
                urls = targets.Select(t => t[1]).ToList();
            }

            return new LoadOptions(urls, concurrency, duration, warmup, labels, headers, json, alternate);
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
