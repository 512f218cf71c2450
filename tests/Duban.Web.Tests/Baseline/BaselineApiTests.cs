using System.Net;
using System.Net.Http.Json;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Baseline;
using Duban.Data.Baseline;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Baseline;

/// <summary>
/// The tracking baseline over HTTP: publishing sets the tracking start, administrators change it with If-Match (audited),
/// organisations state their baseline once, the preview and the 无人接收 list answer in JSON.
/// </summary>
public sealed class BaselineApiTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static DateOnly Today => DateOnly.FromDateTime(DateTimeOffset.UtcNow.ToOffset(TimeSpan.FromHours(8)).DateTime);

    private static HttpRequestMessage Put(string path, object body, string? etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task<string> ETagAsync(HttpClient client, long id) => (await client.GetAsync($"/api/v1/plans/{id}")).Headers.ETag!.ToString();

    [Fact]
    public async Task Publishing_sets_the_tracking_start_and_an_administrator_changes_it_with_if_match_audited()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var id = plans.DraftCityPlanId;
        (await admin.SendAsync(Put($"/api/v1/plans/{id}/status", new { status = "published" }, await ETagAsync(admin, id)))).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == id))).TrackingStart.ShouldBe(Today);

        var path = $"/api/v1/plans/{id}/tracking-start";
        (await admin.SendAsync(Put(path, new { trackingStart = "2025-01-01" }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var missing = await admin.SendAsync(Put(path, new { trackingStart = (string?)null }, await ETagAsync(admin, id)));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.JsonAsync()).GetProperty("field").GetString().ShouldBe("trackingStart");
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).SendAsync(Put(path, new { trackingStart = "2025-01-01" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await admin.SendAsync(Put(path, new { trackingStart = "2025-01-01" }, $"\"{Guid.NewGuid():N}\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == id))).TrackingStart.ShouldBe(Today, "nothing half-stored");

        var etag = await ETagAsync(admin, id);
        var changed = await admin.SendAsync(Put(path, new { trackingStart = "2025-01-01" }, etag));
        changed.StatusCode.ShouldBe(HttpStatusCode.OK, await changed.Content.ReadAsStringAsync());
        changed.Headers.ETag!.ToString().ShouldNotBe(etag);
        (await changed.JsonAsync()).GetProperty("trackingStart").GetString().ShouldBe("2025-01-01");
        var entry = await Factory.WithDbAsync(db => db.AuditEntries.OrderByDescending(e => e.Id).FirstAsync(e => e.Action == BaselineAuditActions.TrackingStartChange));
        entry.EntityId.ShouldBe(id.ToString());
        entry.Before!.ShouldContain(Today.ToString("yyyy-MM-dd"));
        entry.After!.ShouldContain("2025-01-01");
    }

    [Fact]
    public async Task An_organisation_states_its_baseline_once_and_the_preview_and_unreachable_list_answer()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var id = plans.PublishedPlanId;
        // Every dated task of the plan now lies before its tracking start.
        (await admin.SendAsync(Put($"/api/v1/plans/{id}/tracking-start", new { trackingStart = "2099-01-01" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        // A task of the plan with a deadline long past (the sample plan has none of its own).
        var task = (await plans.TasksAsync(id)).First(t => t.Assignments.Count > 0);
        await Factory.WithDbAsync(db => db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Due, new DateOnly(2022, 12, 31))));
        var organizationId = task.Assignments[0].OrganizationId;
        var userName = "baseline-reporter-" + Guid.NewGuid().ToString("N")[..6];
        await Factory.CreateUserAsync(userName, "baseline-reporter-password", Role.Reporter, DataScope.Own, organizationId);
        var reporter = await Factory.SignedInAsync(userName, "baseline-reporter-password");
        var path = $"/api/v1/tasks/{task.Id}/baseline";

        var noDate = await reporter.PostAsJsonAsync(path, new { state = "inProgress", note = "缺新日期" });
        noDate.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noDate.JsonAsync()).GetProperty("field").GetString().ShouldBe("newDate");
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).PostAsJsonAsync(path, new { organizationId, state = "completed" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await Factory.WithDbAsync(db => db.Set<BaselineReport>().CountAsync(b => b.TaskId == task.Id))).ShouldBe(0);

        var stated = await reporter.PostAsJsonAsync(path, new { state = "inProgress", newDate = "2099-06-30", note = "年中完成" });
        stated.StatusCode.ShouldBe(HttpStatusCode.Created, await stated.Content.ReadAsStringAsync());
        (await stated.JsonAsync()).GetProperty("organizationId").GetInt64().ShouldBe(organizationId);
        (await reporter.PostAsJsonAsync(path, new { state = "completed" })).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        // The statement is on the task's timeline, for the office and for the organisation itself.
        var timeline = await (await admin.GetAsync($"/api/v1/tasks/{task.Id}/timeline")).JsonAsync();
        var entry = timeline.GetProperty("entries").EnumerateArray().Single(e => e.GetProperty("kindName").GetString() == "摸底");
        entry.GetProperty("summary").GetString()!.ShouldContain("摸底：推进中（新的完成时间 2099年6月30日）。年中完成");
        entry.GetProperty("organizationId").GetInt64().ShouldBe(organizationId);
        (await reporter.GetStringAsync($"/tasks/{task.Id}/timeline")).ShouldContain("推进中（新的完成时间 2099年6月30日）");

        var preview = await admin.GetAsync($"/api/v1/plans/{id}/escalation-preview");
        preview.StatusCode.ShouldBe(HttpStatusCode.OK, await preview.Content.ReadAsStringAsync());
        var counts = (await preview.JsonAsync()).GetProperty("counts");
        foreach (var key in new[] { "reminder", "chase", "order", "summons", "bulletin", "unreachable" }) counts.TryGetProperty(key, out _).ShouldBeTrue(key);
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetAsync($"/api/v1/plans/{id}/escalation-preview")).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var unreachable = await admin.GetAsync("/api/v1/escalation/unreachable");
        unreachable.StatusCode.ShouldBe(HttpStatusCode.OK);

        // The task page shows the statement; the plan page the preview.
        (await reporter.GetStringAsync($"/tasks/{task.Id}")).ShouldContain("年中完成");
        (await admin.GetStringAsync($"/plans/{id}")).ShouldContain("下一次自动督办将产生");
        // The 督办单 list links the 无人接收 list (the day's escalation plan) rather than computing it on every visit.
        var list = await admin.GetStringAsync("/supervision");
        list.ShouldContain("id=\"unreachable-link\"");
        list.ShouldNotContain("id=\"unreachable\"");
        var asked = await admin.GetStringAsync("/supervision?unreachable=1");
        asked.ShouldContain("id=\"unreachable\"");
        (asked.Contains("id=\"unreachable-list\"") || asked.Contains("id=\"no-unreachable\"")).ShouldBeTrue();
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).GetStringAsync("/supervision?unreachable=1")).ShouldNotContain("无人接收");
    }

    [Fact]
    public async Task The_pages_forms_set_the_tracking_start_and_the_offices_baseline_for_an_organisation()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var id = plans.PublishedPlanId;
        var version = await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == id).Select(p => p.Version).SingleAsync());
        await Browser.SubmitAsync(admin, $"/plans/{id}", new Dictionary<string, string> { ["TrackingStart"] = "2099-01-01", ["PlanVersion"] = version.ToString() },
            formName: "tracking-start");
        (await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Id == id))).TrackingStart.ShouldBe(new DateOnly(2099, 1, 1));

        var task = (await plans.TasksAsync(id)).Where(t => t.Assignments.Count > 0).Skip(1).First();
        await Factory.WithDbAsync(db => db.Tasks.Where(t => t.Id == task.Id).ExecuteUpdateAsync(u => u.SetProperty(t => t.Due, new DateOnly(2021, 6, 30))));
        var organizationId = task.Assignments[0].OrganizationId;
        (await admin.GetStringAsync($"/tasks/{task.Id}")).ShouldContain("待摸底");

        // An inspector's forged post stores nothing; the office's sets it for the organisation.
        await Browser.SubmitAsync(admin, $"/tasks/{task.Id}", new Dictionary<string, string> { ["OrganizationId"] = organizationId.ToString(), ["State"] = "completed" },
            formName: "baseline", poster: await Factory.SignedInAsync(DemoAccounts.Inspector));
        (await Factory.WithDbAsync(db => db.Set<BaselineReport>().CountAsync(b => b.TaskId == task.Id))).ShouldBe(0);
        await Browser.SubmitAsync(admin, $"/tasks/{task.Id}", new Dictionary<string, string>
            { ["OrganizationId"] = organizationId.ToString(), ["State"] = "notStarted", ["Note"] = "办公室摸底：未开展" }, formName: "baseline");
        var stored = await Factory.WithDbAsync(db => db.Set<BaselineReport>().SingleAsync(b => b.TaskId == task.Id));
        (stored.OrganizationId, stored.State, stored.StatedByRole).ShouldBe((organizationId, BaselineState.NotStarted, Role.Admin));
    }
}
