using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Jobs;
using Duban.Core.Notifications;
using Duban.Core.Security;
using Duban.Data.Governance;
using Duban.Web.Demo;
using Duban.Web.Tests.EndToEnd;
using Duban.Web.Tests.Import;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Governance;

/// <summary>The national regions loaded and the seed plans 平凉 (000), 庆阳 (001) and 中卫 (002) imported once, through the API.</summary>
public sealed class GovernanceSeedsFixture : IAsyncLifetime
{
    private readonly NationalTreeFixture app = new();

    public DubanWebFactory Factory => app.Factory;

    /// <summary>The plan ids by seed, when the seeds are present.</summary>
    public Dictionary<string, long> Plans { get; } = [];

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        if (!SeedFiles.Present) return;
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        foreach (var id in new[] { "000", "001", "002" })
        {
            var bytes = await File.ReadAllBytesAsync(SeedFiles.PathOf(id));
            var analysis = await (await admin.PostAsync("/api/v1/plans/import", ImportTestData.Upload(bytes, id + ".txt"))).JsonAsync();
            var confirmed = await admin.PostAsync($"/api/v1/plans/import/{analysis.GetProperty("token").GetString()}/confirm",
                ImportTestData.Upload(bytes, id + ".txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
            confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
            Plans[id] = (await confirmed.JsonAsync()).GetProperty("planId").GetInt64();
        }
    }

    public Task DisposeAsync() => app.DisposeAsync();
}

/// <summary>
/// The proof of docs/governance.md over the real plans: their bodies appear with members and cadences; a meeting with
/// two decisions makes two tasks in the members' 我的任务; a missed half-year raises the flag; the office is reminded
/// before a window closes.
/// </summary>
public sealed class GovernanceSeedTests(GovernanceSeedsFixture seeds) : IClassFixture<GovernanceSeedsFixture>
{
    private DubanWebFactory Factory => seeds.Factory;

    private async Task<List<JsonElement>> BodiesAsync(HttpClient client, string seed)
    {
        var list = await client.GetAsync($"/api/v1/bodies?planId={seeds.Plans[seed]}");
        list.StatusCode.ShouldBe(HttpStatusCode.OK, await list.Content.ReadAsStringAsync());
        return [.. (await list.JsonAsync()).GetProperty("items").EnumerateArray()];
    }

    private async Task<JsonElement> BodyAsync(HttpClient client, long id) => await (await client.GetAsync($"/api/v1/bodies/{id}")).JsonAsync();

    private static long JointMeeting(List<JsonElement> bodies) => bodies.Single(b => b.GetProperty("kind").GetString() == "jointMeeting").GetProperty("id").GetInt64();

    [SeedFact]
    public async Task The_seed_plans_bodies_appear_with_their_members_offices_and_cadences()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var pingliang = await BodiesAsync(admin, "000");
        pingliang.Select(b => b.GetProperty("kind").GetString()).ShouldBe(["leadingGroup", "jointMeeting"]);
        var group = await BodyAsync(admin, pingliang[0].GetProperty("id").GetInt64());
        group.GetProperty("members").GetArrayLength().ShouldBeGreaterThanOrEqualTo(15);
        group.GetProperty("members").EnumerateArray().ShouldContain(m => m.GetProperty("person").GetString() == "王奋彦" && m.GetProperty("roleLabel").GetString() == "组长");
        var joint = await BodyAsync(admin, JointMeeting(pingliang));
        joint.GetProperty("body").GetProperty("office").GetString().ShouldBe("市教育局");
        joint.GetProperty("body").GetProperty("officeOrganization").GetString().ShouldBe("平凉市教育局");
        joint.GetProperty("body").GetProperty("meetingsPerYear").GetDecimal().ShouldBe(2m);
        joint.GetProperty("body").GetProperty("cadenceText").GetString()!.ShouldContain("每半年");
        joint.GetProperty("members").EnumerateArray().ShouldContain(m => m.GetProperty("organization").GetString() == "平凉市财政局");

        var qingyang = await BodiesAsync(admin, "001");
        qingyang.Count.ShouldBe(2);
        var qingyangJoint = qingyang.Single(b => b.GetProperty("kind").GetString() == "jointMeeting");
        (qingyangJoint.GetProperty("meetingsPerYear").GetDecimal(), qingyangJoint.GetProperty("meetingsAtLeast").GetBoolean()).ShouldBe((2m, true));

        var zhongwei = await BodiesAsync(admin, "002");
        var zhongweiJoint = await BodyAsync(admin, JointMeeting(zhongwei));
        zhongweiJoint.GetProperty("body").GetProperty("cadenceLabel").GetString().ShouldBe("每年至少 2 次");
        zhongweiJoint.GetProperty("members").EnumerateArray().ShouldContain(m => m.GetProperty("roleLabel").GetString() == "召集人" && m.GetProperty("post").GetString()!.Contains("副市长"));

        var page = await admin.GetStringAsync($"/bodies/{JointMeeting(pingliang)}");
        page.ShouldContain("平凉市职业教育工作部门联席会议");
        page.ShouldContain("平凉市财政局");
        (await admin.GetStringAsync($"/plans/{seeds.Plans["000"]}")).ShouldContain($"bodies/{JointMeeting(pingliang)}");
    }

    [SeedFact]
    public async Task A_meeting_with_two_decisions_makes_two_tasks_in_the_members_own_task_lists()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var bodyId = JointMeeting(await BodiesAsync(admin, "000"));
        var body = await BodyAsync(admin, bodyId);
        var finance = await Factory.OrganizationIdAsync("平凉市财政局");
        var education = await Factory.OrganizationIdAsync("平凉市教育局");
        var hr = body.GetProperty("members").EnumerateArray().Select(m => m.GetProperty("organizationId"))
            .Where(o => o.ValueKind == JsonValueKind.Number).Select(o => o.GetInt64()).First(o => o != finance && o != education);

        var meeting = await admin.PostAsJsonAsync($"/api/v1/bodies/{bodyId}/meetings", new
        {
            date = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-1)).ToString("yyyy-MM-dd"), kind = "regular", agenda = "研究部署产教融合工作",
            minutesText = "会议议定：一、……；二、……。", attendees = new object[] { new { organizationId = finance, attended = true }, new { organizationId = hr, attended = false } },
        });
        meeting.StatusCode.ShouldBe(HttpStatusCode.Created, await meeting.Content.ReadAsStringAsync());
        var meetingId = (await meeting.JsonAsync()).GetProperty("id").GetInt64();
        var attendees = (await meeting.JsonAsync()).GetProperty("attendees").EnumerateArray().ToList();
        attendees.Single(a => a.GetProperty("organizationId").ValueKind == JsonValueKind.Number && a.GetProperty("organizationId").GetInt64() == finance).GetProperty("attended").GetBoolean().ShouldBeTrue();
        attendees.Single(a => a.GetProperty("organizationId").ValueKind == JsonValueKind.Number && a.GetProperty("organizationId").GetInt64() == hr).GetProperty("attended").GetBoolean().ShouldBeFalse();

        var decisions = await admin.PostAsJsonAsync($"/api/v1/meetings/{meetingId}/decisions", new
        {
            decisions = new object[]
            {
                new { text = "市财政局牵头落实职业教育生均拨款制度", due = "2027-06-30", leads = new[] { finance }, cooperating = new[] { education } },
                new { text = "建立职业院校教师招聘绿色通道", deadline = "2027年9月底前", leads = new[] { hr } },
            },
        });
        decisions.StatusCode.ShouldBe(HttpStatusCode.Created, await decisions.Content.ReadAsStringAsync());
        var tasks = (await decisions.JsonAsync()).EnumerateArray().Select(d => d.GetProperty("taskId").GetInt64()).ToList();
        tasks.Count.ShouldBe(2);
        var list = await Factory.WithDbAsync(db => db.Tasks.Where(t => tasks.Contains(t.Id)).Select(t => t.TaskList!).Distinct().SingleAsync());
        (list.Source, list.MeetingId).ShouldBe((Core.Plans.TaskListSource.MeetingDecision, meetingId));

        foreach (var (organization, task) in new[] { (finance, tasks[0]), (hr, tasks[1]) })
        {
            var user = await Factory.CreateUserAsync($"gov-reporter-{organization}", "gov-reporter-password", Role.Reporter, DataScope.Own, organization);
            var reporter = await Factory.SignedInAsync(user.UserName, "gov-reporter-password");
            var mine = await (await reporter.GetAsync($"/api/v1/tasks?organizationId={organization}")).JsonAsync();
            mine.GetProperty("items").EnumerateArray().Select(t => t.GetProperty("id").GetInt64()).ShouldContain(task);
            (await reporter.GetStringAsync("/my")).ShouldContain(task == tasks[0] ? "生均拨款制度" : "教师招聘绿色通道");
        }

        // The next meeting lists the open decisions of this one (上次会议议定事项落实情况).
        var next = await admin.PostAsJsonAsync($"/api/v1/bodies/{bodyId}/meetings", new { date = DateOnly.FromDateTime(DateTime.UtcNow).ToString("yyyy-MM-dd"), kind = "special" });
        var nextDetail = await next.JsonAsync();
        nextDetail.GetProperty("previousOpen").EnumerateArray().Select(d => d.GetProperty("taskId").GetInt64()).ShouldBe(tasks, ignoreOrder: true);
        (await admin.GetStringAsync($"/meetings/{nextDetail.GetProperty("id").GetInt64()}")).ShouldContain("上次会议议定事项落实情况");
        var detail = await BodyAsync(admin, bodyId);
        detail.GetProperty("openDecisions").GetArrayLength().ShouldBe(2);
        detail.GetProperty("attendance").EnumerateArray().ShouldContain(a => a.GetProperty("organizationId").ValueKind == JsonValueKind.Number
            && a.GetProperty("organizationId").GetInt64() == hr && a.GetProperty("absent").GetInt32() >= 1);
    }

    [SeedFact]
    public async Task A_decision_for_a_unit_that_is_not_a_member_saves_nothing()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var bodyId = JointMeeting(await BodiesAsync(admin, "000"));
        var finance = await Factory.OrganizationIdAsync("平凉市财政局");
        var stranger = await Factory.OrganizationIdAsync("庆阳市教育局");
        var meeting = await (await admin.PostAsJsonAsync($"/api/v1/bodies/{bodyId}/meetings", new { date = "2026-01-05" })).JsonAsync();
        var before = await Factory.WithDbAsync(db => db.Tasks.CountAsync());

        var refused = await admin.PostAsJsonAsync($"/api/v1/meetings/{meeting.GetProperty("id").GetInt64()}/decisions", new
        {
            decisions = new object[] { new { text = "一", due = "2027-01-01", leads = new[] { finance } }, new { text = "二", due = "2027-01-01", leads = new[] { stranger } } },
        });

        refused.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await refused.JsonAsync()).GetProperty("field").GetString().ShouldBe("decisions[1].leads");
        (await Factory.WithDbAsync(db => db.Tasks.CountAsync())).ShouldBe(before);
    }

    [SeedFact]
    public async Task A_missed_half_year_raises_the_flag_on_the_body_and_the_offices_workbench()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var bodyId = JointMeeting(await BodiesAsync(admin, "001"));
        var body = await admin.GetAsync($"/api/v1/bodies/{bodyId}");
        var put = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/bodies/{bodyId}") { Content = JsonContent.Create(new { cadenceFrom = "2025-01-01" }) };
        put.Headers.TryAddWithoutValidation("If-Match", body.Headers.ETag!.ToString());
        var corrected = await admin.SendAsync(put);
        corrected.StatusCode.ShouldBe(HttpStatusCode.OK, await corrected.Content.ReadAsStringAsync());

        var detail = await corrected.JsonAsync();
        detail.GetProperty("body").GetProperty("flagged").GetBoolean().ShouldBeTrue();
        var windows = detail.GetProperty("windows").EnumerateArray().ToList();
        windows[0].GetProperty("label").GetString().ShouldBe("2025年上半年");
        windows[0].GetProperty("state").GetString().ShouldBe("missed");
        (await admin.GetStringAsync($"/bodies/{bodyId}")).ShouldContain("未按期召开");
        (await admin.GetStringAsync("/")).ShouldContain($"bodies/{bodyId}");
        (await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(e => e.Action == GovernanceAuditActions.BodyCorrect && e.EntityId == bodyId.ToString()))).ShouldBeTrue();
    }

    [SeedFact]
    public async Task The_office_is_reminded_before_a_window_closes_and_told_once_when_it_was_missed()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var bodyId = JointMeeting(await BodiesAsync(admin, "002"));
        await Factory.WithDbAsync(async db =>
        {
            var row = await db.GoverningBodies.SingleAsync(b => b.Id == bodyId);
            row.CadenceFrom = new DateOnly(2026, 1, 1);
            await db.SaveChangesAsync();
        });

        async Task RunAsync(DateTimeOffset at)
        {
            await using var scope = Factory.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<MeetingReminderJob>().RunAsync(new JobRun(at, "test"), CancellationToken.None);
        }
        Task<List<string>> KeysAsync() => Factory.WithDbAsync(db => db.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith($"meeting-") && n.Link == $"bodies/{bodyId}")
            .Select(n => n.IdempotencyKey).ToListAsync());

        await RunAsync(new DateTimeOffset(2026, 5, 1, 1, 0, 0, TimeSpan.Zero));
        (await KeysAsync()).ShouldBeEmpty();
        await RunAsync(new DateTimeOffset(2026, 6, 10, 1, 0, 0, TimeSpan.Zero));
        await RunAsync(new DateTimeOffset(2026, 6, 11, 1, 0, 0, TimeSpan.Zero));
        var reminded = await KeysAsync();
        reminded.ShouldNotBeEmpty();
        reminded.ShouldAllBe(k => k.StartsWith($"meeting-reminder:{bodyId}:20260101/"));
        await RunAsync(new DateTimeOffset(2026, 7, 2, 1, 0, 0, TimeSpan.Zero));
        await RunAsync(new DateTimeOffset(2026, 7, 3, 1, 0, 0, TimeSpan.Zero));
        var missed = (await KeysAsync()).Where(k => k.StartsWith($"meeting-missed:{bodyId}:20260101/")).ToList();
        missed.ShouldNotBeEmpty();
        missed.Count.ShouldBe(reminded.Count);
    }
}
