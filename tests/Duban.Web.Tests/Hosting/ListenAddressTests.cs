using System.Net;
using System.Net.Sockets;
using Duban.Web.Hosting;
using Microsoft.Extensions.Configuration;

namespace Duban.Web.Tests.Hosting;

/// <summary>The address the server listens on: the operator's when given, 5080 otherwise, and a busy one said in one line.</summary>
public sealed class ListenAddressTests
{
    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build();

    [Fact]
    public void Any_of_the_ways_to_give_an_address_counts_as_configured_and_nothing_does_not()
    {
        ListenAddress.IsConfigured(Config()).ShouldBeFalse();
        ListenAddress.IsConfigured(Config(("urls", "http://localhost:6000"))).ShouldBeTrue();
        ListenAddress.IsConfigured(Config(("http_ports", "8080"))).ShouldBeTrue();
        ListenAddress.IsConfigured(Config(("Kestrel:Endpoints:Http:Url", "http://0.0.0.0:7000"))).ShouldBeTrue();
    }

    [Fact]
    public void An_address_another_program_listens_on_is_found_and_named_in_one_line()
    {
        using var other = new TcpListener(IPAddress.Loopback, 0);
        other.Start();
        var port = ((IPEndPoint)other.LocalEndpoint).Port;
        var url = $"http://localhost:{port}";

        ListenAddress.FindBusy(Config(("urls", $"http://127.0.0.1:0;{url}"))).ShouldBe(url);
        var message = ListenAddress.Message(url);
        message.ShouldNotContain("\n");
        message.ShouldContain("已被其他程序占用");
        message.ShouldContain("already in use");
        message.ShouldContain("--urls");

        other.Stop();
        ListenAddress.FindBusy(Config(("urls", url))).ShouldBeNull();
    }
}
