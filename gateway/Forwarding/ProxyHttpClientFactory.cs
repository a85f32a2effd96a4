using System.Net;

namespace Crm.Gateway.Forwarding;

/// <summary>HttpClients for talking to the services: a proxy must pass requests through untouched.</summary>
public static class ProxyHttpClientFactory
{
    public static HttpClient Create(TimeSpan connectTimeout) =>
        new(new SocketsHttpHandler
        {
            // The browser's cookies never reach the services; redirects and encodings are the browser's business.
            UseCookies = false,
            AllowAutoRedirect = false,
            AutomaticDecompression = DecompressionMethods.None,
            UseProxy = false,
            ConnectTimeout = connectTimeout,
            // Pooled connections, recycled now and then so replicas that come and go are picked up.
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            PooledConnectionIdleTimeout = TimeSpan.FromSeconds(60),
            MaxConnectionsPerServer = int.MaxValue,
        })
        {
            // Timeouts are applied per request by the caller (504 vs. 502 needs to tell them apart).
            Timeout = Timeout.InfiniteTimeSpan,
        };
}
