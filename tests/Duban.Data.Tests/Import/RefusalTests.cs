using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Duban.Parsing.Input;

namespace Duban.Data.Tests.Import;

/// <summary>Bad input gets a typed error with a Chinese message and the field it concerns, and nothing is stored.</summary>
public sealed class RefusalTests : IDisposable
{
    private static readonly RowCounts Empty = new(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0);

    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Units_left_without_a_decision_are_named_and_nothing_is_stored()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);

        var error = await Should.ThrowAsync<UnmappedUnitsException>(() => harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: false)));

        error.Code.ShouldBe(ImportErrorCodes.UnmappedUnits);
        error.Field.ShouldBe(ImportFields.Units);
        error.UnitNames.ShouldBe(["市教育局", "市财政局", "各职业院校", "市委编办", "市人社局", "市发展改革委"]);
        error.Message.ShouldContain("市委编办");
        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task One_unit_left_undecided_is_enough_to_refuse()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.Where(d => d.Key != "市委编办").ToDictionary();

        var error = await Should.ThrowAsync<UnmappedUnitsException>(() => harness.ConfirmAsync(analysis, new ImportDecisions(decisions)));

        error.UnitNames.ShouldBe(["市委编办"]);
        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task A_document_without_tasks_is_refused_unless_explicitly_allowed()
    {
        var bytes = ImportSeedFiles.Sample("no-task-list.txt");
        var analysis = await harness.AnalyzeAsync(bytes, "no-task-list.txt");

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(analysis, ImportDecisions.None));

        error.Code.ShouldBe(ImportErrorCodes.NoTaskList);
        error.Field.ShouldBe(ImportFields.Tasks);
        (await harness.CountsAsync()).ShouldBe(Empty);

        var allowed = await harness.ConfirmAsync(analysis, ImportDecisions.None with { AllowWithoutTasks = true });
        allowed.Outcome.ShouldBe(ImportOutcome.Imported);
        (await harness.CountsAsync()).Tasks.ShouldBe(0);
    }

    [Fact]
    public async Task A_corrupt_docx_is_refused_with_the_parsers_code()
    {
        var error = await Should.ThrowAsync<PlanImportException>(() =>
            harness.AnalyzeAsync("这不是一个 zip 文件。\n1.某项任务。（责任单位：市教育局）"u8.ToArray(), "plan.docx"));

        error.Code.ShouldBe(InputErrorCodes.DocxCorrupt);
        error.Field.ShouldBe(ImportFields.File);
        error.Message.ShouldContain(".docx");
        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task A_docx_with_its_body_missing_is_refused()
    {
        using var stream = new MemoryStream();
        using (var zip = new System.IO.Compression.ZipArchive(stream, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
            zip.CreateEntry("word/styles.xml");

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(stream.ToArray(), "plan.docx"));

        error.Code.ShouldBe(InputErrorCodes.DocxCorrupt);
    }

    [Theory]
    [InlineData("plan.rtf")]
    [InlineData("plan")]
    [InlineData("plan.txt.exe")]
    public async Task Only_the_supported_extensions_are_accepted(string fileName)
    {
        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(SamplePlan.Original, fileName));

        error.Code.ShouldBe(ImportErrorCodes.FileType);
        error.Field.ShouldBe(ImportFields.File);
        foreach (var extension in new[] { ".txt", ".docx", ".pdf", ".html", ".xlsx" }) error.Message.ShouldContain(extension);
    }

    [Theory]
    [InlineData("plan.doc", "Word 97-2003（.doc）")]
    [InlineData("方案.WPS", "WPS 文字（.wps）")]
    [InlineData("plan.ofd", "OFD 版式文件")]
    public async Task Doc_wps_and_ofd_are_refused_naming_the_format_and_asking_for_docx_or_pdf(string fileName, string named)
    {
        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(SamplePlan.Original, fileName));

        error.Code.ShouldBe(ImportErrorCodes.FileType);
        error.Message.ShouldContain(named);
        error.Message.ShouldContain(".docx");
        error.Message.ShouldContain("PDF");
    }

    [Fact]
    public async Task Extensions_are_compared_ignoring_case()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, "PLAN.TXT");

        analysis.Format.ShouldBe("text");
    }

    [Fact]
    public async Task A_file_over_the_configured_size_is_refused()
    {
        harness.Options = ImportOptions.Default with { MaxFileBytes = 1000 };

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName));

        error.Code.ShouldBe(ImportErrorCodes.FileTooLarge);
        error.Field.ShouldBe(ImportFields.File);
        error.Message.ShouldContain("1,000");
    }

    [Fact]
    public async Task An_empty_file_is_refused()
    {
        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync([], "empty.txt"));

        error.Code.ShouldBe(InputErrorCodes.Empty);
    }

    [Fact]
    public async Task An_unknown_region_is_refused()
    {
        var error = await Should.ThrowAsync<PlanImportException>(() => harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName, new PlanRegion.Existing(404)));

        error.Code.ShouldBe(ImportErrorCodes.UnknownRegion);
        error.Field.ShouldBe(ImportFields.Region);
    }

    [Fact]
    public async Task A_decision_for_an_organisation_that_does_not_exist_rolls_back_what_was_already_written()
    {
        // The region 西岭市 is created inside the transaction before the decisions are carried out: it must go too.
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市教育局"] = new MapToOrganizations([999]);

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(analysis, new ImportDecisions(decisions)));

        error.Code.ShouldBe(ImportErrorCodes.UnknownOrganization);
        error.Message.ShouldContain("市教育局");
        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task A_refused_confirmation_leaves_nothing_in_the_context_for_a_later_save()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市教育局"] = new MapToOrganizations([999]);
        await using var db = harness.Database.NewContext();

        await Should.ThrowAsync<PlanImportException>(() => harness.Service(db).ConfirmAsync(analysis, new ImportDecisions(decisions), ImportHarness.Actor));
        await db.SaveChangesAsync();

        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task A_merged_organisation_cannot_be_mapped_to()
    {
        var region = await harness.AddRegionAsync(SamplePlan.Region);
        var merged = await harness.AddOrganizationAsync("市教育局", OrganizationKind.Department, region);
        await using (var db = harness.Database.NewContext())
        {
            var entity = await db.Organizations.FindAsync(merged.Id);
            entity!.IsActive = false;
            await db.SaveChangesAsync();
        }
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市教育局"] = new MapToOrganizations([merged.Id]);

        analysis.UnitProposals.Single(p => p.Unit.Name == "市教育局").Kind.ShouldBe(UnitMatchKind.New);
        (await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(analysis, new ImportDecisions(decisions))))
            .Code.ShouldBe(ImportErrorCodes.UnknownOrganization);
    }

    [Fact]
    public async Task A_decision_that_maps_to_nothing_is_refused_before_anything_is_written()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["各职业院校"] = new ExpandCollective([]);

        var error = await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(analysis, new ImportDecisions(decisions)));

        error.Code.ShouldBe(ImportErrorCodes.InvalidDecision);
        error.Message.ShouldContain("各职业院校");
        (await harness.CountsAsync()).ShouldBe(Empty);
    }

    [Fact]
    public async Task An_ambiguous_unit_has_no_default_decision()
    {
        var city = await harness.AddRegionAsync(SamplePlan.Region);
        var a = await harness.AddRegionAsync("甲县", city);
        var b = await harness.AddRegionAsync("乙县", city);
        await harness.AddOrganizationAsync("市委编办", OrganizationKind.Department, a);
        await harness.AddOrganizationAsync("市委编办", OrganizationKind.Department, b);

        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var error = await Should.ThrowAsync<UnmappedUnitsException>(() => harness.ConfirmAsync(analysis, analysis.DefaultDecisions(createUnmatched: true)));

        analysis.UnitProposals.Single(p => p.Unit.Name == "市委编办").Kind.ShouldBe(UnitMatchKind.Ambiguous);
        error.UnitNames.ShouldBe(["市委编办"]);
    }
}
