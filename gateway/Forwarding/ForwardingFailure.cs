namespace Crm.Gateway.Forwarding;

public enum ForwardingFailure
{
    /// <summary>No connection could be made: 502, passive health, retry if idempotent.</summary>
    Unreachable,

    /// <summary>No response headers within the request timeout: 504.</summary>
    Timeout,

    /// <summary>The connection broke or the answer was not valid HTTP: 502.</summary>
    BadResponse,

    /// <summary>Reading the browser's body failed (too large, malformed): its own 4xx, not the service's fault.</summary>
    BadClientRequest,

    /// <summary>The browser went away; nothing to answer.</summary>
    ClientAborted,
}
