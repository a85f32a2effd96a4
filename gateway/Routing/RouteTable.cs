using Crm.Gateway.Configuration;

namespace Crm.Gateway.Routing;

/// <summary>
/// Picks the route for a request the way YARP (endpoint routing) does: lowest Order first, then the
/// most specific template, then routes with a method constraint before those without.
/// </summary>
public sealed class RouteTable
{
    private readonly ProxyRoute[] _routes;

    public RouteTable(IEnumerable<ProxyRoute> routes)
    {
        _routes = routes
            .OrderBy(r => r.Order)
            .ThenBy(r => r.Precedence)
            .ThenBy(r => r.HasMethodConstraint ? 0 : 1)
            .ThenBy(r => r.Name, StringComparer.Ordinal)
            .ToArray();
    }

    public IReadOnlyList<ProxyRoute> Routes => _routes;

    public ProxyRoute? Match(PathString path, string method)
    {
        foreach (var route in _routes)
        {
            if (route.Matches(path, method))
            {
                return route;
            }
        }

        return null;
    }

    /// <summary>Builds the table from configuration; a broken route fails start-up rather than a request.</summary>
    public static RouteTable FromConfig(ReverseProxyOptions options)
    {
        var routes = new List<ProxyRoute>();
        foreach (var (name, config) in options.Routes)
        {
            if (string.IsNullOrWhiteSpace(config.ClusterId) || !options.Clusters.ContainsKey(config.ClusterId))
            {
                throw new InvalidOperationException($"ReverseProxy route '{name}' names unknown cluster '{config.ClusterId}'.");
            }

            if (string.IsNullOrWhiteSpace(config.Match.Path))
            {
                throw new InvalidOperationException($"ReverseProxy route '{name}' has no Match:Path.");
            }

            routes.Add(new ProxyRoute(name, config.ClusterId, config.Match.Path, config.Order ?? 0, config.Match.Methods, config.MaxRequestBodySize));
        }

        return new RouteTable(routes);
    }
}
