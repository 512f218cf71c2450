using System.Net;
using Duban.Core.Notifications;

namespace Duban.Core.Tests.Notifications;

public sealed class WebhookAddressesTests
{
    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc")]
    [InlineData("http://hooks.example.com:8080/duban")]
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
    [InlineData("http://127.0.0.1:8080/x")]
    [InlineData("http://10.1.2.3/x")]
    [InlineData("http://172.20.0.1/x")]
    [InlineData("http://192.168.1.1/x")]
    [InlineData("http://169.254.169.254/latest/meta-data")]
    [InlineData("http://[::1]/x")]
    [InlineData("http://[fd00::1]/x")]
    public void Internal_addresses_are_refused_unless_the_deployment_allows_them(string url)
    {
        WebhookAddresses.Check(url, allowInternal: false)!.ShouldContain("Webhooks:AllowInternalAddresses");
        WebhookAddresses.Check(url, allowInternal: true).ShouldBeNull();
    }

    [Theory]
    [InlineData("8.8.8.8", false)]
    [InlineData("172.32.0.1", false)]
    [InlineData("172.16.0.1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("100.64.0.1", true)]
    public void Resolved_addresses_are_classified(string address, bool internalAddress) =>
        WebhookAddresses.IsInternal(IPAddress.Parse(address)).ShouldBe(internalAddress);
}
