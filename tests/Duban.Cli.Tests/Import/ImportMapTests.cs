using Duban.Cli.Tests.Support;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli.Tests.Import;

/// <summary><c>duban import --map UNIT=ORG</c>: a script settles units the matcher cannot, by organisation id or name.</summary>
public sealed class ImportMapTests : IDisposable
{
    private const string Unit = "市教育行政部门";

    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Db => temp.Combine("db/duban.db");

    private CliResult Import(params string[] args) => InProcessCli.Run(["import", .. args, "--db", Db]);

    /// <summary>The first plan creates 某某市教育局, 某某市财政局, 某某市人力资源和社会保障局; the second names the education bureau otherwise.</summary>
    private string SecondPlan()
    {
        Import(temp.Write("first.txt", SamplePlans.Clean()), "--create-units").ExitCode.ShouldBe(ExitCodes.Success);
        return temp.Write("second.txt", SamplePlans.Clean("某某市教育局关于改善办学条件的实施方案")
            .Replace(SamplePlans.DocNumber, "某教发〔2022〕6号")
            .Replace("（责任单位：市人社局）", $"（责任单位：{Unit}）"));
    }

    private static long OrganizationId(DubanDbContext db, string name) => db.Organizations.Single(o => o.Name == name).Id;

    [Fact]
    public void A_unit_mapped_by_name_is_assigned_to_that_organisation_and_remembered_as_its_alias()
    {
        var plan = SecondPlan();

        var result = Import(plan, "--map", $"{Unit}=某某市教育局");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Out.ShouldContain("新建 0 个单位，记住 1 个别名");
        using var db = ImportDatabaseFile.Open(Db);
        var bureau = OrganizationId(db, "某某市教育局");
        db.Organizations.Count().ShouldBe(3);
        db.Set<OrganizationAlias>().Where(a => a.OrganizationId == bureau).Select(a => a.Name).ToList().Order().ShouldBe(["市教育局", Unit]);
        db.Assignments.Where(a => a.UnitName == Unit).Select(a => a.OrganizationId).ToList().ShouldBe([bureau]);
    }

    [Fact]
    public void A_unit_mapped_by_id_works_the_same()
    {
        var plan = SecondPlan();
        long finance;
        using (var db = ImportDatabaseFile.Open(Db)) finance = OrganizationId(db, "某某市财政局");

        var result = Import(plan, "--map", $"{Unit}={finance}");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        using var after = ImportDatabaseFile.Open(Db);
        after.Assignments.Where(a => a.UnitName == Unit).Select(a => a.OrganizationId).ToList().ShouldBe([finance]);
    }

    [Fact]
    public void Without_a_map_the_unit_is_unmapped_and_the_hint_names_map()
    {
        var plan = SecondPlan();

        var result = Import(plan);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain("--map");
    }

    [Fact]
    public void An_unknown_organisation_is_an_error_before_anything_is_imported()
    {
        var plan = SecondPlan();
        var before = ImportDatabaseFile.Counts(Db);

        var result = Import(plan, "--map", $"{Unit}=市教委");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: --map {Unit}=市教委：没有找到编号或全称为「市教委」的在用组织（import.mapUnknownOrganization）");
        ImportDatabaseFile.Counts(Db).ShouldBe(before);
    }

    [Fact]
    public void A_name_shared_by_two_organisations_asks_for_the_id()
    {
        var plan = SecondPlan();
        using (var db = ImportDatabaseFile.Open(Db))
        {
            var other = new Region { Name = "另一市", Level = RegionLevel.City };
            db.Regions.Add(other);
            db.SaveChanges();
            other.Path = Region.PathOf(null, other.Id);
            db.Organizations.Add(new Organization { Name = "某某市教育局", Kind = OrganizationKind.Department, RegionId = other.Id });
            db.SaveChanges();
        }
        var before = ImportDatabaseFile.Counts(Db);

        var result = Import(plan, "--map", $"{Unit}=某某市教育局");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldContain("有 2 个组织叫「某某市教育局」");
        line.ShouldEndWith("请改用编号（import.mapAmbiguousOrganization）");
        ImportDatabaseFile.Counts(Db).ShouldBe(before);
    }

    [Theory]
    [InlineData("市教育行政部门")]
    [InlineData("=市教育局")]
    [InlineData("市教育行政部门= ")]
    public void A_malformed_map_is_a_usage_error(string map)
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = Import(plan, "--create-units", "--map", map);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Error.ShouldContain("应写成 单位名=组织编号 或 单位名=组织全称");
        File.Exists(Db).ShouldBeFalse();
    }

    [Fact]
    public void A_map_no_file_used_is_a_warning()
    {
        var plan = SecondPlan();

        var result = Import(plan, "--map", $"{Unit}=某某市教育局", "--map", "市体育局=某某市教育局");

        result.ExitCode.ShouldBe(ExitCodes.Warnings, result.Error);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("duban: --map 的单位「市体育局」没有出现在任何导入的文件中（import.mapUnused）");
        result.Out.ShouldContain("已导入");
    }

    [Fact]
    public void A_unit_can_be_left_out_or_created_under_a_name_of_the_scripts_choosing()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean().Replace("（责任单位：市人社局）", "（责任单位：相关部门、市体育局）"));

        var result = Import(plan, "--create-units", "--map", "相关部门=none", "--map", "市体育局=new:某某市体育运动局");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        using var db = ImportDatabaseFile.Open(Db);
        db.Organizations.Select(o => o.Name).ToList().ShouldContain("某某市体育运动局");
        db.Organizations.ShouldNotContain(o => o.Name.Contains("相关部门"));
        db.Assignments.ShouldNotContain(a => a.UnitName == "相关部门");
    }

    [Fact]
    public void A_decisions_file_corrects_a_tasks_deadline_and_units_as_the_review_would()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());
        var decisions = temp.Write("decisions.json", """
            { "taskEdits": [ { "task": "重点任务#3", "deadline": "2023年6月底前", "addUnits": [ { "name": "市财政局", "role": "cooperating" } ] } ] }
            """);

        var result = Import(plan, "--create-units", "--decisions", decisions);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        using var db = ImportDatabaseFile.Open(Db);
        var task = db.Tasks.Include(t => t.Assignments).ThenInclude(a => a.Organization).Single(t => t.No == "3");
        task.Due.ShouldBe(new DateOnly(2023, 6, 30));
        task.Assignments.Select(a => (a.Organization!.Name, a.Role)).OrderBy(a => a.Name)
            .ShouldBe([("某某市人力资源和社会保障局", Parsing.Model.UnitRole.Lead), ("某某市财政局", Parsing.Model.UnitRole.Cooperating)]);
    }

    [Fact]
    public void A_decisions_file_naming_an_unknown_task_is_refused_and_nothing_is_stored()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());
        var decisions = temp.Write("decisions.json", """{ "taskEdits": [ { "task": "没有这项#9", "deadline": "2023年底前" } ] }""");

        var result = Import(plan, "--create-units", "--decisions", decisions);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Error.ShouldContain("没有这项#9");
        using var db = ImportDatabaseFile.Open(Db);
        db.Plans.Count().ShouldBe(0);
    }
}
