using System.Text;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;

namespace Duban.Data.Tests.Import;

/// <summary>The same file imported again is recognised and changes nothing, not even the audit log.</summary>
public sealed class IdempotencyTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task The_same_bytes_again_are_recognised_and_change_no_row()
    {
        var first = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var before = await harness.CountsAsync();

        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, "renamed-copy.txt");
        var again = await harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true));

        analysis.Duplicate.ShouldNotBeNull().Reason.ShouldBe(DuplicateReason.SameFile);
        analysis.Duplicate.PlanId.ShouldBe(first.PlanId);
        analysis.UnitProposals.ShouldBeEmpty();
        again.Outcome.ShouldBe(ImportOutcome.Unchanged);
        (again.PlanId, again.VersionId, again.VersionNumber).ShouldBe((first.PlanId, first.VersionId, 1));
        (await harness.CountsAsync()).ShouldBe(before);
        before.Plans.ShouldBe(1);
        before.AuditEntries.ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task The_same_text_in_other_bytes_is_no_new_version()
    {
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var before = await harness.CountsAsync();
        var reEncoded = Encoding.Unicode.GetPreamble().Concat(Encoding.Unicode.GetBytes(Encoding.UTF8.GetString(SamplePlan.Original))).ToArray();

        var analysis = await harness.AnalyzeAsync(reEncoded, "utf16.txt");
        var result = await harness.ConfirmAsync(analysis, ImportDecisions.None);

        analysis.Duplicate.ShouldNotBeNull().Reason.ShouldBe(DuplicateReason.SameText);
        analysis.RevisionOf.ShouldBeNull();
        result.Outcome.ShouldBe(ImportOutcome.Unchanged);
        (await harness.CountsAsync()).ShouldBe(before);
    }

    [Fact]
    public async Task A_file_stored_between_analysis_and_confirmation_is_not_stored_twice()
    {
        var late = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var before = await harness.CountsAsync();

        var result = await harness.ConfirmAsync(late, late.DefaultDecisions(createUnmatched: true));

        result.Outcome.ShouldBe(ImportOutcome.Unchanged);
        (await harness.CountsAsync()).ShouldBe(before);
    }
}
