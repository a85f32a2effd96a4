using Crm.ServiceDefaults.Data;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class SnakeCaseNamesTests
{
    [Theory]
    [InlineData("Name", "name")]
    [InlineData("FirstName", "first_name")]
    [InlineData("IsRetainerProduct", "is_retainer_product")]
    [InlineData("OwnerId", "owner_id")]
    [InlineData("HTTPStatus", "http_status")]
    [InlineData("already_snake", "already_snake")]
    public void Converts_pascal_case_to_snake_case(string input, string expected) =>
        SnakeCaseNames.ToSnakeCase(input).ShouldBe(expected);
}
