using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.EndToEnd;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

/// <summary>The demo with the national regions loaded (Divisions:Root = 全国) and without its sample plans.</summary>
public sealed class NationalTreeFixture : WebAppFixture
{
    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Divisions:Root"] = "全国",
        ["Demo:SamplePlans"] = "false",
    };
}

/// <summary>
/// The region of an import on a deployment that holds the national tree: recognised from the document with its code,
/// shown in the API's analysis and the wizard, chosen among candidates when a name is shared, changed within scope.
/// </summary>
public sealed partial class ImportRegionTests(NationalTreeFixture app) : IClassFixture<NationalTreeFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static readonly byte[] Chaoyang = Encoding.UTF8.GetBytes("""
        朝阳区人民政府关于推进职业教育发展的实施意见
        一、重点任务
        1.建设区级公共实训基地。（责任单位：区教育局；完成时限：2024年12月底前）

        """);

    [GeneratedRegex("name=\"regionId\" id=\"region-candidate-(?<id>\\d+)\"")]
    private static partial Regex CandidateRadio();

    private static Task<HttpResponseMessage> AnalyzeAsync(HttpClient client, byte[] content, string name, Dictionary<string, string>? fields = null) =>
        client.PostAsync("/api/v1/plans/import", ImportTestData.Upload(content, name, fields));

    [SeedFact]
    public async Task The_five_seed_plans_are_filed_under_their_real_divisions_with_codes_and_nothing_lands_at_the_top()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var regionsBefore = await Factory.WithDbAsync(db => db.Regions.CountAsync());
        var expected = new Dictionary<string, (string Code, string[] Path)>
        {
            ["000"] = ("620800", ["甘肃省", "平凉市"]),
            ["001"] = ("621000", ["甘肃省", "庆阳市"]),
            ["002"] = ("640500", ["宁夏回族自治区", "中卫市"]),
            ["003"] = ("370124", ["山东省", "济南市", "平阴县"]),
            ["004"] = ("410500", ["河南省", "安阳市"]),
        };

        foreach (var (id, (code, path)) in expected)
        {
            var bytes = await File.ReadAllBytesAsync(SeedFiles.PathOf(id));
            var response = await AnalyzeAsync(admin, bytes, id + ".txt");
            response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
            var analysis = await response.JsonAsync();
            var region = analysis.GetProperty("region");
            (region.GetProperty("code").GetString(), region.GetProperty("isNew").GetBoolean()).ShouldBe((code, false), $"seed {id}");
            region.GetProperty("pathNames").EnumerateArray().Select(n => n.GetString()).ShouldBe(path, $"seed {id}");
            region.GetProperty("recognisedFrom").GetString().ShouldNotBeNullOrEmpty();
            var confirmed = await admin.PostAsync($"/api/v1/plans/import/{analysis.GetProperty("token").GetString()}/confirm",
                ImportTestData.Upload(bytes, id + ".txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
            confirmed.StatusCode.ShouldBe(HttpStatusCode.Created, await confirmed.Content.ReadAsStringAsync());
        }

        var plans = await Factory.WithDbAsync(db => db.Plans.Select(p => new { p.Region!.Code, ParentCode = p.Region.Parent!.Code }).ToListAsync());
        plans.Select(p => p.Code).Order().ShouldBe(expected.Values.Select(v => v.Code).Order());
        plans.Single(p => p.Code == "370124").ParentCode.ShouldBe("370100");
        // The organisations the suggested choices created name their places: no bare 市教育局 among them.
        var created = await Factory.WithDbAsync(db => db.Organizations.Where(o => o.Region!.Code != null).Select(o => o.Name).ToListAsync());
        created.ShouldContain("平凉市教育局");
        created.ShouldContain("崆峒区人民政府");
        created.Where(n => Duban.Core.Import.Units.LevelPrefix.Read(n) is not null).ShouldBeEmpty();
        (await Factory.WithDbAsync(db => db.Regions.CountAsync())).ShouldBe(regionsBefore);
        // At the top: the 31 provinces and the demo's made-up province, nothing else.
        (await Factory.WithDbAsync(db => db.Regions.Where(r => r.ParentId == null).Select(r => r.Code ?? r.Name).ToListAsync()))
            .ShouldBe([.. Duban.Divisions.DivisionCatalog.China.Provinces.Select(p => p.Code), DemoSeeder.Province], ignoreOrder: true);
    }

    [SeedFact]
    public async Task The_wizard_shows_the_recognised_county_with_its_code_lineage_and_clue()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync("/import");

        var review = await admin.PostAsync("/import", ImportTestData.Upload(await File.ReadAllBytesAsync(SeedFiles.PathOf("003")), "003.txt",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page), ["_handler"] = "upload-plan", ["regionId"] = "" }));

        var html = WebUtility.HtmlDecode(await review.Content.ReadAsStringAsync());
        html.ShouldContain("<strong id=\"import-region\">平阴县</strong>（370124）");
        html.ShouldContain("山东省 › 济南市 › 平阴县 · 依据：发文机关「平阴县人民政府」");
        html.ShouldContain("value=\"change-region\"");
    }

    [Fact]
    public async Task A_name_two_divisions_share_is_answered_with_both_and_the_code_settles_it()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);

        var ambiguous = await AnalyzeAsync(admin, Chaoyang, "朝阳.txt");
        var byCode = await AnalyzeAsync(admin, Chaoyang, "朝阳.txt", new() { ["regionCode"] = "220104" });
        var badCode = await AnalyzeAsync(admin, Chaoyang, "朝阳.txt", new() { ["regionCode"] = "22010x" });

        ambiguous.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ambiguous.JsonAsync();
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe(("import.ambiguousRegion", "regionId"));
        var candidates = problem.GetProperty("regions").EnumerateArray().ToList();
        candidates.Select(c => c.GetProperty("code").GetString()).Order().ShouldBe(["110105", "220104"]);
        candidates.ShouldAllBe(c => c.GetProperty("id").ValueKind == JsonValueKind.Number);
        candidates.Select(c => string.Join("", c.GetProperty("pathNames").EnumerateArray().Select(n => n.GetString()))).ShouldContain("吉林省长春市朝阳区");
        byCode.StatusCode.ShouldBe(HttpStatusCode.OK);
        var region = (await byCode.JsonAsync()).GetProperty("region");
        (region.GetProperty("code").GetString(), region.GetProperty("recognisedFrom").ValueKind).ShouldBe(("220104", JsonValueKind.Null));
        badCode.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await badCode.JsonAsync()).GetProperty("field").GetString().ShouldBe("regionCode");
    }

    [Fact]
    public async Task In_the_wizard_an_ambiguous_region_offers_its_candidates_and_the_choice_is_analysed_again()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var page = await admin.GetStringAsync("/import");
        var upload = await admin.PostAsync("/import", ImportTestData.Upload(Chaoyang, "朝阳.txt",
            new Dictionary<string, string> { ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page), ["_handler"] = "upload-plan", ["regionId"] = "" }));
        var html = await upload.Content.ReadAsStringAsync();
        html.ShouldContain("id=\"region-candidates\"");
        var ids = CandidateRadio().Matches(html).Select(m => m.Groups["id"].Value).ToList();
        ids.Count.ShouldBe(2);
        var changchun = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Code == "220104").Select(r => r.Id).SingleAsync());
        ids.ShouldContain(changchun.ToString());
        var content = Regex.Match(html, "name=\"regionFileContent\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;

        var chosen = await admin.PostAsync("/import", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(html),
            ["_handler"] = "change-region",
            ["regionFileName"] = "朝阳.txt",
            ["regionFileContent"] = WebUtility.HtmlDecode(content),
            ["regionId"] = changchun.ToString(),
        }));

        var review = WebUtility.HtmlDecode(await chosen.Content.ReadAsStringAsync());
        review.ShouldContain("<strong id=\"import-region\">朝阳区</strong>（220104）");
        review.ShouldContain("吉林省 › 长春市 › 朝阳区 · 由您指定");
        review.ShouldContain("id=\"unit-form\"");
    }

    [Fact]
    public async Task A_county_administrator_cannot_change_the_region_to_one_outside_its_scope()
    {
        var pingyin = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Code == "370124").Select(r => r.Id).SingleAsync());
        await Factory.CreateUserAsync("pingyin-admin", "Pingyin-admin-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: pingyin);
        var client = await Factory.SignedInAsync("pingyin-admin", "Pingyin-admin-password-1");
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);
        var plan = Encoding.UTF8.GetBytes("平阴县职业教育实训基地建设方案\n一、重点任务\n1.建设县级公共实训基地。（责任单位：县教育和体育局；完成时限：2024年12月底前）\n");

        var own = await AnalyzeAsync(client, plan, "平阴.txt");
        var elsewhere = await AnalyzeAsync(client, plan, "平阴.txt", new() { ["regionCode"] = "620800" });

        own.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await own.JsonAsync()).GetProperty("region").GetProperty("code").GetString().ShouldBe("370124");
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await elsewhere.JsonAsync();
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe(("import.regionOutOfScope", "regionId"));
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
        // The wizard lists only what the county administrator answers for.
        var page = await client.GetStringAsync("/import");
        page.ShouldContain($"<option value=\"{pingyin}\">");
        page.ShouldNotContain("平凉市");
    }
}
