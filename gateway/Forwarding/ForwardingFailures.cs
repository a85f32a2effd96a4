
namespace Crm.Gateway.Forwarding;

/// <summary>Maps what HttpClient throws onto what the gateway answers.</summary>
public static class ForwardingFailures
{
    public static ForwardingFailure Classify(Exception exception, CancellationToken requestAborted)
    {
        if (requestAborted.IsCancellationRequested)
        {
            return ForwardingFailure.ClientAborted;
        }

        if (FindBadRequest(exception) is not null)
        {
            return ForwardingFailure.BadClientRequest;
        }

        return exception switch
        {
            // SocketsHttpHandler.ConnectTimeout surfaces as a cancellation wrapping a TimeoutException.
            OperationCanceledException { InnerException: TimeoutException } => ForwardingFailure.Unreachable,
            OperationCanceledException => ForwardingFailure.Timeout,
            HttpRequestException { HttpRequestError: HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError or HttpRequestError.SecureConnectionError } => ForwardingFailure.Unreachable,
            _ => ForwardingFailure.BadResponse,
        };
    }

    /// <summary>Kestrel's complaint about the incoming body, wrapped by HttpClient while it streamed that body.</summary>
    public static BadHttpRequestException? FindBadRequest(Exception exception)
    {
        for (Exception? e = exception; e is not null; e = e.InnerException)
        {
            if (e is BadHttpRequestException bad)
            {
                return bad;
            }
        }

        return null;
    }
}
