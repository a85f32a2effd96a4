using System.Net.Sockets;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.ServiceDefaults;

public sealed class DatabaseUnavailableTests
{
    public static TheoryData<string> OutageStates => ["57P01", "57P02", "57P03", "53300", "08006", "58030"];

    [Theory]
    [MemberData(nameof(OutageStates))]
    public void A_server_that_is_shutting_down_starting_up_or_out_of_connections_is_unavailable(string sqlState) =>
        DatabaseUnavailable.Is(new PostgresException("down", "FATAL", "FATAL", sqlState)).ShouldBeTrue();

    [Fact]
    public void A_refused_or_timed_out_connection_is_unavailable_also_when_ef_core_wraps_it()
    {
        var refused = new NpgsqlException("Failed to connect to 127.0.0.1:5432", new SocketException((int)SocketError.ConnectionRefused));
        var timedOut = new NpgsqlException("Exception while connecting", new TimeoutException());

        DatabaseUnavailable.Is(refused).ShouldBeTrue();
        DatabaseUnavailable.Is(timedOut).ShouldBeTrue();
        DatabaseUnavailable.Is(new DbUpdateException("save failed", refused)).ShouldBeTrue();
        DatabaseUnavailable.Is(new InvalidOperationException("query failed", timedOut)).ShouldBeTrue();
    }

    [Theory]
    [InlineData(PostgresErrorCodes.UniqueViolation)]
    [InlineData(PostgresErrorCodes.SerializationFailure)]
    [InlineData(PostgresErrorCodes.UndefinedTable)]
    [InlineData(PostgresErrorCodes.InvalidTextRepresentation)]
    public void Errors_of_the_request_or_the_code_are_not_an_outage(string sqlState) =>
        DatabaseUnavailable.Is(new DbUpdateException("save failed", new PostgresException("no", "ERROR", "ERROR", sqlState))).ShouldBeFalse();

    [Fact]
    public void Other_exceptions_are_not_an_outage()
    {
        DatabaseUnavailable.Is(new InvalidOperationException("bug")).ShouldBeFalse();
        DatabaseUnavailable.Is(new NpgsqlException("protocol misuse")).ShouldBeFalse();
    }

    [Fact]
    public void The_answer_is_a_503_that_says_when_to_retry()
    {
        var response = new DefaultHttpContext().Response;

        var problem = DatabaseUnavailable.Answer(response);

        problem.Status.ShouldBe(StatusCodes.Status503ServiceUnavailable);
        response.Headers.RetryAfter.ToString().ShouldBe("5");
    }
}
