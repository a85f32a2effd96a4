using Crm.Testing;
using Npgsql;

namespace Crm.IntegrationTests;

/// <summary>Straight SQL against a service's database (<c>identitydb</c>, <c>salesdb</c>...), to break, inspect or age its rows.</summary>
public static class Sql
{
    public static async Task<T?> ScalarAsync<T>(this CrmFixture fixture, string database, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(fixture.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        var value = await command.ExecuteScalarAsync();
        return value is null or DBNull ? default : (T)value;
    }

    public static async Task<int> ExecuteAsync(this CrmFixture fixture, string database, string sql, object? parameters = null)
    {
        await using var connection = new NpgsqlConnection(fixture.GetConnectionString(database));
        await connection.OpenAsync();
        await using var command = Command(connection, sql, parameters);
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>Parameters are the properties of an anonymous object: <c>new { id }</c> binds <c>@id</c>.</summary>
    private static NpgsqlCommand Command(NpgsqlConnection connection, string sql, object? parameters)
    {
        var command = new NpgsqlCommand(sql, connection);
        foreach (var property in parameters?.GetType().GetProperties() ?? [])
        {
            command.Parameters.AddWithValue(property.Name, property.GetValue(parameters) ?? DBNull.Value);
        }

        return command;
    }
}
