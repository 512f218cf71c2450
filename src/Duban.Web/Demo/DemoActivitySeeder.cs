using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Demo;

/// <summary>
/// Gives the demo a month of work to look at: the demo reporter's organisation (清河市教育局) reports on the sample
/// plans' tasks for the current period and the demo administrator reviews some of it, through the same services the
/// pages use (so every record is audited and consistent). Runs after <see cref="SamplePlanSeeder"/>; off with
/// <c>Demo:SampleActivity=false</c>.
/// </summary>
public sealed class DemoActivitySeeder(IOptions<DemoOptions> options, TimeProvider clock, ILogger<DemoActivitySeeder> logger) : IDemoPlanSeeder
{
    /// <summary>What happens to the n-th assignment, in turn: left unreported, approved, returned, waiting for review, approved as done, a draft.</summary>
    private enum Step
    {
        Nothing,
        Approved,
        Returned,
        Submitted,
        Completed,
        Draft,
    }

    public async Task SeedAsync(DemoSeedContext context, CancellationToken ct)
    {
        if (!options.Value.SampleActivity) return;
        var services = context.Services;
        var db = services.GetRequiredService<DubanDbContext>();
        var reports = services.GetRequiredService<ProgressReporting>();
        var values = services.GetRequiredService<ObservationReporting>();

        var reporterUser = await db.Users.AsNoTracking().Where(u => u.UserName == DemoAccounts.Reporter).Select(u => new { u.Id, u.DisplayName, u.OrganizationId }).SingleAsync(ct);
        var adminUser = await db.Users.AsNoTracking().Where(u => u.Id == context.AdminUserId).Select(u => new { u.Id, u.DisplayName }).SingleAsync(ct);
        var reporter = new TrackingActor(reporterUser.Id, reporterUser.DisplayName, Role.Reporter, reporterUser.OrganizationId);
        var admin = new TrackingActor(adminUser.Id, adminUser.DisplayName, Role.Admin, null);
        var period = PeriodSpan.Containing(PeriodKind.Monthly, ChinaCalendar.Today(clock.GetUtcNow()));

        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => a.OrganizationId == reporterUser.OrganizationId && a.Task!.RemovedInVersionId == null && db.Plans.Any(p => p.Id == a.Task.PlanId && p.Status == PlanStatus.Published))
            .OrderBy(a => a.TaskId).ThenBy(a => a.Id)
            .Select(a => new { a.Id, a.Task!.Ongoing, a.Task.Due, a.Task.Text })
            .ToListAsync(ct);
        var written = 0;
        for (var i = 0; i < assignments.Count; i++)
        {
            var a = assignments[i];
            var step = (Step)(i % 6);
            if (step == Step.Nothing) continue;
            var done = step == Step.Completed && !a.Ongoing;
            var state = a.Ongoing ? ProgressState.Ongoing : done ? ProgressState.Completed : ProgressState.InProgress;
            int? percent = a.Ongoing ? null : done ? 100 : 20 + 10 * (i % 6);
            var content = new ReportContent(state, percent, Progress(a.Text, done), done ? "无" : "部分经费尚未到位，需财政部门协调。",
                done ? "巩固成果，做好验收资料归档。" : "下月完成方案论证并启动实施。", null);
            var created = await reports.CreateAsync(reporter, new NewReport(a.Id, period.Start, content), ct);
            if (created.Value is not { } report) continue;
            written++;
            if (step == Step.Draft) continue;
            var submitted = await reports.SubmitAsync(reporter, report.Id, report.Version, ct);
            if (submitted.Value is not { } s || step == Step.Submitted) continue;
            var decision = step == Step.Returned ? ReviewDecision.Returned : ReviewDecision.Approved;
            await reports.ReviewAsync(admin, s.Id, s.Version, new ReviewInput(decision, decision == ReviewDecision.Returned ? "请补充具体数据和佐证材料后重新提交。" : "同意。"), ct);
        }

        var targets = await db.Targets.AsNoTracking()
            .Where(t => t.TaskId != null && db.Assignments.Any(a => a.TaskId == t.TaskId && a.OrganizationId == reporterUser.OrganizationId && a.Task!.RemovedInVersionId == null))
            .OrderBy(t => t.Id).ToListAsync(ct);
        var reportedValues = 0;
        foreach (var (target, i) in targets.Select((t, i) => (t, i)))
        {
            if (SampleValue(target, i) is not { } value) continue;
            var created = await values.CreateAsync(reporter, new NewObservation(target.Id, period.Start, new ObservationContent(value, "演示数据", null)), ct);
            if (created.Error is null) reportedValues++;
        }
        logger.LogInformation("Demo activity: {Reports} reports and {Values} indicator values for {Period}", written, reportedValues, period.Label);
    }

    private static string Progress(string task, bool done)
    {
        var subject = task.Length > 30 ? task[..30] + "…" : task;
        return done ? $"已完成：{subject}。相关制度文件已印发，成果通过验收。" : $"正在推进：{subject}。已召开专题会议，明确分工和时间节点。";
    }

    /// <summary>A plausible value: most targets part of the way there, every third one short of it; ratios and ranges as written.</summary>
    private static decimal? SampleValue(TaskTarget target, int index)
    {
        if (target.Unit == Core.Tracking.Attainment.TargetFacts.RatioUnit) return target.Value is > 0 and < 10 ? target.Value - 0.2m : null;
        var share = index % 3 == 2 ? 0.6m : 1.05m;
        var value = decimal.Round(target.Value * share, target.Unit == "%" ? 1 : 0);
        return value > 0 ? value : null;
    }
}
