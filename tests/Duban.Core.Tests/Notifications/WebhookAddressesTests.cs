using System.Net;
using System.Numerics;
using Duban.Core.Notifications;

namespace Duban.Core.Tests.Notifications;

public sealed class WebhookAddressesTests
{
    /// <summary>A machine with no names or addresses of its own, so that only the registries decide.</summary>
    private static readonly LocalMachine Nowhere = new([], []);

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")]
    [InlineData("http://hooks.example.com:8080/duban")]
    [InlineData("https://8.8.8.8/hook")]
    [InlineData("https://[2400:3200::1]/hook")]
    public void Public_http_and_https_urls_are_accepted(string url) => WebhookAddresses.Check(url, allowInternal: false).ShouldBeNull();

    [Theory]
    [InlineData("", "不能为空")]
    [InlineData("ftp://example.com/x", "http://")]
    [InlineData("file:///etc/passwd", "http://")]
    [InlineData("gopher://example.com", "http://")]
    [InlineData("/relative", "http://")]
    [InlineData("https://user:pw@example.com/", "用户名或密码")]
    public void Other_urls_are_refused_naming_the_field(string url, string reason)
    {
        var problem = WebhookAddresses.Check(url, allowInternal: true);

        problem.ShouldNotBeNull();
        problem.ShouldStartWith("url（接收地址）");
        problem.ShouldContain(reason);
    }

    [Theory]
    [InlineData("http://localhost/x")]
    [InlineData("http://LOCALHOST./x")]
    [InlineData("http://api.localhost/x")]
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("http://2130706433/x")] // 127.0.0.1 as one number
    [InlineData("http://0x7f000001/x")]
    [InlineData("http://017700000001/x")]
    [InlineData("http://127.1/x")]
    [InlineData("http://10.1.2.3/x")]
    [InlineData("http://172.20.0.1/x")]
    [InlineData("http://192.168.1.1/x")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://192.0.2.10/x")]
    [InlineData("http://198.18.0.1/x")]
    [InlineData("http://224.0.0.251/x")]
    [InlineData("http://255.255.255.255/x")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://[fd00::1]/x")]
    [InlineData("http://[fe80::1%25eth0]/x")]
    [InlineData("http://[::ffff:127.0.0.1]/x")]
    [InlineData("http://[::ffff:a9fe:a9fe]/x")]
    [InlineData("http://[64:ff9b::a9fe:a9fe]/x")] // NAT64 of 169.254.169.254
    [InlineData("http://[2002:a9fe:a9fe::1]/x")] // 6to4 of 169.254.169.254
    [InlineData("http://[2001:0:808:808::f5ff:fffe]/x")] // Teredo, client 10.0.0.1
    public void Internal_addresses_are_refused_unless_the_deployment_allows_them(string url)
    {
        WebhookAddresses.Check(url, allowInternal: false, Nowhere)!.ShouldContain(WebhookAddresses.AllowSetting);
        WebhookAddresses.Check(url, allowInternal: true).ShouldBeNull();
    }

    /// <summary>Each range of the registries at and beside its edges, and each form that carries an IPv4 address.</summary>
    [Theory]
    // IPv4 special-purpose registry, in and out of each edge.
    [InlineData("0.0.0.0", true)]
    [InlineData("0.255.255.255", true)]
    [InlineData("1.0.0.0", false)]
    [InlineData("9.255.255.255", false)]
    [InlineData("10.0.0.0", true)]
    [InlineData("10.255.255.255", true)]
    [InlineData("11.0.0.0", false)]
    [InlineData("100.63.255.255", false)]
    [InlineData("100.64.0.0", true)]
    [InlineData("100.127.255.255", true)]
    [InlineData("100.128.0.0", false)]
    [InlineData("126.255.255.255", false)]
    [InlineData("127.0.0.0", true)]
    [InlineData("127.255.255.255", true)]
    [InlineData("128.0.0.0", false)]
    [InlineData("169.253.255.255", false)]
    [InlineData("169.254.0.0", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("169.255.0.0", false)]
    [InlineData("172.15.255.255", false)]
    [InlineData("172.16.0.0", true)]
    [InlineData("172.31.255.255", true)]
    [InlineData("172.32.0.0", false)]
    [InlineData("191.255.255.255", false)]
    [InlineData("192.0.0.0", true)]
    [InlineData("192.0.0.8", true)]
    [InlineData("192.0.0.171", true)]
    [InlineData("192.0.0.255", true)]
    [InlineData("192.0.1.0", false)]
    [InlineData("192.0.1.255", false)]
    [InlineData("192.0.2.0", true)]
    [InlineData("192.0.2.255", true)]
    [InlineData("192.0.3.0", false)]
    [InlineData("192.31.195.255", false)]
    [InlineData("192.31.196.0", true)]
    [InlineData("192.31.196.255", true)]
    [InlineData("192.31.197.0", false)]
    [InlineData("192.52.192.255", false)]
    [InlineData("192.52.193.0", true)]
    [InlineData("192.52.193.255", true)]
    [InlineData("192.52.194.0", false)]
    [InlineData("192.88.98.255", false)]
    [InlineData("192.88.99.0", true)]
    [InlineData("192.88.99.255", true)]
    [InlineData("192.88.100.0", false)]
    [InlineData("192.167.255.255", false)]
    [InlineData("192.168.0.0", true)]
    [InlineData("192.168.255.255", true)]
    [InlineData("192.169.0.0", false)]
    [InlineData("192.175.47.255", false)]
    [InlineData("192.175.48.0", true)]
    [InlineData("192.175.48.255", true)]
    [InlineData("192.175.49.0", false)]
    [InlineData("198.17.255.255", false)]
    [InlineData("198.18.0.0", true)]
    [InlineData("198.19.255.255", true)]
    [InlineData("198.20.0.0", false)]
    [InlineData("198.51.99.255", false)]
    [InlineData("198.51.100.0", true)]
    [InlineData("198.51.100.255", true)]
    [InlineData("198.51.101.0", false)]
    [InlineData("203.0.112.255", false)]
    [InlineData("203.0.113.0", true)]
    [InlineData("203.0.113.255", true)]
    [InlineData("203.0.114.0", false)]
    [InlineData("223.255.255.255", false)]
    [InlineData("224.0.0.0", true)] // multicast
    [InlineData("239.255.255.255", true)]
    [InlineData("240.0.0.0", true)] // reserved
    [InlineData("255.255.255.254", true)]
    [InlineData("255.255.255.255", true)] // limited broadcast
    [InlineData("8.8.8.8", false)]
    [InlineData("114.114.114.114", false)]
    // IPv6 special-purpose registry and the reserved address space.
    [InlineData("::", true)]
    [InlineData("::1", true)]
    [InlineData("::2", true)] // reserved ::/8
    [InlineData("::10.0.0.1", true)] // IPv4-compatible, deprecated
    [InlineData("::8.8.8.8", true)]
    [InlineData("ff:ffff::1", true)]
    [InlineData("100::", true)]
    [InlineData("100:0:0:1::1", true)]
    [InlineData("1fff:ffff::1", true)]
    [InlineData("2000::1", false)]
    [InlineData("2001::", true)] // 2001::/23, IETF protocol assignments
    [InlineData("2001:1::1", true)]
    [InlineData("2001:2::1", true)]
    [InlineData("2001:3::1", true)]
    [InlineData("2001:4:112::1", true)]
    [InlineData("2001:10::1", true)]
    [InlineData("2001:20::1", true)]
    [InlineData("2001:30::1", true)]
    [InlineData("2001:1ff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:200::1", false)]
    [InlineData("2001:db7:ffff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2001:db8::", true)]
    [InlineData("2001:db8:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2001:db9::", false)]
    [InlineData("2001:4860:4860::8888", false)]
    [InlineData("2400:3200::1", false)]
    [InlineData("2620:4f:7fff:ffff:ffff:ffff:ffff:ffff", false)]
    [InlineData("2620:4f:8000::", true)]
    [InlineData("2620:4f:8000:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("2620:4f:8001::", false)]
    [InlineData("3ffe::1", false)]
    [InlineData("3fff::", true)]
    [InlineData("3fff:fff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("3fff:1000::", false)]
    [InlineData("4000::1", true)]
    [InlineData("5f00::1", true)]
    [InlineData("e000::1", true)]
    [InlineData("fbff:ffff::1", true)]
    [InlineData("fc00::", true)]
    [InlineData("fdff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    [InlineData("fe00::1", true)]
    [InlineData("fe80::", true)]
    [InlineData("febf:ffff::1", true)]
    [InlineData("fec0::1", true)]
    [InlineData("ff02::1", true)]
    [InlineData("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff", true)]
    // IPv4-mapped: judged by the IPv4 address.
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("::ffff:8.8.8.8", false)]
    // NAT64, well-known prefix: judged by the IPv4 address; the local-use prefix is refused whole.
    [InlineData("64:ff9b::10.0.0.1", true)]
    [InlineData("64:ff9b::127.0.0.1", true)]
    [InlineData("64:ff9b::198.18.0.1", true)]
    [InlineData("64:ff9b::8.8.8.8", false)]
    [InlineData("64:ff9b:0:0:0:1:808:808", true)] // outside 64:ff9b::/96: reserved ::/8
    [InlineData("64:ff9b:1::808:808", true)]
    [InlineData("64:ff9b:1:ffff:ffff:ffff:ffff:ffff", true)]
    // 6to4: the IPv4 address follows 2002.
    [InlineData("2002:0a00:0001::1", true)]
    [InlineData("2002:7f00:0001::", true)]
    [InlineData("2002:c000:0201::1", true)] // 192.0.2.1
    [InlineData("2002:e000:0001::1", true)] // 224.0.0.1
    [InlineData("2002:0808:0808::1", false)]
    // Teredo: server after the prefix, client inverted at the end (RFC 4380's example has client 192.0.2.45).
    [InlineData("2001:0:4136:e378:8000:63bf:3fff:fdd2", true)]
    [InlineData("2001:0:808:808::fefe:fefe", false)] // server 8.8.8.8, client 1.1.1.1
    [InlineData("2001:0:808:808::f5ff:fffe", true)] // client 10.0.0.1
    [InlineData("2001:0:7f00:1::fefe:fefe", true)] // server 127.0.0.1
    public void Addresses_are_judged_by_the_special_purpose_registries(string address, bool refused) =>
        (WebhookAddresses.RefusalOf(IPAddress.Parse(address), Nowhere) is not null).ShouldBe(refused);

    [Fact]
    public void Every_registry_entry_holds_its_first_and_last_address_and_not_the_ones_beside_it()
    {
        foreach (var entry in SpecialPurposeAddresses.IPv4.Concat(SpecialPurposeAddresses.IPv6))
        {
            var (first, last) = Edges(entry.Network);
            entry.Contains(first).ShouldBeTrue(entry.ToString());
            entry.Contains(last).ShouldBeTrue(entry.ToString());
            SpecialPurposeAddresses.RangeOf(first).ShouldNotBeNull(entry.ToString());
            SpecialPurposeAddresses.RangeOf(last).ShouldNotBeNull(entry.ToString());
            if (Step(first, -1) is { } before) entry.Contains(before).ShouldBeFalse(entry.ToString());
            if (Step(last, +1) is { } after) entry.Contains(after).ShouldBeFalse(entry.ToString());
            entry.Rfc.ShouldStartWith("RFC ");
        }
    }

    [Fact]
    public void A_refusal_names_the_address_its_purpose_its_block_and_its_rfc()
    {
        WebhookAddresses.RefusalOf(IPAddress.Parse("198.18.0.1"), Nowhere).ShouldBe("198.18.0.1（网络设备基准测试地址，198.18.0.0/15，RFC 2544）");
        WebhookAddresses.RefusalOf(IPAddress.Parse("2002:a00:1::1"), Nowhere)!.ShouldContain("内含 10.0.0.1（私有地址，10.0.0.0/8，RFC 1918）");
        WebhookAddresses.RefusalOf(IPAddress.Parse("64:ff9b::a9fe:a9fe"), Nowhere)!.ShouldContain("NAT64");
    }

    [Fact]
    public void The_machines_own_names_and_addresses_are_refused_even_when_public()
    {
        var machine = new LocalMachine(["duban-app", "duban-app.gov.example"], [IPAddress.Parse("8.8.4.4"), IPAddress.Parse("2400:3200::5%3")]);

        WebhookAddresses.RefusalOf(IPAddress.Parse("8.8.4.4"), machine)!.ShouldContain("本机地址");
        WebhookAddresses.RefusalOf(IPAddress.Parse("::ffff:8.8.4.4"), machine).ShouldNotBeNull();
        WebhookAddresses.RefusalOf(IPAddress.Parse("64:ff9b::808:404"), machine).ShouldNotBeNull();
        WebhookAddresses.RefusalOf(IPAddress.Parse("2400:3200::5"), machine).ShouldNotBeNull();
        WebhookAddresses.RefusalOf(IPAddress.Parse("8.8.4.4"), Nowhere).ShouldBeNull();
        WebhookAddresses.Check("https://8.8.4.4/hook", false, machine).ShouldNotBeNull();
        WebhookAddresses.Check("http://DUBAN-APP:8080/hook", false, machine)!.ShouldContain("指向本机");
        WebhookAddresses.Check("http://duban-app.gov.example./hook", false, machine).ShouldNotBeNull();
        WebhookAddresses.Check("http://duban-app.other.example/hook", false, machine).ShouldBeNull();
    }

    [Fact]
    public async Task This_machines_host_name_and_interface_addresses_are_refused()
    {
        var machine = LocalMachine.Current();
        machine.HostNames.ShouldContain(Dns.GetHostName().ToLowerInvariant());

        WebhookAddresses.Check($"http://{Dns.GetHostName()}:8080/hook", allowInternal: false)!.ShouldContain("指向本机");
        (await WebhookAddresses.CheckResolvedAsync($"http://{Dns.GetHostName()}:8080/hook", false, TimeSpan.FromSeconds(5))).ShouldNotBeNull();
        foreach (var address in machine.Addresses) WebhookAddresses.RefusalOf(address).ShouldNotBeNull(address.ToString());
        foreach (var address in await Dns.GetHostAddressesAsync(Dns.GetHostName())) WebhookAddresses.RefusalOf(address).ShouldNotBeNull(address.ToString());
    }

    [Fact]
    public async Task A_name_that_does_not_resolve_passes_the_save_time_lookup_and_is_judged_when_sending()
    {
        (await WebhookAddresses.CheckResolvedAsync("https://hooks.example.invalid/x", false, TimeSpan.FromSeconds(5))).ShouldBeNull();
        (await WebhookAddresses.CheckResolvedAsync("http://localhost:8080/x", false, TimeSpan.FromSeconds(5))).ShouldNotBeNull();
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.16.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("100.64.0.1", true)]
    public void Resolved_addresses_are_classified(string address, bool internalAddress) =>
        WebhookAddresses.IsInternal(IPAddress.Parse(address)).ShouldBe(internalAddress);

    private static (IPAddress First, IPAddress Last) Edges(IPNetwork network)
    {
        var bits = network.BaseAddress.GetAddressBytes().Length * 8;
        var first = ToNumber(network.BaseAddress);
        var last = first + (BigInteger.One << (bits - network.PrefixLength)) - 1;
        return (ToAddress(first, bits), ToAddress(last, bits));
    }

    private static IPAddress? Step(IPAddress address, int by)
    {
        var bits = address.GetAddressBytes().Length * 8;
        var next = ToNumber(address) + by;
        return next < 0 || next >= BigInteger.One << bits ? null : ToAddress(next, bits);
    }

    private static BigInteger ToNumber(IPAddress address) => new(address.GetAddressBytes(), isUnsigned: true, isBigEndian: true);

    private static IPAddress ToAddress(BigInteger number, int bits)
    {
        var bytes = new byte[bits / 8];
        var raw = number.ToByteArray(isUnsigned: true, isBigEndian: true);
        raw.CopyTo(bytes, bytes.Length - raw.Length);
        return new IPAddress(bytes);
    }
}
