using System.Net;
using System.Net.Http.Json;
using Duban.Core.Notifications;
using Duban.Data.Notifications;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Notifications;

public sealed class NotificationsApiTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private async Task<long> UserIdAsync(string userName) => await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == userName).Select(u => u.Id).SingleAsync());

    private async Task NotifyAsync(long userId, string key, string title = "催办：10月进展未填报") => await Factory.WithDbAsync(async db =>
    {
        var center = new NotificationCenter(db);
        await center.NotifyUserAsync(userId, new NotificationMessage(NotificationKinds.Chase, title, "请于11月5日前填报。", "tasks", key), DateTimeOffset.UtcNow);
    });

    [Fact]
    public async Task A_user_lists_counts_and_marks_their_own_notifications()
    {
        var user = await Factory.CreateUserAsync("notified-" + Guid.NewGuid().ToString("N")[..6], "notified-password-1");
        var client = await Factory.SignedInAsync(user.UserName, "notified-password-1");
        await NotifyAsync(user.Id, "api-a:" + user.Id, "第一条");
        await NotifyAsync(user.Id, "api-b:" + user.Id, "第二条");
        await NotifyAsync(user.Id, "api-b:" + user.Id, "第二条");

        (await (await client.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(2);
        var list = await (await client.GetAsync("/api/v1/notifications?pageSize=1")).JsonAsync();
        list.GetProperty("total").GetInt32().ShouldBe(2);
        var newest = list.GetProperty("items")[0];
        newest.GetProperty("title").GetString().ShouldBe("第二条");
        newest.GetProperty("kindName").GetString().ShouldBe("催办");
        var id = newest.GetProperty("id").GetInt64();

        var read = await client.PostAsync($"/api/v1/notifications/{id}/read", null);
        read.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await read.JsonAsync()).GetProperty("readAt").ValueKind.ShouldNotBe(System.Text.Json.JsonValueKind.Null);
        (await (await client.GetAsync("/api/v1/notifications?unread=true")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1);

        var all = await (await client.PostAsync("/api/v1/notifications/read-all", null)).JsonAsync();
        all.GetProperty("marked").GetInt32().ShouldBe(1);
        (await (await client.GetAsync("/api/v1/notifications/unread-count")).JsonAsync()).GetProperty("unread").GetInt32().ShouldBe(0);
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Admin)]
    public async Task Another_users_notification_is_not_found_and_stays_unread(string caller)
    {
        var owner = await Factory.CreateUserAsync("owner-" + Guid.NewGuid().ToString("N")[..6], "owner-password-1");
        await NotifyAsync(owner.Id, "private:" + owner.Id, "仅本人可见");
        var id = await Factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.RecipientId == owner.Id).Select(n => n.Id).SingleAsync());
        var client = await Factory.SignedInAsync(caller);

        var response = await client.PostAsync($"/api/v1/notifications/{id}/read", null);

        response.StatusCode.ShouldBe(HttpStatusCode.NotFound);
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        (await response.JsonAsync()).GetProperty("detail").GetString().ShouldBe("未找到该通知。");
        var list = await (await client.GetAsync("/api/v1/notifications?pageSize=100")).JsonAsync();
        list.GetProperty("items").EnumerateArray().Select(n => n.GetProperty("id").GetInt64()).ShouldNotContain(id);
        (await client.PostAsync("/api/v1/notifications/read-all", null)).EnsureSuccessStatusCode();
        (await Factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.Id == id).Select(n => n.ReadAt).SingleAsync())).ShouldBeNull();
    }

    [Fact]
    public async Task A_bad_page_size_is_a_chinese_problem_naming_the_field()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Reporter);

        var response = await client.GetAsync("/api/v1/notifications?pageSize=1000");

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await response.JsonAsync()).GetProperty("field").GetString().ShouldBe("pageSize");
    }

    [Fact]
    public async Task The_page_lists_the_notifications_and_the_header_shows_the_unread_count()
    {
        var user = await Factory.CreateUserAsync("badge-" + Guid.NewGuid().ToString("N")[..6], "badge-password-1");
        await NotifyAsync(user.Id, "badge-a:" + user.Id, "督办单：建设实训基地");
        await NotifyAsync(user.Id, "badge-b:" + user.Id, "提醒：11月5日截止");
        var client = await Factory.SignedInAsync(user.UserName, "badge-password-1");

        var html = await client.GetStringAsync("/notifications");

        html.ShouldContain("通知中心");
        html.ShouldContain("督办单：建设实训基地");
        html.ShouldContain("2 条未读通知");
        var other = await client.GetStringAsync("/me");
        other.ShouldContain("id=\"notification-badge\"");
        other.ShouldContain("2 条未读通知");
    }

    [Fact]
    public async Task Anonymous_visitors_get_no_badge_and_no_notifications()
    {
        var client = Factory.CreateClient();

        (await client.GetAsync("/api/v1/notifications")).StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
        (await client.GetStringAsync("/plans")).ShouldNotContain("notification-badge");
    }
}
