using Microsoft.Extensions.Caching.Memory;

namespace Crm.ServiceDefaults.Lists;

/// <summary>
/// The totals of the lists this process has counted, each kept under the database's list_count_generation
/// read before it was counted, so a total is reused only while nothing has been committed since
/// (ListCountGeneration). Paging through a list, or twenty people opening the same view, then counts it
/// once instead of once per page. Totals, never pages: rows are always read fresh.
/// </summary>
public static class ListCountCache
{
    /// <summary>How long a total may live even unchanged: bounds the lag if a bump after a commit was lost (the process died between the two).</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(1);

    // One per process (the list helpers are static); keys carry the database's name, so services sharing a
    // process in tests never mix. Bounded: at most this many filters are remembered.
    private static readonly MemoryCache Totals = new(new MemoryCacheOptions { SizeLimit = 20_000 });

    public static bool TryGet(string generation, string filter, out int total) =>
        Totals.TryGetValue((generation, filter), out total);

    public static void Set(string generation, string filter, int total)
    {
        Totals.Set((generation, filter), total, new MemoryCacheEntryOptions { Size = 1, AbsoluteExpirationRelativeToNow = Lifetime });
    }
}
