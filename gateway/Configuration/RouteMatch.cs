namespace Crm.Gateway.Configuration;

/// <summary>YARP's RouteMatch subset: an ASP.NET Core route template and optional HTTP methods.</summary>
public sealed class RouteMatch
{
    /// <summary>For example <c>/api/v1/accounts/{**catch-all}</c>.</summary>
    public string? Path { get; set; }

    /// <summary>Empty or missing: every method.</summary>
    public List<string>? Methods { get; set; }
}
