using System.Net;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Notifications;

public sealed class NotificationPagesTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task Marking_a_notification_read_on_the_page_clears_it_from_the_badge()
    {
        var user = await Factory.CreateUserAsync("page-reader-" + Guid.NewGuid().ToString("N")[..6], "page-reader-password-1");
        await Factory.WithDbAsync(db => new NotificationCenter(db).NotifyUserAsync(user.Id,
            new NotificationMessage(NotificationKinds.Reminder, "提醒：11月5日截止", "请按时填报。", "tasks", "page:" + user.Id), DateTimeOffset.UtcNow));
        var id = await Factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.RecipientId == user.Id).Select(n => n.Id).SingleAsync());
        var client = await Factory.SignedInAsync(user.UserName, "page-reader-password-1");

        var response = await Browser.SubmitAsync(client, "/notifications", new Dictionary<string, string> { ["ReadId"] = id.ToString() }, formName: "read-one");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect, "after the post, back to the list with a GET");
        var html = await client.GetStringAsync(response.Headers.Location!);
        html.ShouldContain("已读");
        html.ShouldNotContain("条未读通知");
        (await Factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync())).ShouldNotBeNull();
    }

    [Fact]
    public async Task The_webhooks_page_shows_the_new_secret_once_and_refuses_a_bad_url_in_chinese()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var bad = await Browser.SubmitAsync(client, "/webhooks", new Dictionary<string, string> { ["Input.Name"] = "坏", ["Input.Url"] = "ftp://x" }, formName: "new-webhook");
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.Content.ReadAsStringAsync()).ShouldContain("必须是以 http:// 或 https:// 开头的完整地址");

        var good = await Browser.SubmitAsync(client, "/webhooks",
            new Dictionary<string, string> { ["Input.Name"] = "页面添加", ["Input.Url"] = "https://oapi.dingtalk.com/robot/send?access_token=p", ["Input.Format"] = "DingTalk" },
            formName: "new-webhook");
        good.StatusCode.ShouldBe(HttpStatusCode.OK);
        var secret = await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().Where(e => e.Name == "页面添加").Select(e => e.Secret).SingleAsync());
        (await good.Content.ReadAsStringAsync()).ShouldContain(secret);
        var later = await client.GetStringAsync("/webhooks");
        later.ShouldContain("页面添加");
        later.ShouldContain("钉钉");
        later.ShouldNotContain(secret);
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Inspector)]
    public async Task Only_administrators_reach_the_webhooks_page(string userName)
    {
        var client = await Factory.SignedInAsync(userName);

        var response = await client.GetAsync("/webhooks");

        response.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.ShouldContain("denied");
    }
}
