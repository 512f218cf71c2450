using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using Duban.Web.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace Duban.Web.Tests.Authorization;

/// <summary>What a write concerns, and so who may make it (docs/web.md, "Who may do what").</summary>
public enum Concern
{
    /// <summary>An organisation's work or account (a report's review, a 督办单, a flag, the organisation itself, its users): administrators whose scope holds that organisation.</summary>
    Organization,
    /// <summary>A plan (its status, cycle, a task's 领导批示, an import filed under a region): administrators whose scope holds the plan's region.</summary>
    Plan,
    /// <summary>An organisation's own reports, values, uploads and replies: its reporters, nobody on their behalf.</summary>
    ReporterOwn,
    /// <summary>The caller's own organisation, implied (the template of the reporter's organisation): any reporter.</summary>
    ReporterSelf,
    /// <summary>Settings over every region (webhooks): administrators with scope 全部.</summary>
    FullAdminSetting,
    /// <summary>The caller's own records (its notifications): any signed-in user, and no one else's.</summary>
    OwnRecord,
    /// <summary>A statement for an organisation that the office may also make for it (摸底): its reporters, or administrators whose scope holds it.</summary>
    OrganizationOrItsReporter,
    /// <summary>A token the server issued to the administrator who analysed the file (import confirmation): any administrator may present one.</summary>
    AdminToken,
    /// <summary>A score entered for an assessed organisation (现场督导, 加分项): administrators who answer for it, or inspectors whose scope holds it.</summary>
    OrganizationInspected,
    /// <summary>An assessment's evidence about an organisation: as <see cref="OrganizationInspected"/>, or the organisation's own reporters.</summary>
    OrganizationInspectedOrItsReporter,
}

/// <summary>One write endpoint: whose record it concerns, on which sides it can be tried, and the request for a side.</summary>
/// <param name="RefusedAlso">Statuses besides 401/403/404 that count as a refusal (a 400 naming the out-of-scope field).</param>
public sealed record WriteRow(string Route, Concern Concern, Side[] Sides, Func<WriteMatrixWorld, Actor, Side, Task<HttpRequestMessage>> Request, int[]? RefusedAlso = null);

/// <summary>
/// Every write endpoint of the API × every actor (anonymous, a reporter on each side, inspectors in and out of scope,
/// administrators of the county, the city and everything) × a record on the county's side, the city's side (on a task the
/// county shares, so the county's administrator sees it), a wider one, or the actor's own → served when the actor
/// answers for that record, refused (401/403/404, nothing audited) otherwise. The right to act follows responsibility,
/// not visibility. Generated from the route table: a write endpoint without a row here fails the test.
/// </summary>
public sealed class WriteMatrixTests(WebAppWithoutSamplePlansFixture app, ITestOutputHelper output) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private static readonly Side[] Sides3 = [Side.County, Side.City, Side.Wide];

    private static HttpRequestMessage Json(HttpMethod method, string path, object body, string? ifMatch = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body) };
        if (ifMatch is not null) request.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        return request;
    }

    private static HttpRequestMessage Post(string path, object body, string? ifMatch = null) => Json(HttpMethod.Post, path, body, ifMatch);

    private static Task<HttpRequestMessage> Ready(HttpRequestMessage request) => Task.FromResult(request);

    private static HttpRequestMessage Multipart(string path, params (string Name, string Value)[] fields)
    {
        var content = new MultipartFormDataContent();
        foreach (var (name, value) in fields) content.Add(new StringContent(value), name);
        return new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
    }

    private static HttpRequestMessage WithFile(HttpRequestMessage request, string fileName, byte[] bytes, string mediaType)
    {
        var file = new ByteArrayContent(bytes);
        file.Headers.ContentType = new MediaTypeHeaderValue(mediaType);
        ((MultipartFormDataContent)request.Content!).Add(file, "file", fileName);
        return request;
    }

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF");

    private static readonly byte[] PlanText = Encoding.UTF8.GetBytes(
        "写矩阵市职业教育改革实施方案\n\n一、重点任务\n1. 推进产教融合。（牵头单位：市教育局）\n2. 完善经费保障。（牵头单位：市财政局）\n");

    /// <summary>The rows: one per write endpoint of the API.</summary>
    private static readonly WriteRow[] Rows =
    [
        // Users: the account's organisation, region and scope must all lie in the administrator's.
        new("POST /api/v1/users", Concern.Organization, Sides3, (w, _, side) => Ready(Post("/api/v1/users", side == Side.Wide
            ? new { userName = "wm-new-" + Guid.NewGuid().ToString("N")[..8], displayName = "写矩阵新用户", role = "inspector", scope = "all" }
            : new { userName = "wm-new-" + Guid.NewGuid().ToString("N")[..8], displayName = "写矩阵新用户", role = "reporter", scope = "own", organizationId = w.OrganizationOf(side) })),
            RefusedAlso: [400]),
        new("PUT /api/v1/users/{id:long}", Concern.Organization, Sides3, (w, _, side) => Ready(Json(HttpMethod.Put, $"/api/v1/users/{w.Users[side]}", side == Side.Wide
            ? new { displayName = "写矩阵改名", role = "admin", scope = "all", isActive = true, organizationId = w.OrgA }
            : new { displayName = "写矩阵改名", role = "reporter", scope = "own", isActive = true, organizationId = w.OrganizationOf(side) }, "*"))),
        new("POST /api/v1/users/{id:long}/password", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/users/{w.Users[side]}/password", new { password = "Taken-over-password-1" }))),

        // Regions: a new one goes below a region of the administrator's scope.
        new("POST /api/v1/regions", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/regions", new { name = "写矩阵开发区" + Guid.NewGuid().ToString("N")[..8], parentId = w.RegionOf(side) })),
            RefusedAlso: [400]),

        // Organisations.
        new("POST /api/v1/organizations", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/organizations", new { name = "写矩阵新单位" + Guid.NewGuid().ToString("N")[..8], kind = "department", regionId = w.RegionOf(side) })),
            RefusedAlso: [400]),
        new("PUT /api/v1/organizations/{id:long}", Concern.Organization, Sides3, async (w, _, side) =>
        {
            var o = await w.FreshOrganizationAsync(side, "改");
            return Json(HttpMethod.Put, $"/api/v1/organizations/{o.Id}", new { name = o.Name + "改", kind = "department" }, "*");
        }),
        new("POST /api/v1/organizations/{id:long}/aliases", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/organizations/{w.OrganizationOf(side)}/aliases", new { name = "写矩阵新别名" + Guid.NewGuid().ToString("N")[..8] }))),
        new("DELETE /api/v1/organizations/{id:long}/aliases/{aliasId:long}", Concern.Organization, Sides3, async (w, _, side) =>
            new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/organizations/{w.OrganizationOf(side)}/aliases/{await w.AliasOfAsync(side)}")),
        new("POST /api/v1/organizations/{id:long}/merge-into/{targetId:long}", Concern.Organization, Sides3, async (w, _, side) =>
        {
            var source = await w.FreshOrganizationAsync(side, "并");
            var target = await w.FreshOrganizationAsync(side, "存");
            return Post($"/api/v1/organizations/{source.Id}/merge-into/{target.Id}", new { }, $"\"{source.Version:N}\"");
        }),

        // Plans.
        new("PUT /api/v1/plans/{id:long}/status", Concern.Plan, Sides3, async (w, _, side) =>
        {
            // The plan's present status: allowed callers change nothing that later cells rely on.
            var status = await w.Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == w.PlanOf(side)).Select(p => p.Status).SingleAsync());
            return Json(HttpMethod.Put, $"/api/v1/plans/{w.PlanOf(side)}/status", new { status = status.ToString().ToLowerInvariant() }, "*");
        }),
        new("PUT /api/v1/plans/{id:long}/reporting-cycle", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/plans/{w.PlanOf(side)}/reporting-cycle", new { kind = "monthly", windowDays = 10 }, "*"))),
        new("POST /api/v1/plans/import", Concern.Plan, Sides3, (w, _, side) =>
            Ready(WithFile(Multipart("/api/v1/plans/import", ("regionId", w.RegionOf(side).ToString())), "写矩阵方案.txt", PlanText, "text/plain")),
            RefusedAlso: [400]),
        new("POST /api/v1/plans/import/{token}/confirm", Concern.AdminToken, [Side.Self], (_, _, _) =>
            Ready(WithFile(Multipart("/api/v1/plans/import/not-a-token/confirm"), "写矩阵方案.txt", PlanText, "text/plain"))),

        // Progress reports: written by the organisation's reporters, reviewed by administrators who answer for it.
        new("POST /api/v1/reports", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/reports", new { assignmentId = w.Assignments[side], periodStart = "2026-03-01", state = "inProgress", percentComplete = 10, done = "写矩阵" }))),
        new("POST /api/v1/reports/{id:long}/revisions", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/reports/{w.Reports[side]}/revisions", new { state = "inProgress", percentComplete = 20, done = "写矩阵修订" }, "*"))),
        new("POST /api/v1/reports/{id:long}/submit", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/reports/{w.Reports[side]}/submit", new { }, "*"))),
        new("POST /api/v1/reports/{id:long}/review", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/reports/{w.Reports[side]}/review", new { decision = "returned", comment = "写矩阵退回" }, "*"))),

        // Evidence, values and templates: the reporter's own organisation.
        new("POST /api/v1/evidence", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(WithFile(Multipart("/api/v1/evidence", ("taskId", w.OwnTasks[side].ToString())), "写矩阵.pdf", Pdf, "application/pdf"))),
        new("POST /api/v1/observations", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/observations", new { targetId = w.Targets[side], periodStart = "2026-02-01", value = 2 }))),
        new("POST /api/v1/observations/{id:long}/revisions", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/observations/{w.Observations[side]}/revisions", new { value = 3 }, "*"))),
        new("POST /api/v1/templates/import", Concern.ReporterSelf, [Side.Self], (_, _, _) =>
            Ready(WithFile(Multipart("/api/v1/templates/import"), "写矩阵.xlsx", Pdf, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"))),

        // Supervision.
        new("POST /api/v1/supervision-orders", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/supervision-orders", new
            {
                taskId = side == Side.Wide ? w.OtherTask : w.SharedTask,
                organizationId = side == Side.Wide ? w.OtherTaskOrg : w.OrganizationOf(side),
                reason = "写矩阵督办",
            }))),
        // Batches: one item on the side; a batch naming a record the actor does not answer for is refused whole.
        new("POST /api/v1/reports/batch-review", Concern.Organization, Sides3, async (w, _, side) =>
        {
            var version = await w.Factory.WithDbAsync(db => db.ProgressReports.Where(r => r.Id == w.Reports[side]).Select(r => r.Version).SingleAsync());
            return Post("/api/v1/reports/batch-review", new { items = new[] { new { id = w.Reports[side], version = version.ToString("N") } }, decision = "returned", comment = "写矩阵批量退回" });
        }),
        new("POST /api/v1/supervision-orders/batch-close", Concern.Organization, Sides3, async (w, _, side) =>
        {
            var version = await w.Factory.WithDbAsync(db => db.Set<Duban.Core.Tracking.Supervision.SupervisionOrder>().Where(o => o.Id == w.Orders[side]).Select(o => o.Version).SingleAsync());
            return Post("/api/v1/supervision-orders/batch-close", new { items = new[] { new { id = w.Orders[side], version = version.ToString("N") } }, comment = "写矩阵批量办结", withoutReply = true });
        }),
        new("POST /api/v1/supervision-orders/{id:long}/close", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/supervision-orders/{w.Orders[side]}/close", new { comment = "写矩阵办结", withoutReply = true }, "*"))),
        new("POST /api/v1/supervision-orders/{id:long}/return", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/supervision-orders/{w.Orders[side]}/return", new { comment = "写矩阵退回" }, "*"))),
        new("POST /api/v1/supervision-orders/{id:long}/rectifications", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/supervision-orders/{w.Orders[side]}/rectifications", new { measures = "写矩阵整改" }))),
        new("POST /api/v1/tasks/{id:long}/instructions", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/tasks/{(side switch { Side.County => w.CountyPlanTask, Side.City => w.SharedTask, _ => w.OtherTask })}/instructions",
                new { leaderName = "写矩阵领导", text = "写矩阵批示", date = "2026-03-01" }))),
        new("POST /api/v1/tasks/{id:long}/flags", Concern.Organization, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/tasks/{(side == Side.Wide ? w.OtherTask : w.SharedTask)}/flags",
                new { kind = "summons", organizationId = side == Side.Wide ? w.OtherTaskOrg : w.OrganizationOf(side), note = "写矩阵" }))),

        // The tracking baseline.
        new("PUT /api/v1/plans/{id:long}/tracking-start", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/plans/{w.PlanOf(side)}/tracking-start", new { trackingStart = "2026-01-01" }, "*"))),
        new("POST /api/v1/tasks/{id:long}/baseline", Concern.OrganizationOrItsReporter, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/tasks/{w.OwnTasks[side]}/baseline",
                new { organizationId = side == Side.Wide ? w.OtherTaskOrg : w.OrganizationOf(side), state = "notStarted", note = "写矩阵摸底" }))),

        // Correcting tasks after import: the task's plan, as for a 领导批示; each request on a task of its own.
        new("PATCH /api/v1/tasks/{id:long}", Concern.Plan, Sides3, async (w, _, side) =>
            Json(HttpMethod.Patch, $"/api/v1/tasks/{(await w.FreshTaskAsync(side)).Task}", new { text = "写矩阵改写的任务" }, "*")),
        new("DELETE /api/v1/tasks/{id:long}", Concern.Plan, Sides3, async (w, _, side) =>
        {
            var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tasks/{(await w.FreshTaskAsync(side)).Task}?reason=写矩阵");
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            return request;
        }),
        new("POST /api/v1/tasks/{id:long}/assignments", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/tasks/{(await w.FreshTaskAsync(side, withUnits: false)).Task}/assignments", new { organizationId = w.OrganizationOf(side), role = "lead" }, "*")),
        new("PATCH /api/v1/tasks/{id:long}/assignments/{assignmentId:long}", Concern.Plan, Sides3, async (w, _, side) =>
        {
            var (task, assignment) = await w.FreshTaskAsync(side);
            return Json(HttpMethod.Patch, $"/api/v1/tasks/{task}/assignments/{assignment}", new { role = "cooperating" }, "*");
        }),
        new("DELETE /api/v1/tasks/{id:long}/assignments/{assignmentId:long}", Concern.Plan, Sides3, async (w, _, side) =>
        {
            var (task, assignment) = await w.FreshTaskAsync(side);
            var request = new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/tasks/{task}/assignments/{assignment}");
            request.Headers.TryAddWithoutValidation("If-Match", "*");
            return request;
        }),
        new("POST /api/v1/tasks/{id:long}/split", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/tasks/{(await w.FreshTaskAsync(side)).Task}/split", new { newText = "写矩阵拆出的任务" }, "*")),
        new("POST /api/v1/tasks/{id:long}/merge", Concern.Plan, Sides3, async (w, _, side) =>
        {
            var merged = await w.FreshTaskAsync(side);
            return Post($"/api/v1/tasks/{(await w.FreshTaskAsync(side)).Task}/merge", new { mergedTaskId = merged.Task }, "*");
        }),
        new("POST /api/v1/plans", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/plans", new { title = "写矩阵交办事项", regionId = w.RegionOf(side), source = new { kind = "annualPriority" } })),
            RefusedAlso: [400]),
        new("POST /api/v1/plans/{id:long}/tasks", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/plans/{w.PlanOf(side)}/tasks", new { text = "写矩阵添加的任务" }))),

        // Notifications and webhooks.
        new("POST /api/v1/notifications/{id:long}/read", Concern.OwnRecord, [Side.Self, Side.Wide], async (w, actor, side) =>
            Post($"/api/v1/notifications/{(side == Side.Self ? await w.OwnNotificationAsync(actor) : await w.NotificationAsync(w.Users[Side.Wide]))}/read", new { })),
        new("POST /api/v1/notifications/read-all", Concern.OwnRecord, [Side.Self], (_, _, _) => Ready(Post("/api/v1/notifications/read-all", new { }))),
        // The caller's own choice of kinds forwarded outside the site: there is no one else's to name.
        new("PUT /api/v1/notifications/forwarding", Concern.OwnRecord, [Side.Self], (_, _, _) =>
            Ready(Json(HttpMethod.Put, "/api/v1/notifications/forwarding", new { kinds = new[] { "review", "supervision-order" } }))),
        // The caller's own calendar subscription: there is no one else's to name.
        new("POST /api/v1/me/calendar-feed", Concern.OwnRecord, [Side.Self], (_, _, _) => Ready(Post("/api/v1/me/calendar-feed", new { }))),
        new("DELETE /api/v1/me/calendar-feed", Concern.OwnRecord, [Side.Self], (_, _, _) => Ready(new HttpRequestMessage(HttpMethod.Delete, "/api/v1/me/calendar-feed"))),
        // Another user's calendar address: as the account itself, the administrators who manage that user.
        new("DELETE /api/v1/users/{id:long}/calendar-feed", Concern.Organization, Sides3, (w, _, side) =>
            Ready(new HttpRequestMessage(HttpMethod.Delete, $"/api/v1/users/{w.Users[side]}/calendar-feed"))),
        new("POST /api/v1/webhooks", Concern.FullAdminSetting, [Side.Self], (_, _, _) =>
            Ready(Post("/api/v1/webhooks", new { name = "写矩阵" + Guid.NewGuid().ToString("N")[..6], url = "https://hooks.example.invalid/wm" }))),
        new("PUT /api/v1/webhooks/{id:long}", Concern.FullAdminSetting, [Side.Self], (w, _, _) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/webhooks/{w.Webhook}", new { name = "写矩阵", url = "https://hooks.example.invalid/write-matrix", enabled = false }, "*"))),
        new("POST /api/v1/webhooks/{id:long}/test", Concern.FullAdminSetting, [Side.Self], (w, _, _) => Ready(Post($"/api/v1/webhooks/{w.Webhook}/test", new { }))),

        // Assessments: schemes, computations, reviews and stages belong to the office of the scheme's region; entered
        // scores also to the inspectors over the organisation; 自评 to the organisation's own reporters.
        new("POST /api/v1/assessment-schemes", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/assessment-schemes", new { name = "写矩阵考核方案", regionId = w.RegionOf(side), organizationIds = new[] { w.OrganizationOf(side) } })),
            RefusedAlso: [400]),
        new("PUT /api/v1/assessment-schemes/{id:long}", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/assessment-schemes/{w.Schemes[side]}", new
            {
                name = "写矩阵改名方案" + Guid.NewGuid().ToString("N")[..6],
                organizationIds = side switch { Side.County => new[] { w.OrgB }, Side.City => [w.OrgA, w.OrgB], _ => [w.OrgWide] },
            }, "*"))),
        new("POST /api/v1/assessments", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post("/api/v1/assessments", new { schemeId = w.Schemes[side], year = DateTime.UtcNow.Year - 1 }))),
        new("POST /api/v1/assessments/{id:long}/recompute", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/recompute", new { }, "*"))),
        new("POST /api/v1/assessments/{id:long}/reviews", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/reviews", new { organizationId = w.OrganizationOf(side), indicator = "task", points = 10, reason = "写矩阵复核" }))),
        new("POST /api/v1/assessments/{id:long}/publish", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/publish", new { }, "*"))),
        new("POST /api/v1/assessments/{id:long}/stage", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/stage", new { stage = "final" }, "*"))),
        new("POST /api/v1/assessments/{id:long}/self-scores", Concern.ReporterOwn, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.SelfAssessments[side]}/self-scores", new { scores = new[] { new { indicator = "task", points = 10, comment = "写矩阵自评" } } }))),
        new("POST /api/v1/assessments/{id:long}/entries", Concern.OrganizationInspected, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/entries", new { organizationId = w.OrganizationOf(side), indicator = "inspection", points = 5, comment = "写矩阵现场督导" }))),
        // Governing bodies and meetings: the office of the body's plan's region; a fresh body (with a meeting) per request.
        new("PUT /api/v1/bodies/{id:long}", Concern.Plan, Sides3, async (w, _, side) =>
            Json(HttpMethod.Put, $"/api/v1/bodies/{(await GovernanceSamples.AddAsync(w.Factory, "写矩阵", w.PlanOf(side)))[0].Body}", new { office = "写矩阵办公室" }, "*")),
        new("POST /api/v1/bodies/{id:long}/meetings", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/bodies/{(await GovernanceSamples.AddAsync(w.Factory, "写矩阵", w.PlanOf(side)))[0].Body}/meetings", new { date = "2026-03-02", kind = "special" })),
        new("PUT /api/v1/meetings/{id:long}", Concern.Plan, Sides3, async (w, _, side) =>
            Json(HttpMethod.Put, $"/api/v1/meetings/{(await GovernanceSamples.AddAsync(w.Factory, "写矩阵", w.PlanOf(side)))[0].Meeting}", new { agenda = "写矩阵议题" }, "*")),
        new("POST /api/v1/meetings/{id:long}/decisions", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/meetings/{(await GovernanceSamples.AddAsync(w.Factory, "写矩阵", w.PlanOf(side)))[0].Meeting}/decisions",
                new { decisions = new[] { new { text = "写矩阵议定事项", due = "2027-01-01", leads = new[] { w.OrganizationOf(side) } } } })),
        new("POST /api/v1/meetings/{id:long}/minutes", Concern.Plan, Sides3, async (w, _, side) =>
            WithFile(Multipart($"/api/v1/meetings/{(await GovernanceSamples.AddAsync(w.Factory, "写矩阵", w.PlanOf(side)))[0].Meeting}/minutes"), "会议纪要.pdf", Pdf, "application/pdf")),

        new("POST /api/v1/assessments/{id:long}/evidence", Concern.OrganizationInspectedOrItsReporter, Sides3, (w, actor, side) =>
            Ready(WithFile(Multipart($"/api/v1/assessments/{(actor is Actor.ReporterA or Actor.ReporterB ? w.SelfAssessments[side] : w.Assessments[side])}/evidence",
                ("organizationId", w.OrganizationOf(side).ToString())), "写矩阵.pdf", Pdf, "application/pdf"))),
        // The 通报 belongs to the office of the scheme's region, like the assessment; issuing it before 公示 is a 409 (served).
        new("PUT /api/v1/assessments/{assessmentId:long}/bulletin", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/assessments/{w.Assessments[side]}/bulletin", new
            {
                title = "写矩阵通报", docNumber = "〔2026〕　号", recipients = "各被考核单位", paragraphs = new[] { "写矩阵正文" },
                praise = Array.Empty<object>(), criticism = Array.Empty<object>(), closing = Array.Empty<string>(), signature = "写矩阵教育局", date = "2026-12-06",
            }, "*"))),
        new("POST /api/v1/assessments/{assessmentId:long}/bulletin/issue", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/assessments/{w.Assessments[side]}/bulletin/issue", new { }, "*"))),

        // Plans that cascade: links belong to the lower plan's office; requirements, reviews and coverage to the upper
        // plan's; a filing to the filing organisation (its reporters, or administrators over it). Each request on a
        // requirement or filing of its own (pending: an allowed review answers 409, and changes nothing).
        new("PUT /api/v1/plans/{id:long}/links", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Json(HttpMethod.Put, $"/api/v1/plans/{w.PlanOf(side)}/links", new { upperPlanIds = Array.Empty<long>() }))),
        new("POST /api/v1/plans/{id:long}/filing-requirements", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/plans/{w.PlanOf(side)}/filing-requirements", new { kind = "county", text = "写矩阵一县一案", everyChildRegion = true }))),
        new("PUT /api/v1/filing-requirements/{id:long}", Concern.Plan, Sides3, async (w, _, side) =>
            Json(HttpMethod.Put, $"/api/v1/filing-requirements/{(await CascadeSamples.RequirementAsync(w.Factory, w.PlanOf(side), w.OrganizationOf(side))).Requirement}",
                new { kind = "other", text = "写矩阵修改", everyChildRegion = true }, "*")),
        new("POST /api/v1/plans/{id:long}/coverage/confirm", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/plans/{w.PlanOf(side)}/coverage/confirm", new { upperTaskId = 0, lowerTaskId = 0 }))),
        new("POST /api/v1/plans/{id:long}/coverage/reject", Concern.Plan, Sides3, (w, _, side) =>
            Ready(Post($"/api/v1/plans/{w.PlanOf(side)}/coverage/reject", new { upperTaskId = 0, lowerTaskId = 0 }))),
        new("POST /api/v1/filings", Concern.OrganizationOrItsReporter, Sides3, async (w, _, side) =>
            Post("/api/v1/filings", new
            {
                requirementId = (await CascadeSamples.RequirementAsync(w.Factory, w.PlanOf(side), w.OrganizationOf(side))).Requirement,
                organizationId = w.OrganizationOf(side), planId = w.PlanOf(side),
            })),
        new("POST /api/v1/filings/upload", Concern.Organization, Sides3, (w, _, side) =>
            Ready(WithFile(Multipart("/api/v1/filings/upload", ("organizationId", w.OrganizationOf(side).ToString()), ("requirementId", "0")), "写矩阵方案.txt", PlanText, "text/plain"))),
        new("POST /api/v1/filings/{id:long}/accept", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/filings/{(await CascadeSamples.RequirementAsync(w.Factory, w.PlanOf(side), w.OrganizationOf(side))).Filing}/accept", new { comment = "写矩阵通过" })),
        new("POST /api/v1/filings/{id:long}/return", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/filings/{(await CascadeSamples.RequirementAsync(w.Factory, w.PlanOf(side), w.OrganizationOf(side))).Filing}/return", new { comment = "写矩阵退回" })),
        new("POST /api/v1/filings/{id:long}/orders", Concern.Plan, Sides3, async (w, _, side) =>
            Post($"/api/v1/filings/{(await CascadeSamples.RequirementAsync(w.Factory, w.PlanOf(side), w.OrganizationOf(side))).Filing}/orders", new { reason = "写矩阵督办" })),
    ];

    /// <summary>Whether the actor answers for the record on that side.</summary>
    public static bool Responsible(Actor actor, Concern concern, Side side) => concern switch
    {
        Concern.Organization or Concern.Plan => (actor, side) switch
        {
            (Actor.FullAdmin, Side.County or Side.City or Side.Wide) => true,
            (Actor.CityAdmin, Side.County or Side.City) => true,
            (Actor.CountyAdmin, Side.County) => true,
            _ => false,
        },
        Concern.ReporterOwn => (actor, side) is (Actor.ReporterA, Side.City) or (Actor.ReporterB, Side.County),
        Concern.OrganizationOrItsReporter => Responsible(actor, Concern.Organization, side) || Responsible(actor, Concern.ReporterOwn, side),
        Concern.ReporterSelf => actor is Actor.ReporterA or Actor.ReporterB,
        Concern.FullAdminSetting => actor == Actor.FullAdmin,
        Concern.OwnRecord => actor != Actor.Anonymous && side == Side.Self,
        Concern.AdminToken => actor is Actor.CountyAdmin or Actor.CityAdmin or Actor.FullAdmin,
        Concern.OrganizationInspected => Responsible(actor, Concern.Organization, side) || (actor, side) is (Actor.InspectorIn, Side.County or Side.City),
        Concern.OrganizationInspectedOrItsReporter => Responsible(actor, Concern.OrganizationInspected, side) || Responsible(actor, Concern.ReporterOwn, side),
        _ => false,
    };

    private static bool IsWrite(string method) => !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method) && !HttpMethods.IsOptions(method);

    [Fact]
    public async Task Every_write_endpoint_serves_exactly_the_actors_responsible_for_the_record()
    {
        var world = await WriteMatrixWorld.BuildAsync(app.Factory);
        var rows = Rows.ToDictionary(r => r.Route);
        var writes = app.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.StartsWith("/api/", StringComparison.Ordinal) == true)
            .SelectMany(e => (e.Metadata.GetMetadata<IHttpMethodMetadata>()?.HttpMethods ?? []).Where(IsWrite).Select(m => $"{m} {e.RoutePattern.RawText!.TrimEnd('/')}"))
            .Distinct().OrderBy(r => r, StringComparer.Ordinal).ToList();
        writes.Count.ShouldBeGreaterThan(20, "the route table has too few writes");
        var failures = writes.Where(w => !rows.ContainsKey(w))
            .Select(w => $"{w}: no row in {nameof(WriteMatrixTests)}.Rows says whose record this write concerns and who may make it").ToList();
        failures.AddRange(rows.Keys.Where(r => !writes.Contains(r)).Select(r => $"{r}: a row for a write the route table does not have"));

        var cells = 0;
        foreach (var route in writes.Where(rows.ContainsKey))
        {
            var row = rows[route];
            foreach (var side in row.Sides)
            foreach (var actor in Enum.GetValues<Actor>())
            {
                cells++;
                var expected = Responsible(actor, row.Concern, side);
                var before = await world.AuditCountAsync();
                using var request = await row.Request(world, actor, side);
                using var response = await world.Clients[actor].SendAsync(request);
                var status = (int)response.StatusCode;
                var refused = status is 401 or 403 or 404 || (row.RefusedAlso?.Contains(status) ?? false);
                var line = $"{actor} × {route} [{side}] → {(expected ? "served" : "refused")}";
                output.WriteLine($"{line}: {status}");
                if (status >= 500) failures.Add($"{line}, but it answered {status}: {await response.Content.ReadAsStringAsync()}");
                else if (expected && status is 401 or 403 or 404) failures.Add($"{line}, but it answered {status}: {await response.Content.ReadAsStringAsync()}");
                else if (!expected && !refused) failures.Add($"{line}, but it answered {status}");
                else if (!expected && await world.AuditCountAsync() != before) failures.Add($"{line} with {status}, but something was written to the audit log");
            }
        }
        failures.ShouldBeEmpty($"{failures.Count} of {cells} cells of the write matrix:\n" + string.Join("\n", failures));
    }

    [Fact]
    public void Responsibility_follows_the_scope_not_the_visibility()
    {
        // The county's administrator sees the city's report on a shared task but answers only for its own county.
        Responsible(Actor.CountyAdmin, Concern.Organization, Side.County).ShouldBeTrue();
        Responsible(Actor.CountyAdmin, Concern.Organization, Side.City).ShouldBeFalse();
        Responsible(Actor.CityAdmin, Concern.Organization, Side.Wide).ShouldBeFalse();
        Responsible(Actor.InspectorIn, Concern.Organization, Side.City).ShouldBeFalse();
        Responsible(Actor.FullAdmin, Concern.ReporterOwn, Side.City).ShouldBeFalse();
    }
}
