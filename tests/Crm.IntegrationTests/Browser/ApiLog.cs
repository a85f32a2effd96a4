using System.Runtime.CompilerServices;
using Microsoft.Playwright;

namespace Crm.IntegrationTests.Browser;

/// <summary>The API calls a page made (status, method, URL, time), kept from the page's creation so a failed step can say what the app was told.</summary>
public sealed class ApiLog
{
    private const int Capacity = 40;
    private static readonly ConditionalWeakTable<IPage, ApiLog> Logs = new();
    private readonly Queue<string> _entries = new();

    public static void Attach(IPage page)
    {
        var log = Logs.GetValue(page, _ => new ApiLog());
        page.Response += (_, response) =>
        {
            if (response.Url.Contains("/api/", StringComparison.Ordinal))
            {
                log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} {response.Status} {response.Request.Method} {response.Url}");
            }
        };
        page.RequestFailed += (_, request) =>
        {
            if (request.Url.Contains("/api/", StringComparison.Ordinal))
            {
                log.Add($"{DateTime.UtcNow:HH:mm:ss.fff} FAILED ({request.Failure}) {request.Method} {request.Url}");
            }
        };
    }

    public static IReadOnlyList<string> Of(IPage page) => Logs.TryGetValue(page, out var log) ? log.Snapshot() : [];

    private void Add(string entry)
    {
        lock (_entries)
        {
            _entries.Enqueue(entry);
            while (_entries.Count > Capacity)
            {
                _entries.Dequeue();
            }
        }
    }

    private List<string> Snapshot()
    {
        lock (_entries)
        {
            return [.. _entries];
        }
    }
}
