using Duban.Core.Import;
using Duban.Core.Import.Review;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Parsing.Model;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>The office corrects tasks in the import review: the edited tasks are what is stored, and the edits are audited.</summary>
public sealed class ReviewEditTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    private async Task<ImportAnalysis> AnalyzeAsync(params ReviewEdit[] edits)
    {
        await using var db = harness.Database.NewContext();
        return await harness.Service(db).AnalyzeAsync(new ImportFile(SamplePlan.Original, SamplePlan.FileName), new PlanRegion.FromDocument(),
            ImportAuthority.Unrestricted, edits);
    }

    private static string Key(ImportAnalysis analysis, string no) => TaskKeys.Of(analysis.Document).Single(k => k.Task.No == no).Key;

    [Fact]
    public async Task A_corrected_deadline_an_added_unit_a_removed_unit_and_new_text_are_stored_and_audited()
    {
        var plain = await AnalyzeAsync();
        var key1 = Key(plain, "1");
        var key2 = Key(plain, "2");
        ReviewEdit[] edits =
        [
            new(key1, Deadline: "2023年6月底前", RemoveUnits: ["市财政局"]),
            new(key2, Text: "开展专业设置年度评估并公布结果。", AddUnits: [new ReviewUnit("市人社局", UnitRole.Cooperating)]),
        ];

        var analysis = await AnalyzeAsync(edits);
        var result = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true) with { TaskEdits = edits });

        await using var db = harness.Database.NewContext();
        var first = await db.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Organization).SingleAsync(t => t.Key == key1);
        first.Due.ShouldBe(new DateOnly(2023, 6, 30));
        first.DeadlineRaw.ShouldBe("2023年6月底前");
        first.Assignments.Select(a => a.Organization!.Name).ShouldBe(["西岭市教育局"]);
        var second = await db.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Organization).SingleAsync(t => t.Key == key2);
        second.Text.ShouldBe("开展专业设置年度评估并公布结果。");
        second.Assignments.Single(a => a.Role == UnitRole.Cooperating).Organization!.Name.ShouldBe("西岭市人力资源和社会保障局");
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == "plan.import" && e.EntityId == result.PlanId.ToString());
        entry.After!.ShouldContain("2023年6月底前");
        entry.After!.ShouldContain("市财政局");
    }

    [Fact]
    public async Task An_added_unit_is_proposed_like_the_units_the_document_names()
    {
        var plain = await AnalyzeAsync();

        var analysis = await AnalyzeAsync(new ReviewEdit(Key(plain, "3"), AddUnits: [new ReviewUnit("市科技局", UnitRole.Lead)]));

        analysis.UnitProposals.Single(p => p.Unit.Name == "市科技局").Suggestion!.Name.ShouldBe("西岭市科学技术局");
        plain.UnitProposals.ShouldNotContain(p => p.Unit.Name == "市科技局");
    }

    [Theory]
    [InlineData("不存在的任务#99", null, "不在文件的任务清单中")]
    [InlineData(null, "尽快", "无法识别完成时限")]
    public async Task An_edit_that_cannot_apply_is_refused_naming_the_task_and_nothing_is_stored(string? key, string? deadline, string message)
    {
        var plain = await AnalyzeAsync();

        var error = await Should.ThrowAsync<PlanImportException>(() => AnalyzeAsync(new ReviewEdit(key ?? Key(plain, "1"), Deadline: deadline ?? "2023年底前")));

        error.Field.ShouldBe(ImportFields.TaskEdits);
        error.Message.ShouldContain(message);
        await using var db = harness.Database.NewContext();
        (await db.Plans.CountAsync()).ShouldBe(0);
    }
}
