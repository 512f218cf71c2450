using Duban.Cli.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli.Tests.Import;

/// <summary><c>duban import</c> with the national regions loaded when it opens the database (<c>--divisions</c>).</summary>
public sealed class ImportDivisionsTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string Db => temp.Combine("db/duban.db");

    [ImportSeedFact]
    public void The_seeds_are_filed_under_their_coded_divisions_of_the_national_tree()
    {
        var seeds = Directory.GetFiles(ImportSeeds.Folder, "*.txt").Order().ToArray();

        var result = InProcessCli.Run(["import", .. seeds, "--create-units", "--db", Db, "--divisions", "全国"]);

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.OutLines.ShouldContain(l => l.EndsWith("（地区：平阴县 370124）"));
        result.OutLines.ShouldContain(l => l.EndsWith("（地区：平凉市 620800）"));
        using var db = ImportDatabaseFile.Open(Db);
        db.Plans.Include(p => p.Region).Select(p => p.Region!.Code).AsEnumerable().Order()
            .ShouldBe(["370124", "410500", "620800", "621000", "640500"]);
        db.Regions.Count(r => r.ParentId == null).ShouldBe(31);
    }

    [Fact]
    public void A_county_root_loads_the_county_with_its_ancestors_and_a_second_run_loads_nothing_more()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        InProcessCli.Run("import", plan, "--create-units", "--db", Db, "--divisions", "370124").ExitCode.ShouldBe(ExitCodes.Success);
        var again = InProcessCli.Run("import", plan, "--db", Db, "--divisions", "370124");

        again.ExitCode.ShouldBe(ExitCodes.Success, again.Error);
        using var db = ImportDatabaseFile.Open(Db);
        db.Regions.Where(r => r.Code != null).OrderBy(r => r.Code).Select(r => r.Name).ToList().ShouldBe(["山东省", "济南市", "平阴县"]);
        db.AuditEntries.Count(e => e.Action == "region.load").ShouldBe(1);
    }

    [Fact]
    public void A_root_that_names_no_division_stops_before_anything_is_written()
    {
        var plan = temp.Write("plan.txt", SamplePlans.Clean());

        var result = InProcessCli.Run("import", plan, "--db", Db, "--divisions", "999999");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldSatisfyAllConditions(
            l => l.ShouldContain("--divisions"), l => l.ShouldContain("999999"), l => l.ShouldEndWith("（db.divisions）"));
        File.Exists(Db).ShouldBeFalse();
    }
}
