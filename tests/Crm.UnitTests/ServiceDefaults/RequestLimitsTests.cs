using System.Net.Sockets;
using System.Text;
using Crm.ServiceDefaults.Http;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shouldly;

namespace Crm.UnitTests.ServiceDefaults;

/// <summary>On a real Kestrel (the limit is Kestrel's): 1 MB by default, more where an endpoint says so.</summary>
public sealed class RequestLimitsTests
{
    [Fact]
    public async Task Bodies_over_1_MB_are_413_unless_the_endpoint_raises_its_limit()
    {
        var builder = WebApplication.CreateBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.AddCrmProblemDetails();
        builder.AddCrmRequestLimits();
        await using var app = builder.Build();
        app.UseCrmProblemDetails();
        static async Task<long> Length(HttpRequest request)
        {
            var copy = new MemoryStream();
            await request.Body.CopyToAsync(copy);
            return copy.Length;
        }

        app.MapPost("/records", (HttpRequest request) => Length(request));
        app.MapPost("/import", (HttpRequest request) => Length(request)).WithRequestBodyLimit(3 * 1024 * 1024);
        await app.StartAsync();
        var address = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());
        using var client = new HttpClient { BaseAddress = address };
        var twoMegabytes = new string('x', 2 * 1024 * 1024);

        (await client.PostAsync("/records", new StringContent(new string('x', 1000)))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);
        (await StatusLineForDeclaredLengthAsync(address, "/records", twoMegabytes.Length)).ShouldStartWith("HTTP/1.1 413");
        (await client.PostAsync("/import", new StringContent(twoMegabytes))).StatusCode.ShouldBe(System.Net.HttpStatusCode.OK);

        await app.StopAsync();
    }

    /// <summary>
    /// Only the headers, declaring the length: Kestrel refuses on the Content-Length alone. (Sending the
    /// body too would race the refusal: the server may close before the client has written it all.)
    /// </summary>
    private static async Task<string> StatusLineForDeclaredLengthAsync(Uri address, string path, int length)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(address.Host, address.Port);
        var stream = tcp.GetStream();
        await stream.WriteAsync(Encoding.ASCII.GetBytes($"POST {path} HTTP/1.1\r\nHost: {address.Authority}\r\nContent-Type: text/plain\r\nContent-Length: {length}\r\n\r\n"));
        var buffer = new byte[512];
        var read = await stream.ReadAsync(buffer);
        return Encoding.ASCII.GetString(buffer, 0, read);
    }
}
