using Duban.Cli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli.Tests.Import;

/// <summary><c>duban import</c> run in-process against a SQLite file in a temporary directory.</summary>
public sealed class ImportCommandTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Db => temp.Combine("db/duban.db");

    private CliResult Import(params string[] args) => InProcessCli.Run(["import", .. args, "--db", Db]);

    [Fact]
    public void A_plan_is_imported_with_new_units_and_exits_0()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = Import(plan, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Error.ShouldBeEmpty();
        result.OutLines.ShouldHaveSingleItem().ShouldBe(
            $"{plan}: 已导入：计划 1「{SamplePlans.Title}」第 1 版：3 项任务，6 条分工，新建 3 个单位，记住 0 个别名（地区：某某市）");
        ImportDatabaseFile.Counts(Db).ShouldBe((1, 1, 3, 6, 3, 5));
    }

    [Fact]
    public void The_same_file_again_is_unchanged_and_writes_nothing()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());
        Import(plan, "--create-units").ExitCode.ShouldBe(ExitCodes.Success);
        var before = ImportDatabaseFile.Counts(Db);

        var result = Import(plan, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.OutLines.ShouldHaveSingleItem().ShouldBe($"{plan}: 未变化：与计划 1 第 1 版是同一文件，没有写入任何内容");
        ImportDatabaseFile.Counts(Db).ShouldBe(before);
    }

    [Fact]
    public void A_revised_plan_is_a_new_version_with_its_diff()
    {
        var original = temp.Write("plan.txt", SamplePlans.Clean());
        Import(original, "--create-units");
        var revised = temp.Write("plan-v2.txt", SamplePlans.Clean()
            .Replace("加强师资队伍建设。", "加强师资队伍建设，完善教师培训制度。")
            .Replace("3.落实[2022]1号文件要求。（责任单位：市人社局）", "3.建立质量年报制度。（责任单位：市教育局）"));

        var result = Import(revised);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.OutLines.ShouldHaveSingleItem().ShouldBe(
            $"{revised}: 新版本：计划 1「{SamplePlans.Title}」第 2 版：+1 −1 ~1（1 项未变），新建 0 个单位");
        var counts = ImportDatabaseFile.Counts(Db);
        (counts.Plans, counts.Versions, counts.Tasks).ShouldBe((1, 2, 4));
    }

    [Fact]
    public void Unknown_units_without_create_units_are_an_error_listing_them_and_nothing_is_stored()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = Import(plan);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {plan}: 以下 3 个单位尚未确定对应的组织");
        line.ShouldContain("市教育局、市财政局、市人社局");
        line.ShouldContain("--create-units");
        line.ShouldEndWith("（import.unmappedUnits）");
        ImportDatabaseFile.Counts(Db).ShouldBe((0, 0, 0, 0, 0, 0));
        using var db = ImportDatabaseFile.Open(Db);
        db.Regions.Count().ShouldBe(0);
    }

    [Fact]
    public void Units_known_from_an_earlier_import_need_no_create_units()
    {
        Import(temp.Write("first.txt", SamplePlans.Clean()), "--create-units");
        var second = temp.Write("second.txt", SamplePlans.Clean("某某市教育局关于改善办学条件的实施方案").Replace(SamplePlans.DocNumber, "某教发〔2022〕6号"));

        var result = Import(second);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Out.ShouldContain("新建 0 个单位");
        ImportDatabaseFile.Counts(Db).Organizations.ShouldBe(3);
    }

    [Fact]
    public void Region_names_the_plans_region_and_creates_it()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        Import(plan, "--create-units", "--region", "东川区").ExitCode.ShouldBe(ExitCodes.Success);

        using var db = ImportDatabaseFile.Open(Db);
        db.Plans.Include(p => p.Region).Single().Region!.Name.ShouldBe("东川区");
        db.Organizations.Include(o => o.Region).ShouldAllBe(o => o.Region!.Name == "东川区");
    }

    [Fact]
    public void A_plan_parsed_with_warnings_exits_1_and_lists_them()
    {
        var plan = Path.Combine(ImportSeeds.Samples, "truncated-excerpt.txt");

        var result = Import(plan, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.Warnings, result.Error);
        result.OutLines[0].ShouldStartWith($"{plan}: 已导入：");
        result.OutLines.ShouldContain(l => l.StartsWith("  警告 task.truncated："));
    }

    [Fact]
    public void A_document_without_tasks_is_an_error()
    {
        var notice = temp.Write("notice.txt", SamplePlans.WithoutTaskList);

        var result = Import(notice, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {notice}: 文件中没有找到任务清单（带责任单位的编号条目或任务表格），未导入（import.noTaskList）");
        ImportDatabaseFile.Counts(Db).Plans.ShouldBe(0);
    }

    [Fact]
    public void A_corrupt_docx_is_an_error_and_nothing_is_stored()
    {
        var docx = temp.Write("plan.docx", "这不是一个 zip 文件。\n1.某项任务。（责任单位：市教育局）\n");

        var result = Import(docx, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldEndWith("（docx.corrupt）");
        ImportDatabaseFile.Counts(Db).ShouldBe((0, 0, 0, 0, 0, 0));
    }

    [Fact]
    public void A_file_of_another_type_is_an_error()
    {
        var rtf = temp.Write("plan.rtf", SamplePlans.Clean());

        var result = Import(rtf, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {rtf}: 只能导入 .txt、.docx、.pdf、.html、.htm、.mht、.mhtml、.xlsx、.xls、.et、.ods 文件（收到“plan.rtf”）（import.fileType）");
    }

    [Fact]
    public void A_bad_file_does_not_stop_the_good_one()
    {
        var missing = temp.Combine("missing.txt");
        var good = temp.Write("good.txt", SamplePlans.Clean());

        var result = Import(missing, good, "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {missing}: 文件不存在（file.notFound）");
        result.OutLines.ShouldHaveSingleItem().ShouldStartWith($"{good}: 已导入：");
        ImportDatabaseFile.Counts(Db).Plans.ShouldBe(1);
    }

    [Fact]
    public void A_database_that_cannot_be_opened_is_one_line()
    {
        var notADatabase = temp.Write("broken.db", "这不是 SQLite 数据库");
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("import", plan, "--db", notADatabase);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {notADatabase}: 无法打开数据库");
        line.ShouldEndWith("（db.unusable）");
    }

    [Fact]
    public void Help_lists_the_import_command_and_its_options()
    {
        InProcessCli.Run("--help").Out.ShouldContain("import");

        var result = InProcessCli.Run("import", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.ShouldContain("--region <NAME|CODE>");
        result.Out.ShouldContain("--create-units");
        result.Out.ShouldContain("--db <PATH>");
        result.Out.ShouldContain("--divisions <ROOT>");
    }

    [Fact]
    public void A_misspelt_option_is_reported_as_such()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("import", plan, "--create-unit", "--db", Db);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldContain("duban: 未知选项：--create-unit");
    }

    [ImportSeedFact]
    public void The_five_seeds_import_with_create_units_and_again_unchanged()
    {
        var seeds = Directory.GetFiles(ImportSeeds.Folder, "*.txt").Order().ToArray();

        var first = Import([.. seeds, "--create-units"]);
        var again = Import([.. seeds, "--create-units"]);

        first.ExitCode.ShouldBe(ExitCodes.Success, first.Error);
        first.OutLines.Count.ShouldBe(5);
        first.OutLines.ShouldAllBe(l => l.Contains(": 已导入："));
        again.ExitCode.ShouldBe(ExitCodes.Success, again.Error);
        again.OutLines.ShouldAllBe(l => l.Contains(": 未变化："));
        var counts = ImportDatabaseFile.Counts(Db);
        (counts.Plans, counts.Versions, counts.Tasks).ShouldBe((5, 5, 133));
    }
}
