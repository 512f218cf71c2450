using System.Text;
using Duban.Core.Organizations;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tests.Import;

/// <summary>
/// A revision of a plan whose tasks and targets already have progress reports and indicator values: what still stands
/// keeps its rows (and so its reports), a role that changes changes in place, and a revision that would drop reported
/// work is refused with a message naming it, storing nothing.
/// </summary>
public sealed class ReportedWorkTests : IDisposable
{
    private const string Title = "西岭市职业教育提质培优实施方案";

    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    private static byte[] Plan(string goal = "到2027年，全市职业院校在校生达到2万人以上。", string firstTaskUnits = "牵头单位：市教育局；配合单位：市财政局") =>
        Encoding.UTF8.GetBytes($"""
            {Title}
            西政发〔2024〕3号
            一、主要目标
            {goal}
            二、重点任务
            1.建设市级公共实训基地。（{firstTaskUnits}；完成时限：2024年12月底前）
            2.完善职业院校教师培训制度。（责任单位：市人社局；完成时限：2024年12月底前）

            """);

    private sealed record World(long PlanId, long FinanceAssignmentId, long GoalTargetId, long FinanceId, long GovernmentId);

    /// <summary>Version 1 imported; 市财政局 has a progress report on task 1, the city government a value on the goal.</summary>
    private async Task<World> ReportedAsync()
    {
        var region = await harness.AddRegionAsync("西岭市");
        var government = await harness.AddOrganizationAsync("西岭市人民政府", OrganizationKind.Government, region);
        var first = await harness.ImportAsync(Plan(), "v1.txt", new PlanRegion.Existing(region.Id));
        await using var db = harness.Database.NewContext();
        var finance = await db.Organizations.SingleAsync(o => o.Name == "西岭市财政局");
        var assignment = await db.Assignments.SingleAsync(a => a.OrganizationId == finance.Id);
        var goal = await db.Targets.SingleAsync(t => t.PlanId == first.PlanId && t.TaskId == null);
        // Published, as a plan being tracked is: a draft's plan-level goals are not yet the government's to report.
        await db.Plans.Where(p => p.Id == first.PlanId).ExecuteUpdateAsync(s => s.SetProperty(p => p.Status, Core.Plans.PlanStatus.Published));

        var audit = new AuditLog(db, harness.Clock);
        var report = await new ProgressReporting(db, harness.Clock, audit).CreateAsync(
            new TrackingActor(501, "财政局填报员", Role.Reporter, finance.Id),
            new NewReport(assignment.Id, new DateOnly(2024, 3, 1), new ReportContent(Core.Tracking.Reporting.ProgressState.InProgress, 40, "已落实资金", "无", "继续推进", null)));
        report.Error.ShouldBeNull();
        var value = await new ObservationReporting(db, harness.Clock, audit).CreateAsync(
            new TrackingActor(502, "市政府填报员", Role.Reporter, government.Id),
            new NewObservation(goal.Id, new DateOnly(2024, 3, 1), new ObservationContent(18000m, "全市", null)));
        value.Error.ShouldBeNull();
        return new World(first.PlanId, assignment.Id, goal.Id, finance.Id, government.Id);
    }

    private async Task<ImportResult> ReviseAsync(byte[] content)
    {
        var analysis = await harness.AnalyzeAsync(content, "v2.txt");
        analysis.RevisionOf.ShouldNotBeNull();
        return await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));
    }

    [Fact]
    public async Task A_changed_role_and_a_revised_goal_keep_their_rows_and_what_was_reported_on_them()
    {
        var world = await ReportedAsync();

        var result = await ReviseAsync(Plan(goal: "到2027年，全市职业院校在校生达到2.5万人以上。", firstTaskUnits: "牵头单位：市财政局；配合单位：市教育局"));

        result.Outcome.ShouldBe(ImportOutcome.NewVersion);
        await using var db = harness.Database.NewContext();
        var assignment = await db.Assignments.SingleAsync(a => a.Id == world.FinanceAssignmentId);
        (assignment.Role, assignment.Primary).ShouldBe((UnitRole.Lead, true));
        (await db.ProgressReports.CountAsync(r => r.AssignmentId == world.FinanceAssignmentId)).ShouldBe(1);
        var goal = await db.Targets.SingleAsync(t => t.PlanId == world.PlanId && t.TaskId == null);
        goal.Id.ShouldBe(world.GoalTargetId);
        goal.Value.ShouldBe(25000m);
        (await db.Observations.CountAsync(o => o.TargetId == world.GoalTargetId)).ShouldBe(1);
    }

    [Fact]
    public async Task Dropping_a_unit_that_has_reported_is_refused_naming_it_and_nothing_is_stored()
    {
        await ReportedAsync();
        var before = await harness.CountsAsync();

        var error = await Should.ThrowAsync<PlanImportException>(() => ReviseAsync(Plan(firstTaskUnits: "责任单位：市教育局")));

        error.Code.ShouldBe(ImportErrorCodes.RemovesReportedWork);
        error.Message.ShouldContain("第 1 项任务的市财政局（已有进展报告）");
        (await harness.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Dropping_a_goal_that_has_values_is_refused_naming_it_and_nothing_is_stored()
    {
        await ReportedAsync();
        var before = await harness.CountsAsync();

        var error = await Should.ThrowAsync<PlanImportException>(() => ReviseAsync(Plan(goal: "全面提升职业教育质量。")));

        error.Code.ShouldBe(ImportErrorCodes.RemovesReportedWork);
        error.Message.ShouldContain("目标部分的指标「");
        error.Message.ShouldContain("（已有填报数值）");
        (await harness.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Dropping_a_unit_without_reports_is_a_normal_revision()
    {
        var region = await harness.AddRegionAsync("西岭市");
        await harness.ImportAsync(Plan(), "v1.txt", new PlanRegion.Existing(region.Id));

        var result = await ReviseAsync(Plan(firstTaskUnits: "责任单位：市教育局"));

        result.Outcome.ShouldBe(ImportOutcome.NewVersion);
        await using var db = harness.Database.NewContext();
        var finance = await db.Organizations.SingleAsync(o => o.Name == "西岭市财政局");
        (await db.Assignments.CountAsync(a => a.OrganizationId == finance.Id)).ShouldBe(0);
    }
}
