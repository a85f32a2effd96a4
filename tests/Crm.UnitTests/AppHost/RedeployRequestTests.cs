using Crm.AppHost.Deployment;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public sealed class RedeployRequestTests : IDisposable
{
    private readonly string _dataDir = Directory.CreateTempSubdirectory("crm-redeploy-").FullName;

    public void Dispose() => Directory.Delete(_dataDir, recursive: true);

    [Fact]
    public void A_written_request_is_taken_once()
    {
        var request = new RedeployRequest("abc123", "sales", "/releases/sales/x/Crm.Sales");
        request.Write(_dataDir);

        RedeployRequest.Take(_dataDir).ToList().ShouldBe([request]);
        RedeployRequest.Take(_dataDir).ShouldBeEmpty();
    }

    [Fact]
    public void A_request_that_is_not_json_is_taken_as_void()
    {
        Directory.CreateDirectory(RedeployRequest.Directory(_dataDir));
        File.WriteAllText(Path.Combine(RedeployRequest.Directory(_dataDir), "bad.request"), "{ not json");

        RedeployRequest.Take(_dataDir).ToList().ShouldBe([null]);
        Directory.GetFiles(RedeployRequest.Directory(_dataDir), "*.request").ShouldBeEmpty();
    }

    [Fact]
    public void Without_a_redeploy_directory_there_is_nothing_to_take() =>
        RedeployRequest.Take(Path.Combine(_dataDir, "never-run")).ShouldBeEmpty();
}
