using Crm.ServiceDefaults.Search;

namespace Crm.Gateway.Search;

/// <summary>Puts the services' answers together into the public ones.</summary>
public static class SearchMerge
{
    /// <summary>
    /// Groups in the order the caller gave the types in; without <c>types</c>, the group with the best match
    /// first (exact before prefix before inside), ties and empty groups in the default type order.
    /// </summary>
    public static List<SearchGroup> Groups(IEnumerable<SearchGroup> groups, IReadOnlyList<string> order, bool byBestMatch)
    {
        var ordered = groups.OrderBy(g => Position(order, g.Type));
        if (byBestMatch)
        {
            ordered = groups.OrderBy(g => g.BestRank ?? int.MaxValue).ThenBy(g => Position(order, g.Type));
        }

        return ordered.Select(g => g with { BestRank = null }).ToList();
    }

    /// <summary>Newest views first over every service, at most <paramref name="limit"/>.</summary>
    public static List<RecentItem> Recent(IEnumerable<RecentItem> items, int limit) =>
        items.OrderByDescending(i => i.ViewedAt).ThenBy(i => i.Id).Take(limit).ToList();

    private static int Position(IReadOnlyList<string> order, string type)
    {
        for (var i = 0; i < order.Count; i++)
        {
            if (order[i] == type)
            {
                return i;
            }
        }

        return order.Count;
    }
}
