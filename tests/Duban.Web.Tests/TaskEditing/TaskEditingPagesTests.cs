using System.Net;
using System.Text;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Data.Import;
using Duban.Data.TaskEditing;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.TaskEditing;

/// <summary>The editing forms of the pages go through the same editor as the API: edit, stale version, retire, add a task, a new 交办事项, and nothing for those not responsible.</summary>
public sealed class TaskEditingPagesTests(PlansFixture plans) : IClassFixture<PlansFixture>
{
    private DubanWebFactory Factory => plans.Factory;

    private async Task<(long Plan, List<PlanTask> Tasks)> PlanAsync(string tag)
    {
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var text = $"页面编辑{tag}{Guid.NewGuid():N}市职业教育实施方案\n\n一、重点任务\n1. 推进产教融合。（牵头单位：清河市教育局）\n2. 完善经费保障。（牵头单位：清河市财政局）\n";
        var plan = await PlansFixture.ImportAsync(Factory, Encoding.UTF8.GetBytes(text), $"页面编辑{tag}.txt", new PlanRegion.Existing(city));
        await Factory.WithDbAsync(async db =>
        {
            (await db.Plans.SingleAsync(p => p.Id == plan)).Status = PlanStatus.Published;
            await db.SaveChangesAsync();
        });
        return (plan, await plans.TasksAsync(plan));
    }

    private Task<PlanTask> StoredAsync(long id) => Factory.WithDbAsync(db => db.Tasks.AsNoTracking().SingleAsync(t => t.Id == id));

    [Fact]
    public async Task An_administrator_edits_a_task_on_its_page_and_a_stale_form_is_refused()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (_, tasks) = await PlanAsync("改");
        var task = tasks[0];
        var page = $"/tasks/{task.Id}";
        (await admin.GetStringAsync(page)).ShouldContain("编辑任务");

        var saved = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["Version"] = task.Version.ToString(), ["Text"] = "页面上修改的任务内容。", ["No"] = "9", ["Deadline"] = "2027年3月底前",
        }, formName: "edit-task");
        ((int)saved.StatusCode).ShouldBeLessThan(400, await saved.Content.ReadAsStringAsync());
        var stored = await StoredAsync(task.Id);
        (stored.Text, stored.No, stored.Due).ShouldBe(("页面上修改的任务内容。", "9", new DateOnly(2027, 3, 31)));
        (await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == TaskEditingAuditActions.Edit && e.EntityId == task.Id.ToString()))).ShouldBeTrue();

        var stale = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["Version"] = task.Version.ToString(), ["Text"] = "过期的修改。", ["No"] = "9", ["Deadline"] = "",
        }, formName: "edit-task");
        stale.StatusCode.ShouldBe(HttpStatusCode.PreconditionFailed);
        (await stale.Content.ReadAsStringAsync()).ShouldContain("已被修改");
        (await StoredAsync(task.Id)).Text.ShouldBe("页面上修改的任务内容。");
    }

    [Fact]
    public async Task Retiring_on_the_page_needs_the_confirmation_and_leaves_a_readable_retired_task()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (_, tasks) = await PlanAsync("退");
        var task = tasks[1];
        var page = $"/tasks/{task.Id}";
        var unconfirmed = await Browser.SubmitAsync(admin, page, new Dictionary<string, string> { ["Version"] = task.Version.ToString(), ["Reason"] = "不是任务" }, formName: "retire-task");
        unconfirmed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await StoredAsync(task.Id)).RetiredAt.ShouldBeNull();

        var retired = await Browser.SubmitAsync(admin, page, new Dictionary<string, string>
        {
            ["Version"] = task.Version.ToString(), ["Reason"] = "不是任务", ["Confirm"] = "true",
        }, formName: "retire-task");
        ((int)retired.StatusCode).ShouldBeLessThan(400, await retired.Content.ReadAsStringAsync());
        (await StoredAsync(task.Id)).RetiredAt.ShouldNotBeNull();
        var html = await admin.GetStringAsync(page);
        html.ShouldContain("已退役");
        html.ShouldNotContain("编辑任务");
    }

    [Fact]
    public async Task Those_not_responsible_get_no_panel_and_their_forged_posts_change_nothing()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        await Factory.CreateUserAsync("tep-county-admin", "tep-county-admin-pass", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        var countyAdmin = await Factory.SignedInAsync("tep-county-admin", "tep-county-admin-pass");
        var (plan, tasks) = await PlanAsync("外");
        var task = tasks[0];
        // Shared with the county's government, so that the county's administrator reads it.
        var government = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        await Factory.WithDbAsync(async db =>
        {
            db.Assignments.Add(new Assignment { TaskId = task.Id, OrganizationId = government, Role = Duban.Parsing.Model.UnitRole.Cooperating, UnitName = "东湖县人民政府" });
            await db.SaveChangesAsync();
        });
        var page = $"/tasks/{task.Id}";
        var html = await countyAdmin.GetStringAsync(page);
        html.ShouldNotContain("编辑任务", Case.Sensitive, "the county's administrator reads the published city plan but does not edit it");
        (await countyAdmin.GetStringAsync($"/plans/{plan}")).ShouldNotContain("add-task-form");

        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var token = Browser.AntiforgeryToken(html);
        var forged = await countyAdmin.PostAsync(page, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = token, ["_handler"] = "edit-task", ["Version"] = task.Version.ToString(), ["Text"] = "越权修改", ["No"] = "1", ["Deadline"] = "",
        }));
        ((int)forged.StatusCode).ShouldBeGreaterThanOrEqualTo(400);
        (await StoredAsync(task.Id)).Text.ShouldBe(task.Text);
        (await admin.GetStringAsync(page)).ShouldContain("编辑任务");
    }

    [Fact]
    public async Task A_task_is_added_on_the_plan_page_and_a_documentless_plan_on_the_new_plan_page()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (plan, _) = await PlanAsync("加");
        var education = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var added = await Browser.SubmitAsync(admin, $"/plans/{plan}", new Dictionary<string, string>
        {
            ["NewText"] = "页面添加的任务。", ["NewDeadline"] = "长期坚持", ["NewLead"] = education.ToString(),
        }, formName: "add-task");
        ((int)added.StatusCode).ShouldBeLessThan(400, await added.Content.ReadAsStringAsync());
        var task = await Factory.WithDbAsync(db => db.Tasks.Include(t => t.Assignments).SingleAsync(t => t.PlanId == plan && t.Text == "页面添加的任务。"));
        task.Ongoing.ShouldBeTrue();
        task.Assignments.Single().OrganizationId.ShouldBe(education);

        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        (await admin.GetStringAsync("/plans")).ShouldContain("新建交办事项");
        var created = await Browser.SubmitAsync(admin, "/plans/new", new Dictionary<string, string>
        {
            ["Title"] = "市政府第5次常务会议议定事项", ["RegionId"] = city.ToString(), ["Kind"] = "meetingDecision", ["Reference"] = "市政府第5次常务会议",
            ["SourceDate"] = "2026-02-10",
        }, formName: "new-plan");
        ((int)created.StatusCode).ShouldBeLessThan(400, await created.Content.ReadAsStringAsync());
        var list = await Factory.WithDbAsync(db => db.TaskLists.SingleAsync(l => l.SourceReference == "市政府第5次常务会议"));
        list.Source.ShouldBe(TaskListSource.MeetingDecision);

        var refused = await Browser.SubmitAsync(admin, "/plans/new", new Dictionary<string, string>
        {
            ["Title"] = "会议议定事项（缺会议）", ["RegionId"] = city.ToString(), ["Kind"] = "meetingDecision",
        }, formName: "new-plan");
        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.Content.ReadAsStringAsync()).ShouldContain("会议");
        (await (await Factory.SignedInAsync(DemoAccounts.Reporter)).GetAsync("/plans/new")).Headers.Location?.OriginalString.ShouldContain("denied");
    }
}
