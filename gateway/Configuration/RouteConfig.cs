namespace Crm.Gateway.Configuration;

/// <summary>One entry of <c>ReverseProxy:Routes</c> (YARP's RouteConfig subset we honour).</summary>
public sealed class RouteConfig
{
    public string? ClusterId { get; set; }

    /// <summary>Lower wins, as in YARP; unset means 0. Ties are broken by route specificity.</summary>
    public int? Order { get; set; }

    public RouteMatch Match { get; set; } = new();

    /// <summary>
    /// As in YARP: the largest request body this route takes, in bytes (-1: no limit). Unset: the
    /// services' own limit, 1 MB. An import endpoint that takes more raises it here and in its service.
    /// </summary>
    public long? MaxRequestBodySize { get; set; }
}
