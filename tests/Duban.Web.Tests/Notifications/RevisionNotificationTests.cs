using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duban.Web.Demo;
using Duban.Web.Tests.Import;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Notifications;

/// <summary>
/// A new version of a published plan, imported through the API, tells each organisation of the work it adds (通知
/// 任务交办) and nobody of work it already had. An application of its own: the publication tests count every notice.
/// </summary>
public sealed class RevisionNotificationTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static HttpRequestMessage Json(HttpMethod method, string path, object body)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", "*");
        return request;
    }

    private static async Task<List<JsonElement>> NoticesAsync(HttpClient client, string kind)
    {
        var page = await (await client.GetAsync("/api/v1/notifications?pageSize=100")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Where(n => n.GetProperty("kind").GetString() == kind).ToList();
    }

    [Fact]
    public async Task A_revision_of_a_published_plan_tells_each_organisation_of_the_tasks_it_adds_and_no_one_of_work_it_had()
    {
        const string url = "/api/v1/plans/import";
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var full = Encoding.UTF8.GetString(ImportTestData.NewPlan($"{DemoSeeder.City}职业院校办学能力提升行动实施方案（修订通知测试）")).Replace("西岭市", DemoSeeder.City);
        // Version 1 lacks task 12 (市教育局's alone); version 2 adds it back.
        var v1 = Encoding.UTF8.GetBytes(string.Join("\n", full.Split('\n').Where(l => !l.StartsWith("12.", StringComparison.Ordinal))));
        var v2 = Encoding.UTF8.GetBytes(full);

        async Task<System.Net.Http.HttpResponseMessage> ImportAsync(byte[] content, string name)
        {
            var analysis = await (await admin.PostAsync(url, ImportTestData.Upload(content, name))).JsonAsync();
            return await admin.PostAsync($"{url}/{analysis.GetProperty("token").GetString()}/confirm",
                ImportTestData.Upload(content, name, new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
        }

        var created = await ImportAsync(v1, "v1.txt");
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var planId = (await created.JsonAsync()).GetProperty("planId").GetInt64();
        (await admin.SendAsync(Json(HttpMethod.Put, $"/api/v1/plans/{planId}/status", new { status = "published" }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var before = (await NoticesAsync(reporter, "task-assigned")).Count(n => n.GetProperty("link").GetString() == $"plans/{planId}");
        before.ShouldBe(1);

        var revised = await ImportAsync(v2, "v2.txt");
        revised.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await revised.JsonAsync()).GetProperty("outcome").GetString().ShouldBe("newVersion");
        var added = await Factory.WithDbAsync(db => db.Tasks.AsNoTracking()
            .Where(t => t.PlanId == planId && t.No == "12" && t.RemovedInVersionId == null).Select(t => t.Id).SingleAsync());
        var notices = await NoticesAsync(reporter, "task-assigned");
        var notice = notices.Where(n => n.GetProperty("link").GetString() == $"tasks/{added}").ShouldHaveSingleItem();
        notice.GetProperty("title").GetString()!.ShouldEndWith("（修订）");
        notice.GetProperty("body").GetString()!.ShouldContain("第 2 版");
        notice.GetProperty("body").GetString()!.ShouldContain("任务 12");
        notice.GetProperty("body").GetString()!.ShouldContain("牵头 1 项");
        // 市财政局's work did not change: it hears nothing new.
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        (await Factory.WithDbAsync(db => db.Set<Duban.Core.Notifications.Notification>().CountAsync(n => n.Kind == "task-assigned" && n.Link == $"tasks/{added}"
            && db.Users.Any(u => u.Id == n.RecipientId && u.OrganizationId == finance)))).ShouldBe(0);
    }
}
