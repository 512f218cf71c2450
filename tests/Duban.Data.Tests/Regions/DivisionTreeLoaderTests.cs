using Duban.Core.Regions;
using Duban.Data.Audit;
using Duban.Data.Regions;
using Duban.Data.Tests.Support;
using Duban.Divisions;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Regions;

/// <summary>The national tree materialised at start-up: complete, coded, idempotent, and adopting what old imports made.</summary>
public sealed class DivisionTreeLoaderTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static DivisionCatalog China => DivisionCatalog.China;

    private static async Task<DivisionLoad> LoadAsync(DatabaseOptions options, string? root)
    {
        await using var db = DatabaseFixture.Context(options);
        return await new DivisionTreeLoader(db, new AuditLog(db, TimeProvider.System)).LoadAsync(DivisionRoot.Parse(root, China));
    }

    private async Task<DatabaseOptions> FreshAsync(DatabaseProvider provider)
    {
        var options = await databases.EmptyAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(db);
        return options;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_whole_country_is_loaded_once_with_codes_levels_parents_and_paths(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);

        var first = await LoadAsync(options, "全国");
        var second = await LoadAsync(options, "");

        first.ShouldBe(new DivisionLoad(China.All.Count, 0, 0));
        second.ShouldBe(new DivisionLoad(0, 0, China.All.Count));
        await using var db = DatabaseFixture.Context(options);
        var regions = await db.Regions.AsNoTracking().ToDictionaryAsync(r => r.Id);
        regions.Count.ShouldBe(China.All.Count);
        var byCode = regions.Values.ToDictionary(r => r.Code!);
        foreach (var division in China.All)
        {
            var region = byCode[division.Code];
            region.Name.ShouldBe(division.Name);
            ((int)region.Level).ShouldBe((int)division.Level);
            var parentPath = division.ParentCode is { } parent ? byCode[parent].Path : "/";
            region.ParentId.ShouldBe(division.ParentCode is { } p ? byCode[p].Id : null);
            region.Path.ShouldBe(parentPath + region.Id + "/", division.Name);
        }
        var pingliang = byCode["620800"];
        (pingliang.Name, regions[pingliang.ParentId!.Value].Name).ShouldBe(("平凉市", "甘肃省"));
        // One audit entry for the load that changed something, none for the one that found everything there.
        var entries = await db.AuditEntries.Where(e => e.Action == AuditActions.RegionsLoad).ToListAsync();
        entries.ShouldHaveSingleItem().After!.ShouldContain("全国");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_county_root_brings_its_ancestors_and_nothing_else(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);

        (await LoadAsync(options, "370124")).Created.ShouldBe(3);

        await using var db = DatabaseFixture.Context(options);
        var regions = await db.Regions.AsNoTracking().OrderBy(r => r.Level).ToListAsync();
        regions.Select(r => (r.Code, r.Name, r.Level)).ShouldBe(
            [("370000", "山东省", RegionLevel.Province), ("370100", "济南市", RegionLevel.City), ("370124", "平阴县", RegionLevel.County)]);
        regions[2].Path.ShouldBe($"/{regions[0].Id}/{regions[1].Id}/{regions[2].Id}/");
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Widening_the_root_adds_what_is_missing_and_repeats_nothing(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);
        var gansu = China.SubtreeOf(China.Find("62")!);

        (await LoadAsync(options, "620800")).Created.ShouldBe(1 + 1 + 7);
        (await LoadAsync(options, "62")).ShouldBe(new DivisionLoad(gansu.Count - 9, 0, 9));

        await using var db = DatabaseFixture.Context(options);
        (await db.Regions.CountAsync()).ShouldBe(gansu.Count);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task None_loads_nothing(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);

        (await LoadAsync(options, "none")).ShouldBe(new DivisionLoad(0, 0, 0));

        await using var db = DatabaseFixture.Context(options);
        (await db.Regions.AnyAsync()).ShouldBeFalse();
        (await db.AuditEntries.AnyAsync()).ShouldBeFalse();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task An_uncoded_region_an_old_import_put_at_the_top_takes_its_code_and_moves_under_its_province(DatabaseProvider provider)
    {
        var options = await FreshAsync(provider);
        Region pingliang, kongtong, chaoyang, qinghe;
        await using (var db = DatabaseFixture.Context(options))
        {
            pingliang = await TestRegions.AddAsync(db, "平凉市", RegionLevel.City);
            kongtong = await TestRegions.AddAsync(db, "崆峒区", RegionLevel.County, pingliang);
            // 朝阳区 is two districts of the catalogue, 清河市 none: neither can be placed.
            chaoyang = await TestRegions.AddAsync(db, "朝阳区", RegionLevel.County);
            qinghe = await TestRegions.AddAsync(db, "清河市", RegionLevel.City);
        }

        var load = await LoadAsync(options, "62");

        load.Adopted.ShouldBe(2);
        await using var check = DatabaseFixture.Context(options);
        var gansu = await check.Regions.SingleAsync(r => r.Code == "620000");
        var adopted = await check.Regions.SingleAsync(r => r.Id == pingliang.Id);
        (adopted.Code, adopted.ParentId, adopted.Path).ShouldBe(("620800", gansu.Id, $"{gansu.Path}{pingliang.Id}/"));
        var county = await check.Regions.SingleAsync(r => r.Id == kongtong.Id);
        (county.Code, county.Path).ShouldBe(("620802", $"{gansu.Path}{pingliang.Id}/{kongtong.Id}/"));
        (await check.Regions.CountAsync(r => r.Name == "平凉市")).ShouldBe(1);
        (await check.Regions.SingleAsync(r => r.Id == chaoyang.Id)).Code.ShouldBeNull();
        (await check.Regions.SingleAsync(r => r.Id == qinghe.Id)).Path.ShouldBe(qinghe.Path);
        (await check.Regions.CountAsync()).ShouldBe(China.SubtreeOf(China.Find("62")!).Count + 2);
    }

    [Theory]
    [InlineData(null, "全国")]
    [InlineData("", "全国")]
    [InlineData("全国", "全国")]
    [InlineData("China", "全国")]
    [InlineData("NONE", "none")]
    [InlineData("62", "甘肃省（620000）")]
    [InlineData("620800", "平凉市（620800）")]
    [InlineData(" 370124 ", "平阴县（370124）")]
    [InlineData("平凉市", "平凉市（620800）")]
    public void The_configured_root_is_read_from_a_code_a_unique_name_or_a_keyword(string? value, string described) =>
        DivisionRoot.Parse(value, China).Describe().ShouldBe(described);

    [Theory]
    [InlineData("999999", "不是已知的行政区划代码")]
    [InlineData("6", "不是已知的行政区划代码")]
    [InlineData("江南省", "不是已知的行政区划名称")]
    [InlineData("朝阳区", "110105")]
    public void A_root_that_names_no_single_division_is_refused_saying_what_to_write(string value, string message) =>
        Should.Throw<DivisionRootException>(() => DivisionRoot.Parse(value, China)).Message.ShouldSatisfyAllConditions(
            m => m.ShouldContain("Divisions:Root"), m => m.ShouldContain(message));
}
