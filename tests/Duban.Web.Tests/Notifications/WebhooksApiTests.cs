using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Duban.Core.Audit;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Notifications;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Notifications;

public sealed class WebhooksApiTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task The_secret_is_shown_once_at_creation_and_never_again_and_the_audit_log_has_no_secret()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new
        {
            name = "企业微信群", url = "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=abc", eventKinds = new[] { "chase", "supervision-order" }, format = "weCom",
        });

        response.StatusCode.ShouldBe(HttpStatusCode.Created);
        var created = await response.JsonAsync();
        var secret = created.GetProperty("secret").GetString()!;
        secret.Length.ShouldBeGreaterThanOrEqualTo(40);
        var id = created.GetProperty("endpoint").GetProperty("id").GetInt64();
        created.GetProperty("endpoint").GetProperty("eventKinds").EnumerateArray().Select(k => k.GetString()).ShouldBe(["chase", "supervision-order"]);

        var read = await client.GetAsync($"/api/v1/webhooks/{id}");
        var body = await read.Content.ReadAsStringAsync();
        body.ShouldNotContain(secret);
        body.ShouldNotContain("\"secret\"");
        (await client.GetStringAsync("/api/v1/webhooks?pageSize=100")).ShouldNotContain(secret);
        (await client.GetStringAsync("/webhooks")).ShouldNotContain(secret);

        var audit = await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.EntityType == WebhookAdministration.AuditEntity && a.EntityId == id.ToString()).ToListAsync());
        audit.Single().Action.ShouldBe(WebhookAdministration.CreateAction);
        audit.Single().After!.ShouldContain("qyapi.weixin.qq.com");
        audit.Single().After!.ShouldNotContain(secret);
        audit.Single().Actor.ShouldBe(DemoAccounts.Admin);
    }

    [Theory]
    [InlineData("ftp://example.com/hook", "url")]
    [InlineData("file:///etc/passwd", "url")]
    [InlineData("http://127.0.0.1:8080/hook", "url")]
    [InlineData("http://169.254.169.254/latest", "url")]
    [InlineData("http://192.0.2.2:8080/hook", "url")]
    [InlineData("http://198.18.0.1/hook", "url")]
    [InlineData("http://239.255.255.250/hook", "url")]
    [InlineData("http://255.255.255.255/hook", "url")]
    [InlineData("http://[64:ff9b::a00:1]/hook", "url")]
    [InlineData("http://[2002:c0a8:101::1]/hook", "url")]
    [InlineData("http://[::ffff:127.0.0.1]/hook", "url")]
    [InlineData("http://localhost./hook", "url")]
    public async Task Non_http_and_internal_urls_are_refused_and_nothing_is_stored(string url, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "坏地址", url });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldStartWith("url（接收地址）");
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().AnyAsync(e => e.Url == url))).ShouldBeFalse();
    }

    [Fact]
    public async Task The_machines_own_host_name_is_refused_and_nothing_is_stored()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var url = $"http://{Dns.GetHostName()}:8080/hook";

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "本机", url });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe("url");
        problem.GetProperty("detail").GetString()!.ShouldContain("本机");
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().AnyAsync(e => e.Url == url))).ShouldBeFalse();
    }

    [Fact]
    public async Task An_internal_endpoint_saved_before_can_be_renamed_and_disabled_but_not_enabled_again()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        // Saved under the old rules, which let 198.18.0.0/15 through.
        var id = await Factory.WithDbAsync(async db =>
        {
            var endpoint = new WebhookEndpoint { Name = "旧内网地址", Url = "http://198.18.0.7/hook", Secret = WebhookSignature.NewSecret(), CreatedAt = DateTimeOffset.UtcNow };
            db.Add(endpoint);
            await db.SaveChangesAsync();
            return endpoint.Id;
        });

        async Task<HttpResponseMessage> PutAsync(object changes)
        {
            var current = await client.GetAsync($"/api/v1/webhooks/{id}");
            using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(changes) };
            request.Headers.IfMatch.Add(current.Headers.ETag!);
            return await client.SendAsync(request);
        }

        var disabled = await PutAsync(new { name = "旧内网地址", url = "http://198.18.0.7/hook", enabled = false });
        disabled.StatusCode.ShouldBe(HttpStatusCode.OK, await disabled.Content.ReadAsStringAsync());
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().SingleAsync(e => e.Id == id))).Enabled.ShouldBeFalse();

        (await PutAsync(new { name = "旧内网地址（已停用）", url = "http://198.18.0.7/hook", enabled = false })).StatusCode.ShouldBe(HttpStatusCode.OK);

        var enabled = await PutAsync(new { name = "旧内网地址（已停用）", url = "http://198.18.0.7/hook", enabled = true });
        enabled.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await enabled.JsonAsync()).GetProperty("field").GetString().ShouldBe("url");
        var moved = await PutAsync(new { name = "旧内网地址（已停用）", url = "http://198.18.0.8/hook", enabled = false });
        moved.StatusCode.ShouldBe(HttpStatusCode.BadRequest, "a changed URL is judged again, enabled or not");
        var stored = await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().SingleAsync(e => e.Id == id));
        stored.Enabled.ShouldBeFalse();
        stored.Url.ShouldBe("http://198.18.0.7/hook");
        stored.Name.ShouldBe("旧内网地址（已停用）");
    }

    [Fact]
    public void The_registered_webhook_client_uses_no_proxy()
    {
        using var scope = Factory.Services.CreateScope();
        HttpMessageHandler? handler = scope.ServiceProvider.GetRequiredService<IHttpMessageHandlerFactory>().CreateHandler(NotificationsRegistration.WebhookHttpClient);
        while (handler is DelegatingHandler delegating) handler = delegating.InnerHandler;

        var sockets = handler.ShouldBeOfType<SocketsHttpHandler>();
        sockets.UseProxy.ShouldBeFalse();
        sockets.Proxy.ShouldBeNull();
        sockets.ConnectCallback.ShouldNotBeNull();
    }

    [Theory]
    [InlineData("{}", "name")]
    [InlineData("{\"name\":\"无地址\"}", "url")]
    [InlineData("{\"url\":\"https://hooks.example.com/x\"}", "name")]
    public async Task Missing_fields_are_refused_naming_them(string body, string field)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsync("/api/v1/webhooks", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe(field);
    }

    [Fact]
    public async Task An_unknown_event_kind_is_refused_naming_the_field()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "x", url = "https://hooks.example.com/x", eventKinds = new[] { "everything" } });

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("eventKinds");
    }

    [Fact]
    public async Task An_update_needs_the_etag_keeps_the_secret_and_is_audited_before_and_after()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var created = await (await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "钉钉", url = "https://oapi.dingtalk.com/robot/send?access_token=t", format = "dingTalk" })).JsonAsync();
        var id = created.GetProperty("endpoint").GetProperty("id").GetInt64();
        var secretBefore = await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().Where(e => e.Id == id).Select(e => e.Secret).SingleAsync());
        var changes = new { name = "钉钉（停用）", url = "https://oapi.dingtalk.com/robot/send?access_token=t", eventKinds = Array.Empty<string>(), format = "dingTalk", enabled = false };

        (await client.PutAsJsonAsync($"/api/v1/webhooks/{id}", changes)).StatusCode.ShouldBe((HttpStatusCode)428);
        var current = await client.GetAsync($"/api/v1/webhooks/{id}");
        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(changes) };
        request.Headers.IfMatch.Add(current.Headers.ETag!);
        var updated = await client.SendAsync(request);

        updated.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await updated.JsonAsync()).GetProperty("enabled").GetBoolean().ShouldBeFalse();
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().Where(e => e.Id == id).Select(e => e.Secret).SingleAsync())).ShouldBe(secretBefore);
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.SingleAsync(a => a.Action == WebhookAdministration.UpdateAction && a.EntityId == id.ToString()));
        entry.Before!.ShouldContain("\"enabled\":true", Case.Insensitive);
        entry.After!.ShouldContain("钉钉（停用）");

        using var stale = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/webhooks/{id}") { Content = JsonContent.Create(changes) };
        stale.Headers.IfMatch.Add(current.Headers.ETag!);
        (await client.SendAsync(stale)).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
    }

    [Fact]
    public async Task A_test_message_is_queued_for_the_endpoint_and_listed_in_its_deliveries()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var created = await (await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "只收督办单", url = "https://hooks.example.invalid/orders", eventKinds = new[] { "supervision-order" } })).JsonAsync();
        var id = created.GetProperty("endpoint").GetProperty("id").GetInt64();

        var test = await client.PostAsync($"/api/v1/webhooks/{id}/test", null);

        test.StatusCode.ShouldBe(HttpStatusCode.Accepted);
        var deliveries = await (await client.GetAsync($"/api/v1/webhooks/{id}/deliveries")).JsonAsync();
        deliveries.GetProperty("total").GetInt32().ShouldBe(1);
        deliveries.GetProperty("items")[0].GetProperty("eventKind").GetString().ShouldBe("test");
        (await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == WebhookAdministration.TestAction && a.EntityId == id.ToString()))).ShouldBeTrue();
    }

    [Fact]
    public async Task An_administrator_of_one_region_may_not_configure_webhooks()
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        await Factory.CreateUserAsync("city-admin-hooks", "city-admin-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: city);
        var client = await Factory.SignedInAsync("city-admin-hooks", "city-admin-password-1");

        (await client.GetAsync("/api/v1/webhooks")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var create = await client.PostAsJsonAsync("/api/v1/webhooks", new { name = "越权", url = "https://hooks.example.com/city" });
        create.StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().AnyAsync(e => e.Name == "越权"))).ShouldBeFalse();
    }
}
