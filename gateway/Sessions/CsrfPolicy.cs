namespace Crm.Gateway.Sessions;

/// <summary>
/// SameSite=Strict already keeps the cookie off cross-site requests; the custom header is the second
/// lock: a cross-site form cannot set it, and a cross-site script cannot without a CORS preflight.
/// </summary>
public static class CsrfPolicy
{
    public const string HeaderName = "X-Requested-With";
    public const string HeaderValue = "XMLHttpRequest";

    public static bool IsStateChanging(string method) =>
        HttpMethods.IsPost(method) || HttpMethods.IsPut(method) || HttpMethods.IsPatch(method) || HttpMethods.IsDelete(method);

    public static bool IsAllowed(string method, string? requestedWith) =>
        !IsStateChanging(method) || string.Equals(requestedWith, HeaderValue, StringComparison.OrdinalIgnoreCase);
}
