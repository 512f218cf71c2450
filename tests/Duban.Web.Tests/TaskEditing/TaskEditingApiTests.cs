using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Duban.Core.Audit;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.TaskEditing;
using Duban.Data.Tracking;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Duban.Web.Tests.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.TaskEditing;

/// <summary>
/// Correcting tasks after import over the API (docs/supervision.md, "Correcting tasks"): every kind of edit with its
/// audit entry, If-Match (428 / 412), refusals naming the field, the timeline after publication, and reports, values and
/// 督办单 staying with the task (and the assignment) they were made for through edits, splits and merges.
/// </summary>
public sealed class TaskEditingApiTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private static HttpRequestMessage Request(HttpMethod method, string path, object? body, string? etag, string mediaType = "application/json")
    {
        var request = new HttpRequestMessage(method, path);
        if (body is not null) request.Content = new StringContent(JsonSerializer.Serialize(body, JsonSerializerOptions.Web), Encoding.UTF8, mediaType);
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private static async Task<string> ETagAsync(HttpClient client, long taskId)
    {
        var response = await client.GetAsync($"/api/v1/tasks/{taskId}");
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return response.Headers.ETag!.ToString();
    }

    private Task<AuditEntry> LastAuditAsync(string action, long id) => Factory.WithDbAsync(db =>
        db.AuditEntries.AsNoTracking().OrderByDescending(e => e.Id).FirstAsync(e => e.Action == action && e.EntityId == id.ToString()));

    private Task<int> AuditCountAsync() => Factory.WithDbAsync(db => db.AuditEntries.CountAsync());

    /// <summary>A published plan of 清河市 of its own for a test: four tasks, each of 清河市教育局 with another organisation.</summary>
    private async Task<long> NewPlanAsync(string tag, bool publish = true)
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var text = $"编辑测试{tag}{Guid.NewGuid():N}市职业教育改革实施方案\n\n一、重点任务\n"
            + "1. 推进产教融合实训基地建设。（牵头单位：清河市教育局；配合单位：清河市财政局）\n"
            + "2. 完善职业教育经费保障机制。（牵头单位：清河市财政局；配合单位：清河市教育局）\n"
            + "3. 发布专业预警名单。（牵头单位：清河市教育局）\n"
            + "4. 建设双师型教师队伍。（牵头单位：清河市教育局；配合单位：清河市人力资源和社会保障局）\n";
        var planId = await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(text), $"编辑测试{tag}.txt", new PlanRegion.Existing(city));
        if (publish)
            await Factory.WithDbAsync(async db =>
            {
                var plan = await db.Plans.SingleAsync(p => p.Id == planId);
                plan.Status = PlanStatus.Published;
                await db.SaveChangesAsync();
            });
        return planId;
    }

    /// <summary>The n-th current task of a plan that has at least one organisation.</summary>
    private async Task<PlanTask> TaskAsync(long planId, int index) => (await plans.TasksAsync(planId)).Where(t => t.Assignments.Count > 0).ElementAt(index);

    private Task<List<TaskEvent>> EditEventsAsync(long taskId) => Factory.WithDbAsync(db =>
        db.Set<TaskEvent>().AsNoTracking().Where(e => e.TaskId == taskId && e.Kind == TaskEventKind.Edited).OrderBy(e => e.Id).ToListAsync());

    private static async Task<long> OrderAsync(DubanDbContext db, Assignment assignment)
    {
        var order = new SupervisionOrder
        {
            Number = "编辑测试-" + Guid.NewGuid().ToString("N"), TaskId = assignment.TaskId, AssignmentId = assignment.Id, OrganizationId = assignment.OrganizationId,
            Reason = "编辑测试督办", IssuedAt = DateTimeOffset.UtcNow, IssuedByName = "sample", ReplyBy = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            Origin = OrderOrigin.Manual, IdempotencyKey = "task-editing-order:" + Guid.NewGuid().ToString("N"),
        };
        db.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    }

    /// <summary>A report (with a value on a target) and a 督办单 on the task's first assignment.</summary>
    private async Task<(long Assignment, long Report, long Observation, long Target, long Order)> WorkOnAsync(long planId, long taskId, string tag)
    {
        var assignment = await Factory.WithDbAsync(db => db.Assignments.AsNoTracking().Where(a => a.TaskId == taskId).OrderBy(a => a.Id).FirstAsync());
        var store = EvidenceStore.Under(new DatabaseOptions { DataDirectory = Factory.DataDirectory });
        var records = await Factory.WithDbAsync(db => TrackingRecords.RecordsAsync(db, store, planId, assignment, tag));
        var order = await Factory.WithDbAsync(db => OrderAsync(db, assignment));
        return (assignment.Id, records.Report, records.Observation, records.Target, order);
    }

    [Fact]
    public async Task Editing_text_number_and_deadline_needs_if_match_is_audited_and_shows_on_the_timeline_of_a_published_plan()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("0");
        var task = await TaskAsync(planId, 0);
        var path = $"/api/v1/tasks/{task.Id}";
        var patch = new { text = "修改后的任务内容：推进产教融合实训基地建设。", no = "1.1", deadline = "2027年6月底前" };

        (await admin.SendAsync(Request(HttpMethod.Patch, path, patch, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        (await admin.SendAsync(Request(HttpMethod.Patch, path, patch, $"\"{Guid.NewGuid():N}\""))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).SendAsync(Request(HttpMethod.Patch, path, patch, "*"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).SendAsync(Request(HttpMethod.Patch, path, patch, "*"))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var bad = await admin.SendAsync(Request(HttpMethod.Patch, path, new { text = "  " }, "*"));
        bad.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await bad.JsonAsync()).GetProperty("field").GetString().ShouldBe("text");
        var unreadable = await admin.SendAsync(Request(HttpMethod.Patch, path, new { deadline = "尽快" }, "*"));
        unreadable.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await unreadable.JsonAsync()).GetProperty("field").GetString().ShouldBe("deadline");
        var unknown = await admin.SendAsync(Request(HttpMethod.Patch, path, new { planId = 3 }, "*"));
        (await unknown.JsonAsync()).GetProperty("field").GetString().ShouldBe("planId");
        (await Factory.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id))).Text.ShouldBe(task.Text, "nothing half-stored");

        var etag = await ETagAsync(admin, task.Id);
        var edited = await admin.SendAsync(Request(HttpMethod.Patch, path, patch, etag, "application/merge-patch+json"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        edited.Headers.ETag!.ToString().ShouldNotBe(etag);
        var body = await edited.JsonAsync();
        body.GetProperty("text").GetString().ShouldBe(patch.text);
        body.GetProperty("no").GetString().ShouldBe("1.1");
        body.GetProperty("due").GetString().ShouldBe("2027-06-30");
        (await admin.SendAsync(Request(HttpMethod.Patch, path, new { ongoing = true }, etag))).StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed, "the old ETag is stale now");

        var entry = await LastAuditAsync(TaskEditingAuditActions.Edit, task.Id);
        entry.Before!.ShouldContain(task.Text);
        entry.After!.ShouldContain(patch.text);
        entry.After!.ShouldContain("2027年6月底前");
        var events = await EditEventsAsync(task.Id);
        events.Count.ShouldBe(1, "the plan is published: the edit is on the task's timeline");
        events[0].Summary.ShouldContain("文字");
        events[0].Summary.ShouldContain("时限");
        var timeline = await admin.GetStringAsync($"/api/v1/tasks/{task.Id}/timeline");
        timeline.ShouldContain("\"edited\"");
        // The organisation's reporters are told (the demo reporter is 清河市教育局's, the task's lead).
        var reporterId = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Reporter).Select(u => u.Id).SingleAsync());
        (await Factory.WithDbAsync(db => db.Set<Duban.Core.Notifications.Notification>().AnyAsync(n =>
            n.RecipientId == reporterId && n.Kind == Duban.Core.Notifications.NotificationKinds.TaskEdit && n.Link == $"tasks/{task.Id}"))).ShouldBeTrue();

        // Long-term, recurring, cleared: the values may be given without a text, which is then composed from them.
        var ongoing = await admin.SendAsync(Request(HttpMethod.Patch, path, new { deadline = (string?)null, ongoing = true, recurrence = "quarterly" }, "*"));
        ongoing.StatusCode.ShouldBe(HttpStatusCode.OK, await ongoing.Content.ReadAsStringAsync());
        var stored = await Factory.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Id == task.Id));
        (stored.Due, stored.Ongoing, stored.Recurrence, stored.DeadlineRaw).ShouldBe((null, true, Duban.Parsing.Model.Recurrence.Quarterly, "每季度"));
    }

    [Fact]
    public async Task Targets_are_replaced_as_a_list_keeping_the_rows_values_were_reported_on()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("1");
        var task = await TaskAsync(planId, 0);
        var work = await WorkOnAsync(planId, task.Id, "指标");
        var path = $"/api/v1/tasks/{task.Id}";

        var removing = await admin.SendAsync(Request(HttpMethod.Patch, path, new { targets = Array.Empty<object>() }, "*"));
        removing.StatusCode.ShouldBe(HttpStatusCode.Conflict, "a target with a reported value is not removed");
        (await removing.JsonAsync()).GetProperty("field").GetString().ShouldBe("targets");
        var invalid = await admin.SendAsync(Request(HttpMethod.Patch, path, new { targets = new object[] { new { id = work.Target, subject = "样例指标", comparator = "range", value = 5, unit = "个" } } }, "*"));
        (await invalid.JsonAsync()).GetProperty("field").GetString().ShouldBe("targets[0].valueMax");

        var edited = await admin.SendAsync(Request(HttpMethod.Patch, path, new
        {
            targets = new object[]
            {
                new { id = work.Target, subject = "实训基地", comparator = "atLeast", value = 5, unit = "个", year = 2027 },
                new { subject = "双师型教师占比", comparator = "atLeast", value = 60, unit = "%", year = 2027 },
            },
        }, "*"));
        edited.StatusCode.ShouldBe(HttpStatusCode.OK, await edited.Content.ReadAsStringAsync());
        var targets = (await edited.JsonAsync()).GetProperty("targets").EnumerateArray().ToList();
        targets.Count.ShouldBe(2);
        targets[0].GetProperty("id").GetInt64().ShouldBe(work.Target);
        targets[0].GetProperty("subject").GetString().ShouldBe("实训基地");
        (await Factory.WithDbAsync(db => db.Observations.SingleAsync(o => o.Id == work.Observation))).TargetId.ShouldBe(work.Target, "the value stays on its target");
        var entry = await LastAuditAsync(TaskEditingAuditActions.Edit, task.Id);
        entry.Before!.ShouldContain("样例指标");
        entry.After!.ShouldContain("双师型教师占比");

        // The new target, without values, may go.
        var added = targets[1].GetProperty("id").GetInt64();
        var dropped = await admin.SendAsync(Request(HttpMethod.Patch, path, new { targets = new object[] { new { id = work.Target, subject = "实训基地", comparator = "atLeast", value = 5, unit = "个", year = 2027 } } }, "*"));
        dropped.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await Factory.WithDbAsync(db => db.Targets.AnyAsync(t => t.Id == added))).ShouldBeFalse();
    }

    [Fact]
    public async Task Organisations_are_added_changed_marked_primary_and_removed_unless_they_have_work_on_the_task()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("2");
        var task = await TaskAsync(planId, 0);
        var finance = await Factory.OrganizationIdAsync("清河职业技术学院");
        var path = $"/api/v1/tasks/{task.Id}/assignments";

        (await admin.SendAsync(Request(HttpMethod.Post, path, new { organizationId = finance, role = "cooperating" }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var badRole = await admin.SendAsync(Request(HttpMethod.Post, path, new { organizationId = finance, role = "boss" }, "*"));
        (await badRole.JsonAsync()).GetProperty("field").GetString().ShouldBe("role");
        var added = await admin.SendAsync(Request(HttpMethod.Post, path, new { organizationId = finance, role = "cooperating" }, "*"));
        added.StatusCode.ShouldBe(HttpStatusCode.OK, await added.Content.ReadAsStringAsync());
        var assignment = (await added.JsonAsync()).GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("organizationId").GetInt64() == finance);
        var assignmentId = assignment.GetProperty("id").GetInt64();
        assignment.GetProperty("role").GetString().ShouldBe("cooperating");
        (await LastAuditAsync(TaskEditingAuditActions.Assign, task.Id)).After!.ShouldContain(finance.ToString());
        (await admin.SendAsync(Request(HttpMethod.Post, path, new { organizationId = finance, role = "lead" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.Conflict);

        var primary = await admin.SendAsync(Request(HttpMethod.Patch, $"{path}/{assignmentId}", new { role = "lead", primary = true }, await ETagAsync(admin, task.Id)));
        primary.StatusCode.ShouldBe(HttpStatusCode.OK, await primary.Content.ReadAsStringAsync());
        var units = (await primary.JsonAsync()).GetProperty("assignments").EnumerateArray().ToList();
        units.Where(a => a.GetProperty("primary").GetBoolean()).Select(a => a.GetProperty("organizationId").GetInt64()).ShouldBe([finance], "one primary lead");
        var reassigned = await LastAuditAsync(TaskEditingAuditActions.Reassign, task.Id);
        reassigned.Before!.ShouldContain("Cooperating");
        reassigned.After!.ShouldContain("Lead");

        var removed = await admin.SendAsync(Request(HttpMethod.Delete, $"{path}/{assignmentId}", null, "*"));
        removed.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await removed.JsonAsync()).GetProperty("assignments").EnumerateArray().Count(a => a.GetProperty("primary").GetBoolean())
            .ShouldBe(1, "the primary lead removed, the first remaining lead is primary again");
        (await Factory.WithDbAsync(db => db.Assignments.AnyAsync(a => a.Id == assignmentId))).ShouldBeFalse();
        (await LastAuditAsync(TaskEditingAuditActions.Unassign, task.Id)).Before!.ShouldContain(assignmentId.ToString());

        // An organisation that reported (and got a 督办单) on the task keeps its assignment.
        var work = await WorkOnAsync(planId, task.Id, "分工");
        var refused = await admin.SendAsync(Request(HttpMethod.Delete, $"{path}/{work.Assignment}", null, "*"));
        refused.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await refused.JsonAsync()).GetProperty("detail").GetString()!.ShouldContain("进展报告");
        (await Factory.WithDbAsync(db => db.Assignments.AnyAsync(a => a.Id == work.Assignment))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_retired_task_drops_out_of_lists_and_counts_and_keeps_its_history()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("3");
        var task = await TaskAsync(planId, 0);
        var work = await WorkOnAsync(planId, task.Id, "退役");
        var countBefore = await TaskCountAsync(admin, planId);
        // Due in three days: the next escalation run would remind its organisations.
        var soon = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3);
        (await admin.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tasks/{task.Id}", new { due = soon.ToString("yyyy-MM-dd") }, "*"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        async Task<bool> PreviewedAsync() => (await (await admin.GetAsync($"/api/v1/plans/{planId}/escalation-preview")).JsonAsync())
            .GetProperty("items").EnumerateArray().Any(i => i.GetProperty("taskId").GetInt64() == task.Id);
        async Task<int> DashboardCountAsync() => (await (await admin.GetAsync($"/api/v1/dashboard?planId={planId}")).JsonAsync()).GetProperty("taskCount").GetInt32();
        (await PreviewedAsync()).ShouldBeTrue();
        var dashboardBefore = await DashboardCountAsync();

        (await admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/tasks/{task.Id}", null, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var retired = await admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/tasks/{task.Id}?reason={Uri.EscapeDataString("不是任务，是工作要求")}", null, await ETagAsync(admin, task.Id)));
        retired.StatusCode.ShouldBe(HttpStatusCode.OK, await retired.Content.ReadAsStringAsync());
        (await retired.JsonAsync()).GetProperty("retired").GetBoolean().ShouldBeTrue();

        (await TaskCountAsync(admin, planId)).ShouldBe(countBefore - 1);
        (await PreviewedAsync()).ShouldBeFalse("the escalation job leaves a retired task alone");
        (await DashboardCountAsync()).ShouldBe(dashboardBefore - 1, "the 总览 counts it no more");
        var listed = await (await admin.GetAsync($"/api/v1/tasks?planId={planId}&pageSize=100")).JsonAsync();
        listed.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ShouldNotContain(task.Id);
        var orders = await (await admin.GetAsync($"/api/v1/supervision-orders?taskId={task.Id}")).JsonAsync();
        orders.GetProperty("total").GetInt32().ShouldBe(0, "escalation and its lists leave a retired task, like a removed one");
        (await admin.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tasks/{task.Id}", new { text = "再改" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.NotFound);

        // History kept: the rows, and the task itself readable, marked retired.
        var (stored, report, order) = await Factory.WithDbAsync(async db => (
            await db.Tasks.SingleAsync(t => t.Id == task.Id),
            await db.ProgressReports.SingleAsync(r => r.Id == work.Report),
            await db.Set<SupervisionOrder>().SingleAsync(o => o.Id == work.Order)));
        stored.RetiredAt.ShouldNotBeNull();
        stored.RetiredReason.ShouldBe("不是任务，是工作要求");
        stored.RemovedInVersionId.ShouldNotBeNull();
        (report.AssignmentId, order.TaskId).ShouldBe((work.Assignment, task.Id));
        (await admin.GetAsync($"/api/v1/tasks/{task.Id}")).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await admin.GetStringAsync($"/tasks/{task.Id}")).ShouldContain("已退役");
        var entry = await LastAuditAsync(TaskEditingAuditActions.Retire, task.Id);
        entry.Before!.ShouldNotContain("不是任务");
        entry.After!.ShouldContain("不是任务，是工作要求");
    }

    private static async Task<int> TaskCountAsync(HttpClient client, long planId)
    {
        var page = await (await client.GetAsync("/api/v1/plans?pageSize=100")).JsonAsync();
        return page.GetProperty("items").EnumerateArray().Single(p => p.GetProperty("id").GetInt64() == planId).GetProperty("taskCount").GetInt32();
    }

    [Fact]
    public async Task A_task_the_parser_missed_is_added_with_units_deadline_and_targets()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("4");
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var finance = await Factory.OrganizationIdAsync("清河市财政局");
        var countBefore = await TaskCountAsync(admin, planId);
        var path = $"/api/v1/plans/{planId}/tasks";

        var missing = await admin.PostAsJsonAsync(path, new { deadline = "2027年底前" });
        (await missing.JsonAsync()).GetProperty("field").GetString().ShouldBe("text");
        var stranger = await admin.PostAsJsonAsync(path, new { text = "遗漏的任务", assignments = new[] { new { organizationId = 999_999, role = "lead" } } });
        (await stranger.JsonAsync()).GetProperty("field").GetString().ShouldBe("assignments[0].organizationId");
        (await (await Factory.SignedInAsync(DemoAccounts.Inspector)).PostAsJsonAsync(path, new { text = "遗漏的任务" })).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var created = await admin.PostAsJsonAsync(path, new
        {
            text = "建设市级职业教育公共实训中心。", deadline = "2027年底前",
            assignments = new object[] { new { organizationId = education, role = "lead" }, new { organizationId = finance, role = "cooperating" } },
            targets = new object[] { new { subject = "公共实训中心", comparator = "equal", value = 1, unit = "个", year = 2027 } },
        });
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        created.Headers.ETag.ShouldNotBeNull();
        var body = await created.JsonAsync();
        var id = body.GetProperty("id").GetInt64();
        body.GetProperty("key").GetString()!.ShouldStartWith("manual:");
        body.GetProperty("due").GetString().ShouldBe("2027-12-31");
        body.GetProperty("assignments").EnumerateArray().Single(a => a.GetProperty("primary").GetBoolean()).GetProperty("organizationId").GetInt64().ShouldBe(education);
        body.GetProperty("targets").GetArrayLength().ShouldBe(1);
        (await TaskCountAsync(admin, planId)).ShouldBe(countBefore + 1);
        (await LastAuditAsync(TaskEditingAuditActions.Create, id)).After!.ShouldContain("公共实训中心");
        (await EditEventsAsync(id)).Count.ShouldBe(1, "added after publication: on the timeline");
        (await admin.GetStringAsync($"/plans/{planId}")).ShouldContain($"tasks/{id}", Case.Sensitive, "a task without a span links to its page");
    }

    [Fact]
    public async Task A_split_leaves_reports_values_and_orders_on_the_task_they_were_made_for()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("5");
        var task = await TaskAsync(planId, 0);
        var work = await WorkOnAsync(planId, task.Id, "拆分");
        var path = $"/api/v1/tasks/{task.Id}/split";

        (await admin.SendAsync(Request(HttpMethod.Post, path, new { newText = "拆出的部分。" }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var noText = await admin.SendAsync(Request(HttpMethod.Post, path, new { newText = "" }, "*"));
        (await noText.JsonAsync()).GetProperty("field").GetString().ShouldBe("newText");

        var split = await admin.SendAsync(Request(HttpMethod.Post, path, new { text = "保留的部分。", newText = "拆出的部分。", newNo = "5.2" }, await ETagAsync(admin, task.Id)));
        split.StatusCode.ShouldBe(HttpStatusCode.Created, await split.Content.ReadAsStringAsync());
        var body = await split.JsonAsync();
        var newId = body.GetProperty("newTask").GetProperty("id").GetInt64();
        body.GetProperty("task").GetProperty("text").GetString().ShouldBe("保留的部分。");
        body.GetProperty("newTask").GetProperty("no").GetString().ShouldBe("5.2");
        body.GetProperty("newTask").GetProperty("assignments").GetArrayLength().ShouldBe(task.Assignments.Count);
        body.GetProperty("newTask").GetProperty("targets").GetArrayLength().ShouldBe(0, "targets and their values stay with the task");

        var (report, order, observation, newReports) = await Factory.WithDbAsync(async db => (
            await db.ProgressReports.Include(r => r.Assignment).SingleAsync(r => r.Id == work.Report),
            await db.Set<SupervisionOrder>().SingleAsync(o => o.Id == work.Order),
            await db.Observations.SingleAsync(o => o.Id == work.Observation),
            await db.ProgressReports.CountAsync(r => r.Assignment!.TaskId == newId)));
        (report.Assignment!.TaskId, order.TaskId).ShouldBe((task.Id, task.Id));
        (await Factory.WithDbAsync(db => db.Targets.SingleAsync(t => t.Id == observation.TargetId))).TaskId.ShouldBe(task.Id);
        newReports.ShouldBe(0);
        (await LastAuditAsync(TaskEditingAuditActions.Split, task.Id)).After!.ShouldContain("拆出的部分。");
        (await LastAuditAsync(TaskEditingAuditActions.Create, newId)).After!.ShouldContain(task.Id.ToString());
        (await EditEventsAsync(task.Id)).ShouldContain(e => e.Summary.Contains("拆分"));
    }

    [Fact]
    public async Task A_merge_retires_the_merged_task_with_its_reports_and_orders_and_gives_its_units_to_the_other()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var planId = await NewPlanAsync("6");
        var survivor = await TaskAsync(planId, 0);
        var merged = await TaskAsync(planId, 1);
        var survivorWork = await WorkOnAsync(planId, survivor.Id, "合并留");
        var mergedWork = await WorkOnAsync(planId, merged.Id, "合并去");
        var path = $"/api/v1/tasks/{survivor.Id}/merge";

        (await admin.SendAsync(Request(HttpMethod.Post, path, new { mergedTaskId = merged.Id }, null))).StatusCode.ShouldBe((HttpStatusCode)428);
        var self = await admin.SendAsync(Request(HttpMethod.Post, path, new { mergedTaskId = survivor.Id }, "*"));
        (await self.JsonAsync()).GetProperty("field").GetString().ShouldBe("mergedTaskId");
        var otherPlan = (await plans.TasksAsync(plans.DraftCityPlanId)).First().Id;
        var across = await admin.SendAsync(Request(HttpMethod.Post, path, new { mergedTaskId = otherPlan }, "*"));
        (await across.JsonAsync()).GetProperty("field").GetString().ShouldBe("mergedTaskId");

        var response = await admin.SendAsync(Request(HttpMethod.Post, path, new { mergedTaskId = merged.Id, text = "合并后的任务内容。" }, await ETagAsync(admin, survivor.Id)));
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        var body = await response.JsonAsync();
        body.GetProperty("task").GetProperty("text").GetString().ShouldBe("合并后的任务内容。");
        body.GetProperty("merged").GetProperty("retired").GetBoolean().ShouldBeTrue();
        body.GetProperty("merged").GetProperty("mergedIntoId").GetInt64().ShouldBe(survivor.Id);
        var organizations = body.GetProperty("task").GetProperty("assignments").EnumerateArray().Select(a => a.GetProperty("organizationId").GetInt64()).ToList();
        foreach (var a in merged.Assignments) organizations.ShouldContain(a.OrganizationId);

        // Each task keeps what was made for it: the merged one's report, value and order stay on it, retired with it.
        var (mergedReport, mergedOrder, survivorReport) = await Factory.WithDbAsync(async db => (
            await db.ProgressReports.Include(r => r.Assignment).SingleAsync(r => r.Id == mergedWork.Report),
            await db.Set<SupervisionOrder>().SingleAsync(o => o.Id == mergedWork.Order),
            await db.ProgressReports.Include(r => r.Assignment).SingleAsync(r => r.Id == survivorWork.Report)));
        (mergedReport.Assignment!.TaskId, mergedOrder.TaskId, survivorReport.Assignment!.TaskId).ShouldBe((merged.Id, merged.Id, survivor.Id));
        var listed = await (await admin.GetAsync($"/api/v1/tasks?planId={planId}&pageSize=100")).JsonAsync();
        var ids = listed.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ToList();
        ids.ShouldContain(survivor.Id);
        ids.ShouldNotContain(merged.Id);
        (await LastAuditAsync(TaskEditingAuditActions.Merge, survivor.Id)).After!.ShouldContain("合并后的任务内容。");
        (await LastAuditAsync(TaskEditingAuditActions.Retire, merged.Id)).After!.ShouldContain(survivor.Id.ToString());
        (await EditEventsAsync(merged.Id)).ShouldContain(e => e.Summary.Contains("合并入"));
        (await admin.GetStringAsync($"/tasks/{merged.Id}")).ShouldContain($"tasks/{survivor.Id}");
    }

    [Fact]
    public async Task A_plan_without_a_document_is_created_for_assigned_work_and_its_tasks_are_tracked_like_plan_tasks()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        await Factory.CreateUserAsync("te-county-admin", "te-county-admin-pass", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        var countyAdmin = await Factory.SignedInAsync("te-county-admin", "te-county-admin-pass");
        var input = new
        {
            title = "市政府领导批示交办事项（职业教育）", regionId = city,
            source = new { kind = "instruction", instructor = "张市长", date = "2026-03-02", reference = "市政府办公室批示件〔2026〕12号" },
        };

        (await countyAdmin.PostAsJsonAsync("/api/v1/plans", input)).StatusCode.ShouldBe(HttpStatusCode.BadRequest, "the city is outside the county's administrator's responsibility");
        var noLeader = await admin.PostAsJsonAsync("/api/v1/plans", new { title = "批示交办", regionId = city, source = new { kind = "instruction" } });
        (await noLeader.JsonAsync()).GetProperty("field").GetString().ShouldBe("source.instructor");
        var badKind = await admin.PostAsJsonAsync("/api/v1/plans", new { title = "交办", regionId = city, source = new { kind = "rumour" } });
        (await badKind.JsonAsync()).GetProperty("field").GetString().ShouldBe("source.kind");

        var created = await admin.PostAsJsonAsync("/api/v1/plans", input);
        created.StatusCode.ShouldBe(HttpStatusCode.Created, await created.Content.ReadAsStringAsync());
        var plan = await created.JsonAsync();
        var planId = plan.GetProperty("id").GetInt64();
        plan.GetProperty("status").GetString().ShouldBe("draft");
        plan.GetProperty("source").GetProperty("kindLabel").GetString().ShouldBe("领导批示交办");
        (await LastAuditAsync(TaskEditingAuditActions.PlanCreate, planId)).After!.ShouldContain("张市长");
        var version = await Factory.WithDbAsync(db => db.PlanVersions.SingleAsync(v => v.PlanId == planId));
        (version.FileName, version.Content.Length, version.Text).ShouldBe(("（无文件）", 0, ""));

        var due = DateOnly.FromDateTime(DateTime.UtcNow.AddHours(8)).AddDays(3);
        var task = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new
        {
            text = "研究解决职业院校实训基地用地问题。", due = due.ToString("yyyy-MM-dd"),
            assignments = new[] { new { organizationId = education, role = "lead" } },
        });
        task.StatusCode.ShouldBe(HttpStatusCode.Created, await task.Content.ReadAsStringAsync());
        var taskId = (await task.JsonAsync()).GetProperty("id").GetInt64();
        (await task.JsonAsync()).GetProperty("source").GetProperty("instructor").GetString().ShouldBe("张市长");
        (await EditEventsAsync(taskId)).ShouldBeEmpty("a draft's edits are not on the timeline");

        var etag = (await admin.GetAsync($"/api/v1/plans/{planId}")).Headers.ETag!.ToString();
        (await admin.SendAsync(Request(HttpMethod.Put, $"/api/v1/plans/{planId}/status", new { status = "published" }, etag))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var listed = await (await admin.GetAsync($"/api/v1/tasks?planId={planId}")).JsonAsync();
        listed.GetProperty("total").GetInt32().ShouldBe(1);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await (await reporter.GetAsync($"/api/v1/tasks?planId={planId}")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(1, "the organisation sees it as its task");
        var preview = await (await admin.GetAsync($"/api/v1/plans/{planId}/escalation-preview")).JsonAsync();
        preview.GetProperty("items").EnumerateArray().ShouldContain(i => i.GetProperty("taskId").GetInt64() == taskId, "escalated like a plan's task");
        (await admin.GetStringAsync($"/plans/{planId}")).ShouldContain("张市长");
    }

    [Fact]
    public async Task A_revision_import_keeps_hand_added_tasks_and_leaves_retired_ones_retired()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var text = "修订测试市职业教育实施方案\n\n一、重点任务\n1. 推进产教融合。（牵头单位：清河市教育局）\n2. 完善经费保障。（牵头单位：清河市财政局）\n3. 发布专业预警名单。（牵头单位：清河市教育局）\n";
        var planId = await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(text), "修订测试.txt", new PlanRegion.Existing(city));
        var tasks = await plans.TasksAsync(planId);
        tasks.Count.ShouldBe(3);
        var retiredId = tasks.Single(t => t.Text.StartsWith("完善经费保障")).Id;
        (await admin.SendAsync(Request(HttpMethod.Delete, $"/api/v1/tasks/{retiredId}", null, "*"))).StatusCode.ShouldBe(HttpStatusCode.OK);
        var added = await admin.PostAsJsonAsync($"/api/v1/plans/{planId}/tasks", new { text = "人工补录的任务。", deadline = "长期坚持" });
        var addedId = (await added.JsonAsync()).GetProperty("id").GetInt64();
        var edited = tasks.Single(t => t.Text.StartsWith("推进产教融合")).Id;
        (await admin.SendAsync(Request(HttpMethod.Patch, $"/api/v1/tasks/{edited}", new { deadline = "2027年底前" }, "*"))).StatusCode.ShouldBe(HttpStatusCode.OK);

        var revised = text.Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
        (await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(revised), "修订测试-2.txt", new PlanRegion.Existing(city))).ShouldBe(planId);

        var current = (await plans.TasksAsync(planId)).Where(t => t.RemovedInVersionId == null).ToList();
        current.Select(t => t.Id).ShouldContain(addedId, "a hand-added task moves to the new version");
        current.Select(t => t.Id).ShouldNotContain(retiredId, "a retired task stays retired though the document still has it");
        current.Count.ShouldBe(3);
        current.Single(t => t.Id == edited).DeadlineRaw.ShouldBe("2027年底前", "a hand edit of a task the revision left unchanged is kept");
        var retired = await Factory.WithDbAsync(db => db.Tasks.SingleAsync(t => t.Id == retiredId));
        retired.RetiredAt.ShouldNotBeNull();
        (await (await admin.GetAsync($"/api/v1/tasks?planId={planId}")).JsonAsync()).GetProperty("total").GetInt32().ShouldBe(3);
    }
}
