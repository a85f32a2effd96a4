using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Crm.ServiceDefaults.Http;

/// <summary>
/// Lets a test make a multi-step change fail at a named step, to prove the transaction leaves nothing
/// behind. Only in the "Testing" environment; elsewhere the header is ignored.
/// </summary>
public static class FaultInjection
{
    public const string Header = "X-Test-Fail-At";

    public static void ThrowIfRequested(HttpContext context, string step)
    {
        if (IsRequested(context, step))
        {
            throw new InjectedFaultException(step);
        }
    }

    public static bool IsRequested(HttpContext context, string step) =>
        context.RequestServices.GetRequiredService<IHostEnvironment>().IsEnvironment("Testing")
        && string.Equals(context.Request.Headers[Header], step, StringComparison.Ordinal);
}

public sealed class InjectedFaultException(string step) : Exception($"Injected failure at step '{step}'.");
