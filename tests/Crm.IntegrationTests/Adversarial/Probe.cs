namespace Crm.IntegrationTests.Adversarial;

/// <summary>
/// One hostile request: <see cref="Target"/> says where the value went ("body.name", "query.page",
/// "path.id", "body" for whole-body cases). The body is built when sent, with the versions of that moment.
/// </summary>
public sealed record Probe(RouteSpec Route, string Target, AdversarialValue Value, string Url, Func<AdversarialWorld, string>? Body, string ContentType = "application/json", bool Chunked = false)
{
    /// <summary>Routes about the caller's own password and session run as a throwaway user, never as the admin the other tests use.</summary>
    public bool AsSelf => Route.Template.StartsWith("/api/v1/auth/", StringComparison.Ordinal);

    /// <summary>Whether a 2xx answer changed the throwaway user's password or ended its session.</summary>
    public bool SpendsSelf => Route.Template is "/api/v1/auth/change-password" or "/api/v1/auth/logout";

    public override string ToString() => $"{Route.Method} {Route.Template} {Target} = {Value.Class}";
}
