using System.Linq.Expressions;
using Crm.ServiceDefaults.Lists;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class ListQueryTests
{
    private sealed record Row(int Id, string Name, int Size);

    private static readonly Dictionary<string, Expression<Func<Row, object?>>> Sorts = new()
    {
        ["name"] = r => r.Name,
        ["size"] = r => r.Size,
    };

    [Theory]
    [InlineData(null, null, 1, 50)]
    [InlineData(0, 0, 1, 1)]
    [InlineData(3, 1000, 3, 200)]
    [InlineData(-2, 25, 1, 25)]
    public void Page_and_page_size_are_clamped(int? page, int? size, int expectedPage, int expectedSize)
    {
        var query = new ListQuery { Page = page, PageSize = size };

        query.EffectivePage.ShouldBe(expectedPage);
        query.EffectivePageSize.ShouldBe(expectedSize);
    }

    [Theory]
    [InlineData(null, null, 0L)]
    [InlineData(3, 50, 100L)]
    [InlineData(int.MaxValue, 200, 429_496_729_200L)]
    public void The_offset_of_any_page_fits_without_overflowing(int? page, int? size, long offset) =>
        new ListQuery { Page = page, PageSize = size }.Offset.ShouldBe(offset);

    [Fact]
    public void Sorts_by_the_named_column_in_either_direction_with_a_stable_tie_breaker()
    {
        var rows = new[] { new Row(3, "b", 1), new Row(1, "a", 2), new Row(2, "b", 2) }.AsQueryable();

        rows.ApplySort("name", Sorts, "name", r => r.Id).Select(r => r.Id).ShouldBe([1, 2, 3]);
        rows.ApplySort("-size", Sorts, "name", r => r.Id).Select(r => r.Id).ShouldBe([1, 2, 3]);
        rows.ApplySort("size", Sorts, "name", r => r.Id).Select(r => r.Id).ShouldBe([3, 1, 2]);
    }

    [Fact]
    public void Unknown_sort_is_reported_and_falls_back_to_the_default()
    {
        QueryableListExtensions.IsKnownSort("-name", Sorts).ShouldBeTrue();
        QueryableListExtensions.IsKnownSort("password", Sorts).ShouldBeFalse();
        var rows = new[] { new Row(1, "b", 1), new Row(2, "a", 2) }.AsQueryable();
        rows.ApplySort("password", Sorts, "name", r => r.Id).Select(r => r.Id).ShouldBe([2, 1]);
    }

    [Fact]
    public void Like_pattern_escapes_wildcards() =>
        QueryableListExtensions.LikePattern("50%_off\\").ShouldBe("%50\\%\\_off\\\\%");
}
