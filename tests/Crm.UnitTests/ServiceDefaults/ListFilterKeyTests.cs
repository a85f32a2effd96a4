using System.Collections;
using Crm.ServiceDefaults.Lists;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class ListFilterKeyTests
{
    private sealed record Row(Guid Id, string Name, int Stage);

    private static readonly IQueryable<Row> Rows = new List<Row>().AsQueryable();

    private static string NameFilter(string name) => ListFilterKey.Of(Rows.Where(r => r.Name == name).OrderBy(r => r.Name));

    private static string IdsFilter(List<Guid> ids) => ListFilterKey.Of(Rows.Where(r => ids.Contains(r.Id)));

    [Fact]
    public void The_same_filter_with_the_same_captured_values_has_the_same_key()
    {
        NameFilter("Acme").ShouldBe(NameFilter("Acme"));
        NameFilter("Acme").ShouldNotBe(NameFilter("Acme Ltd"));
    }

    [Fact]
    public void Values_that_would_print_alike_still_differ()
    {
        // Without the length prefix, "a" then "b,c" and "a,b" then "c" could join into the same text.
        Either("a", "b\u001ec").ShouldNotBe(Either("a\u001eb", "c"));
    }

    [Fact]
    public void A_captured_collection_counts_by_its_items_not_its_type()
    {
        var a = Guid.NewGuid();
        var b = Guid.NewGuid();
        IdsFilter([a, b]).ShouldBe(IdsFilter([a, b]));
        IdsFilter([a, b]).ShouldNotBe(IdsFilter([a]));
        IdsFilter([a]).ShouldNotBe(IdsFilter([b]));
    }

    [Fact]
    public void The_sort_and_the_shape_of_the_query_are_part_of_the_key()
    {
        var stage = 2;
        ListFilterKey.Of(Rows.Where(r => r.Stage == stage)).ShouldNotBe(ListFilterKey.Of(Rows.Where(r => r.Stage > stage)));
        ListFilterKey.Of(Rows.OrderBy(r => r.Name)).ShouldNotBe(ListFilterKey.Of(Rows.OrderByDescending(r => r.Name)));
    }

    [Fact]
    public void A_captured_query_is_described_by_its_expression_and_never_read()
    {
        var subquery = new NeverRead().AsQueryable().Where(r => r.Stage == 3).Select(r => r.Id);
        var key = ListFilterKey.Of(Rows.Where(r => subquery.Contains(r.Id)));

        key.ShouldContain("3");
        key.ShouldBe(ListFilterKey.Of(Rows.Where(r => subquery.Contains(r.Id))));
    }

    private static string Either(string first, string second) => ListFilterKey.Of(Rows.Where(r => r.Name == first || r.Name == second));

    /// <summary>A source whose rows must not be read to build a key.</summary>
    private sealed class NeverRead : IEnumerable<Row>
    {
        public IEnumerator<Row> GetEnumerator() => throw new InvalidOperationException("a key must not read the rows");

        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
