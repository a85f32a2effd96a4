using System.Net;
using System.Net.Sockets;
using Crm.AppHost.Hosting;
using Shouldly;
using Xunit;

namespace Crm.UnitTests.AppHost;

public class FreePortsTests
{
    [Fact]
    public void Hands_out_distinct_bindable_ports()
    {
        var ports = new FreePorts();
        var picked = Enumerable.Range(0, 20).Select(_ => ports.Pick()).ToList();

        picked.Distinct().Count().ShouldBe(picked.Count);
        picked.ShouldAllBe(p => p > 0 && p < 65536);
        picked.ShouldAllBe(p => FreePorts.IsFree(p));
    }

    [Fact]
    public void Returns_a_preferred_port_once()
    {
        var ports = new FreePorts();
        var port = ports.Pick();

        Should.Throw<InvalidOperationException>(() => ports.Pick(port));
        new FreePorts().Pick(port).ShouldBe(port);
    }

    [Fact]
    public void A_port_in_use_is_not_free()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        FreePorts.IsFree(port).ShouldBeFalse();
    }
}
