using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Notifications;

/// <summary>
/// An organisation hears of the work it is given: when a plan with its tasks is published (once, however often the
/// plan is published again), and when it is added to a task of a published plan; the organisations already on a
/// task hear that it changed.
/// </summary>
public sealed class AssignmentNotificationTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
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
    public async Task Publishing_tells_each_organisation_once_and_an_organisation_added_to_a_task_is_told_it_was_assigned()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var planId = await PlansFixture.ImportAsync(Factory, "unit-clauses.txt", new PlanRegion.Existing(await Factory.RegionIdAsync(DemoSeeder.City)));
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var tasks = await Factory.WithDbAsync(db => db.Tasks.AsNoTracking().Where(t => t.PlanId == planId).OrderBy(t => t.Order)
            .Select(t => new { t.Id, t.No, Organizations = t.Assignments.Select(a => a.OrganizationId).ToList() }).ToListAsync());
        var own = tasks.Count(t => t.Organizations.Contains(education));
        own.ShouldBeGreaterThan(1);
        (await NoticesAsync(reporter, "task-assigned")).ShouldBeEmpty("a draft tells nobody");

        (await admin.SendAsync(Json(HttpMethod.Put, $"/api/v1/plans/{planId}/status", new { status = "published" }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var published = (await NoticesAsync(reporter, "task-assigned")).ShouldHaveSingleItem();
        published.GetProperty("title").GetString()!.ShouldStartWith("新交办任务：");
        published.GetProperty("body").GetString()!.ShouldContain($"本单位承担其中 {own} 项任务");
        published.GetProperty("link").GetString().ShouldBe($"plans/{planId}");

        // Withdrawn and published again: nobody is told twice.
        (await admin.SendAsync(Json(HttpMethod.Put, $"/api/v1/plans/{planId}/status", new { status = "draft" }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.SendAsync(Json(HttpMethod.Put, $"/api/v1/plans/{planId}/status", new { status = "published" }))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await NoticesAsync(reporter, "task-assigned")).Count.ShouldBe(1);

        // Added to a task it was not on: told it was assigned the task, linking the task.
        var other = tasks.First(t => !t.Organizations.Contains(education));
        (await admin.SendAsync(Json(HttpMethod.Post, $"/api/v1/tasks/{other.Id}/assignments", new { organizationId = education, role = "cooperating" })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var assigned = await NoticesAsync(reporter, "task-assigned");
        assigned.Count.ShouldBe(2);
        assigned[0].GetProperty("title").GetString().ShouldBe($"新交办任务：任务 {other.No}");
        assigned[0].GetProperty("link").GetString().ShouldBe($"tasks/{other.Id}");
        (await NoticesAsync(reporter, "task-edit")).ShouldBeEmpty("the organisation added is told it was assigned, not that the task changed");

        // Another organisation added to a task it is on: told the task changed.
        var finance = await Factory.OrganizationIdAsync(DemoSeeder.CityFinance);
        var mine = tasks.First(t => t.Organizations.Contains(education) && !t.Organizations.Contains(finance));
        (await admin.SendAsync(Json(HttpMethod.Post, $"/api/v1/tasks/{mine.Id}/assignments", new { organizationId = finance, role = "cooperating" })))
            .StatusCode.ShouldBe(HttpStatusCode.OK);
        var edited = (await NoticesAsync(reporter, "task-edit")).ShouldHaveSingleItem();
        edited.GetProperty("title").GetString().ShouldBe($"任务 {mine.No} 已修改");
        edited.GetProperty("body").GetString()!.ShouldContain(DemoSeeder.CityFinance);
        (await NoticesAsync(reporter, "task-assigned")).Count.ShouldBe(2);
    }
}
