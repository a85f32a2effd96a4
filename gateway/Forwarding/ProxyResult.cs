using Microsoft.AspNetCore.Http;

namespace Crm.Gateway.Forwarding;

/// <summary>What sending to a cluster produced: the service's answer, or the gateway's own problem.</summary>
public sealed class ProxyResult : IDisposable
{
    private ProxyResult(HttpResponseMessage? response, IResult? problem)
    {
        Response = response;
        Problem = problem;
    }

    public HttpResponseMessage? Response { get; }

    public IResult? Problem { get; }

    /// <summary>Neither: the client went away and nothing should be written.</summary>
    public bool ClientAborted => Response is null && Problem is null;

    public static ProxyResult Answered(HttpResponseMessage response) => new(response, null);

    public static ProxyResult Failed(IResult problem) => new(null, problem);

    public static ProxyResult Aborted() => new(null, null);

    public void Dispose() => Response?.Dispose();
}
