using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.AspNetCore.Routing.Template;

namespace Crm.Gateway.Routing;

/// <summary>A compiled route: which paths (and methods) go to which cluster.</summary>
public sealed class ProxyRoute
{
    private readonly TemplateMatcher _matcher;
    private readonly HashSet<string>? _methods;

    public ProxyRoute(string name, string clusterId, string path, int order = 0, IEnumerable<string>? methods = null, long? maxRequestBodySize = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(clusterId);
        ArgumentException.ThrowIfNullOrWhiteSpace(path);

        Name = name;
        ClusterId = clusterId;
        Path = path;
        Order = order;
        MaxRequestBodySize = maxRequestBodySize is < 0 ? null : maxRequestBodySize ?? RequestLimits.MaxBodyBytes;

        // The same template syntax and matcher ASP.NET Core routing (and therefore YARP) uses.
        var template = TemplateParser.Parse(path);
        _matcher = new TemplateMatcher(template, new RouteValueDictionary());
        Precedence = RoutePrecedence.ComputeInbound(template);

        var list = methods?.Where(m => !string.IsNullOrWhiteSpace(m)).ToList();
        _methods = list is { Count: > 0 } ? new HashSet<string>(list, StringComparer.OrdinalIgnoreCase) : null;
    }

    public string Name { get; }

    public string ClusterId { get; }

    public string Path { get; }

    public int Order { get; }

    /// <summary>The largest body the route forwards (null: no limit); the services' 1 MB unless configured.</summary>
    public long? MaxRequestBodySize { get; }

    /// <summary>ASP.NET Core's inbound precedence: lower is more specific (literal beats parameter beats catch-all).</summary>
    public decimal Precedence { get; }

    public bool HasMethodConstraint => _methods is not null;

    public bool Matches(PathString path, string method) =>
        (_methods is null || _methods.Contains(method)) && _matcher.TryMatch(path, new RouteValueDictionary());
}
