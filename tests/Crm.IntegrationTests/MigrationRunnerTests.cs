using Crm.ServiceDefaults.Data;
using Crm.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using Shouldly;

namespace Crm.IntegrationTests;

public sealed class MigrationRunnerTests(CrmFixture fixture) : IClassFixture<CrmFixture>
{
    [Fact]
    public async Task Replicas_starting_together_apply_each_script_exactly_once()
    {
        var database = "migrate_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(fixture.GetConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.GetConnectionString("postgres")) { Database = database }.ConnectionString;
        MigrationScript[] scripts =
        [
            new("test/0001_a.sql", "CREATE TABLE a (id int PRIMARY KEY); INSERT INTO a VALUES (1);"),
            new("test/0002_b.sql", "CREATE TABLE b (id int PRIMARY KEY); SELECT pg_sleep(0.3);"),
        ];
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => runner.ApplyAsync(connectionString, scripts, CancellationToken.None)));

        results.SelectMany(r => r).Order().ShouldBe(["test/0001_a.sql", "test/0002_b.sql"]);
        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        ((long)(await new NpgsqlCommand("SELECT count(*) FROM schema_migrations", check).ExecuteScalarAsync())!).ShouldBe(2);
        ((long)(await new NpgsqlCommand("SELECT count(*) FROM a", check).ExecuteScalarAsync())!).ShouldBe(1);
    }

    [Fact]
    public async Task A_failing_script_leaves_nothing_half_applied()
    {
        var database = "migrate_" + Guid.NewGuid().ToString("N")[..8];
        await using (var admin = new NpgsqlConnection(fixture.GetConnectionString("postgres")))
        {
            await admin.OpenAsync();
            await new NpgsqlCommand($"CREATE DATABASE {database}", admin).ExecuteNonQueryAsync();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(fixture.GetConnectionString("postgres")) { Database = database }.ConnectionString;
        var runner = new MigrationRunner(NullLogger<MigrationRunner>.Instance);

        await Should.ThrowAsync<PostgresException>(() => runner.ApplyAsync(connectionString, [new("test/0001_bad.sql", "CREATE TABLE c (id int); SELECT * FROM missing_table;")], CancellationToken.None));

        await using var check = new NpgsqlConnection(connectionString);
        await check.OpenAsync();
        ((long)(await new NpgsqlCommand("SELECT count(*) FROM schema_migrations", check).ExecuteScalarAsync())!).ShouldBe(0);
        ((long)(await new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name = 'c'", check).ExecuteScalarAsync())!).ShouldBe(0);
    }
}
