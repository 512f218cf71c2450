using Duban.Core.Import;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>A revised document of a stored plan becomes its next version; unchanged tasks keep their ids and assignments.</summary>
public sealed class RevisionTests : IDisposable
{
    private const string AddedTask = "建立职业教育督导评估制度。定期开展职业院校办学水平督导评估，结果向社会公开。（责任单位：市政府教育督导室；完成时限：2022年底前）";

    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    /// <summary>Task 2 edited, task 5 removed (6–12 become 5–11), a new task 12 added.</summary>
    private static SamplePlan Revised() => SamplePlan.Load().With(tasks =>
    {
        tasks[1] = tasks[1].Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
        tasks.RemoveAt(4);
        tasks.Add(AddedTask);
    });

    [Fact]
    public async Task Change_one_remove_one_add_one_makes_version_2_with_that_diff()
    {
        var first = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var v1 = await TasksOfVersionAsync(first.VersionId);

        var analysis = await harness.AnalyzeAsync(Revised().Bytes(), "deadline-forms-v2.txt");
        var second = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        var revision = analysis.RevisionOf.ShouldNotBeNull();
        revision.MatchedBy.ShouldBe(RevisionMatch.Title);
        revision.PlanId.ShouldBe(first.PlanId);
        (revision.Diff.Added, revision.Diff.Removed, revision.Diff.Changed, revision.Diff.Unchanged).ShouldBe((1, 1, 1, 10));
        // Only the added task's units need deciding; the others keep their assignments.
        analysis.UnitProposals.Select(p => p.Unit.Name).ShouldBe(["市政府教育督导室"]);
        second.Outcome.ShouldBe(ImportOutcome.NewVersion);
        second.VersionNumber.ShouldBe(2);
        second.PlanId.ShouldBe(first.PlanId);

        await using var db = harness.Database.NewContext();
        (await db.Plans.SingleAsync()).CurrentVersionId.ShouldBe(second.VersionId);
        var v2 = await TasksOfVersionAsync(second.VersionId);
        v2.Count.ShouldBe(12);

        // Tasks 1, 3, 4 kept their numbers; 6–12 are now 5–11. Each keeps its id and its assignment rows.
        var carried = v1.Where(t => t.No is not ("2" or "5")).ToList();
        carried.Count.ShouldBe(10);
        foreach (var old in carried)
        {
            var now = v2.Single(t => t.Id == old.Id);
            now.Text.ShouldBe(old.Text);
            now.No.ShouldBe((int.Parse(old.No) < 5 ? int.Parse(old.No) : int.Parse(old.No) - 1).ToString());
            now.Assignments.Select(a => (a.Id, a.OrganizationId, a.Role, a.Primary)).Order()
                .ShouldBe(old.Assignments.Select(a => (a.Id, a.OrganizationId, a.Role, a.Primary)).Order());
        }

        var changed = v2.Single(t => t.No == "2");
        changed.Id.ShouldBe(v1.Single(t => t.No == "2").Id);
        changed.Text.ShouldContain("动态调整专业结构");
        changed.Assignments.Select(a => a.Id).ShouldBe(v1.Single(t => t.No == "2").Assignments.Select(a => a.Id));

        var added = v2.Single(t => t.No == "12");
        v1.Select(t => t.Id).ShouldNotContain(added.Id);
        added.Assignments.ShouldHaveSingleItem().UnitName.ShouldBe("市政府教育督导室");

        // The removed task stays, with its assignments, on version 1's list: history, not current.
        var removed = v1.Single(t => t.No == "5");
        var kept = await db.Tasks.Include(t => t.TaskList).Include(t => t.Assignments).SingleAsync(t => t.Id == removed.Id);
        kept.TaskList!.PlanVersionId.ShouldBe(first.VersionId);
        kept.Assignments.Count.ShouldBe(removed.Assignments.Count);
        kept.RemovedInVersionId.ShouldBe(second.VersionId);
        (await db.Tasks.CountAsync()).ShouldBe(13);
        (await db.Tasks.Where(t => t.RemovedInVersionId == null).Select(t => t.Id).OrderBy(id => id).ToListAsync())
            .ShouldBe(v2.Select(t => t.Id).Order());
    }

    [Fact]
    public async Task Changed_units_keep_the_rows_of_organisations_still_named_and_drop_the_others()
    {
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        // Task 9: 市人社局、市财政局 → 市人社局、市教育局.
        var revised = SamplePlan.Load().With(tasks => tasks[8] = tasks[8].Replace("市人社局、市财政局", "市人社局、市教育局"));
        await using var before = harness.Database.NewContext();
        var old = await before.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Organization).SingleAsync(t => t.No == "9");

        var analysis = await harness.AnalyzeAsync(revised.Bytes(), "v2.txt");
        await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: false));

        analysis.RevisionOf!.Diff.Tasks.Single(t => t.Kind == TaskDiffKind.Changed).Changes.ShouldBe(TaskChanges.Units);
        analysis.UnitProposals.Select(p => (p.Unit.Name, p.Kind)).ShouldBe([("市人社局", UnitMatchKind.Alias), ("市教育局", UnitMatchKind.Alias)]);
        await using var db = harness.Database.NewContext();
        var now = await db.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Organization).SingleAsync(t => t.Id == old.Id);
        now.Assignments.Select(a => a.Organization!.Name).Order().ShouldBe(["西岭市人力资源和社会保障局", "西岭市教育局"]);
        now.Assignments.Single(a => a.Organization!.Name == "西岭市人力资源和社会保障局").Id
            .ShouldBe(old.Assignments.Single(a => a.Organization!.Name == "西岭市人力资源和社会保障局").Id);
        (await db.Assignments.AnyAsync(a => a.TaskId == old.Id && a.Organization!.Name == "西岭市财政局")).ShouldBeFalse();
    }

    [Fact]
    public async Task A_revision_with_the_same_document_number_is_found_by_it_even_under_a_new_title()
    {
        var original = ImportSeedFiles.Sample("notice-wrapping-plan.txt");
        var first = await harness.ImportAsync(original, "notice.txt");
        var retitled = System.Text.Encoding.UTF8.GetString(original)
            .Replace("深化现代职业教育体系建设改革实施方案", "深化现代职业教育体系建设改革实施方案（修订）")
            .Replace("培育产教融合型企业20家", "培育产教融合型企业30家");

        var analysis = await harness.AnalyzeAsync(System.Text.Encoding.UTF8.GetBytes(retitled), "notice-v2.txt");
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.RevisionOf.ShouldNotBeNull().MatchedBy.ShouldBe(RevisionMatch.DocNumber);
        result.Outcome.ShouldBe(ImportOutcome.NewVersion);
        result.PlanId.ShouldBe(first.PlanId);
        await using var db = harness.Database.NewContext();
        (await db.Plans.SingleAsync()).Title.ShouldEndWith("（修订）");
        var target = await db.Targets.SingleAsync(t => t.Subject.Contains("产教融合型企业"));
        target.Value.ShouldBe(30m);
    }

    [Fact]
    public async Task A_plan_of_the_same_title_in_another_region_is_a_new_plan()
    {
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);

        var analysis = await harness.AnalyzeAsync(Revised().Bytes(), "elsewhere.txt", new PlanRegion.Named("东川区"));
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.RevisionOf.ShouldBeNull();
        result.Outcome.ShouldBe(ImportOutcome.Imported);
        (await harness.CountsAsync()).Plans.ShouldBe(2);
    }

    [Fact]
    public async Task A_revision_confirmed_after_another_became_current_is_refused_as_stale()
    {
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var late = await harness.AnalyzeAsync(Revised().Bytes(), "v2.txt");
        var other = SamplePlan.Load().With(tasks => tasks.RemoveAt(0));
        await harness.ImportAsync(other.Bytes(), "v2-other.txt");
        var before = await harness.CountsAsync();

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(late, late.DefaultDecisions(createUnmatched: true)));

        error.Code.ShouldBe(ImportErrorCodes.Stale);
        (await harness.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task Version_3_is_diffed_against_version_2()
    {
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        await harness.ImportAsync(Revised().Bytes(), "v2.txt");
        var third = Revised().With(tasks => tasks.RemoveAt(tasks.Count - 1));

        var analysis = await harness.AnalyzeAsync(third.Bytes(), "v3.txt");
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.RevisionOf!.CurrentNumber.ShouldBe(2);
        (analysis.RevisionOf.Diff.Added, analysis.RevisionOf.Diff.Removed, analysis.RevisionOf.Diff.Changed).ShouldBe((0, 1, 0));
        result.VersionNumber.ShouldBe(3);

        // Each removed task names the version that dropped it; the earlier removal is not touched by the later one.
        await using var db = harness.Database.NewContext();
        var versions = await db.PlanVersions.OrderBy(v => v.Number).Select(v => v.Id).ToListAsync();
        var removed = await db.Tasks.Where(t => t.RemovedInVersionId != null).OrderBy(t => t.RemovedInVersionId)
            .Select(t => new { t.Text, t.RemovedInVersionId }).ToListAsync();
        removed.Select(t => t.RemovedInVersionId).ShouldBe([versions[1], versions[2]]);
        removed[1].Text.ShouldContain("督导评估");
        (await db.Tasks.CountAsync(t => t.RemovedInVersionId == null)).ShouldBe(11);
    }

    private async Task<List<Duban.Core.Plans.PlanTask>> TasksOfVersionAsync(long versionId)
    {
        await using var db = harness.Database.NewContext();
        return await db.Tasks.Include(t => t.Assignments)
            .Where(t => t.TaskList!.PlanVersionId == versionId)
            .OrderBy(t => t.Order)
            .ToListAsync();
    }
}
