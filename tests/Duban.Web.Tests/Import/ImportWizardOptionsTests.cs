using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Duban.Core.Organizations;
using Duban.Core.Security;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

/// <summary>
/// The wizard's unit options: the new organisation's name, kind and region; which organisations a collective expands
/// to; confirming a plan without tasks; organisations offered (and accepted) only within the administrator's scope
/// and the plan's region.
/// </summary>
public sealed partial class ImportWizardOptionsTests(WebAppWithoutSamplePlansFixture app) : IClassFixture<WebAppWithoutSamplePlansFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("name=\"(?<name>token|fileName|content)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    [GeneratedRegex("name=\"unitName\" value=\"(?<v>[^\"]*)\"")]
    private static partial Regex UnitName();

    [GeneratedRegex("<option value=\"map:(?<id>\\d+)\"")]
    private static partial Regex MapOption();

    private async Task<string> ReviewAsync(HttpClient client, byte[] content, string fileName, long? regionId)
    {
        var page = await client.GetStringAsync("/import");
        var response = await client.PostAsync("/import", ImportTestData.Upload(content, fileName, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["_handler"] = "upload-plan",
            ["regionId"] = regionId?.ToString() ?? "",
        }));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    private static List<string> Units(string review) => UnitName().Matches(review).Select(m => WebUtility.HtmlDecode(m.Groups["v"].Value)).ToList();

    /// <summary>Posts the confirmation form of <paramref name="review"/>: each unit's choice and extra fields by row index.</summary>
    private static async Task<string> ConfirmAsync(HttpClient client, string review, Func<int, string, string> choice,
        Func<int, string, IEnumerable<KeyValuePair<string, string>>>? extra = null, bool allowWithoutTasks = false)
    {
        var fields = HiddenField().Matches(review).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var post = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Browser.AntiforgeryToken(review)),
            new("_handler", "confirm-import"),
            new("token", fields["token"]),
            new("fileName", fields["fileName"]),
            new("content", fields["content"]),
        };
        var units = Units(review);
        for (var i = 0; i < units.Count; i++)
        {
            post.Add(new("unitName", units[i]));
            post.Add(new("unitChoice", choice(i, units[i])));
            if (extra is not null) post.AddRange(extra(i, units[i]));
        }
        if (allowWithoutTasks) post.Add(new("allowWithoutTasks", "true"));
        var response = await client.PostAsync("/import", new FormUrlEncodedContent(post));
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        return await response.Content.ReadAsStringAsync();
    }

    [Fact]
    public async Task A_new_unit_is_created_with_the_name_kind_and_region_the_administrator_typed()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[1]);
        var review = await ReviewAsync(admin, ImportTestData.NewPlan("清河市职业院校新建单位测试方案"), "新建.txt", city);
        var units = Units(review);
        units.ShouldNotBeEmpty();
        review.ShouldContain("name=\"newName-0\"");
        review.ShouldContain($"<option value=\"{county}\"");

        var html = await ConfirmAsync(admin, review, (_, _) => "create", (i, _) => i == 0
            ? [new("newName-0", "西山县职业教育中心（测试）"), new("newKind-0", nameof(OrganizationKind.School)), new("newRegion-0", county.ToString())]
            : []);

        html.ShouldContain("id=\"import-result\"");
        var created = await Factory.WithDbAsync(db => db.Organizations.AsNoTracking().Include(o => o.Aliases).SingleAsync(o => o.Name == "西山县职业教育中心（测试）"));
        (created.Kind, created.RegionId).ShouldBe((OrganizationKind.School, county));
        created.Aliases.Select(a => a.Name).ShouldContain(units[0]);
        (await Factory.WithDbAsync(db => db.Assignments.CountAsync(a => a.OrganizationId == created.Id))).ShouldBeGreaterThan(0);
    }

    [Fact]
    public async Task A_collective_unit_is_expanded_to_the_ticked_organisations_only()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var east = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");
        var west = await Factory.OrganizationIdAsync(DemoSeeder.Counties[1] + "人民政府");
        var south = await Factory.OrganizationIdAsync(DemoSeeder.Counties[2] + "人民政府");
        var review = await ReviewAsync(admin, ImportTestData.NewPlan("清河市部分展开测试措施", "label-lines-restart.txt"), "展开.txt", city);
        var units = Units(review);
        var collective = units.IndexOf("各县（区）人民政府");
        collective.ShouldBeGreaterThanOrEqualTo(0);
        foreach (var id in new[] { east, west, south })
            review.ShouldContain($"name=\"expand-{collective}\" value=\"{id}\" checked");

        var html = await ConfirmAsync(admin, review, (i, _) => i == collective ? "expand" : "create",
            (i, _) => i == collective ? [new($"expandShown-{i}", "1"), new($"expand-{i}", east.ToString()), new($"expand-{i}", south.ToString())] : []);

        html.ShouldContain("id=\"import-result\"");
        var planId = long.Parse(Regex.Match(html, "href=\"plans/(\\d+)\" id=\"plan-link\"").Groups[1].Value);
        var assigned = await Factory.WithDbAsync(db => db.Assignments.Where(a => db.Tasks.Any(t => t.Id == a.TaskId && t.PlanId == planId))
            .Select(a => a.OrganizationId).Distinct().ToListAsync());
        assigned.ShouldContain(east);
        assigned.ShouldContain(south);
        assigned.ShouldNotContain(west);
    }

    [Fact]
    public async Task A_collective_with_nothing_ticked_is_refused_naming_the_unit_and_nothing_is_stored()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var review = await ReviewAsync(admin, ImportTestData.NewPlan("清河市全不勾选测试措施", "label-lines-restart.txt"), "全不勾选.txt", city);
        var collective = Units(review).IndexOf("各县（区）人民政府");

        var html = await ConfirmAsync(admin, review, (i, _) => i == collective ? "expand" : "create",
            (i, _) => i == collective ? [new($"expandShown-{i}", "1")] : []);

        html.ShouldContain("id=\"import-problem\"");
        html.ShouldContain("各县（区）人民政府");
        (await Factory.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "清河市全不勾选测试措施"))).ShouldBeFalse();
    }

    [Fact]
    public async Task A_plan_without_tasks_is_stored_only_when_the_administrator_ticks_the_option()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var content = ImportTestData.NewPlan("清河市无任务清单测试意见", "no-task-list.txt");
        var review = await ReviewAsync(admin, content, "无任务.txt", await Factory.RegionIdAsync(DemoSeeder.City));
        review.ShouldContain("id=\"allowWithoutTasks\"");

        var refused = await ConfirmAsync(admin, review, (_, _) => "create");
        refused.ShouldContain("id=\"import-problem\"");
        refused.ShouldContain("没有找到任务清单");
        (await Factory.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "清河市无任务清单测试意见"))).ShouldBeFalse();

        var stored = await ConfirmAsync(admin, refused, (_, _) => "create", allowWithoutTasks: true);
        stored.ShouldContain("id=\"import-result\"");
        (await Factory.WithDbAsync(db => db.Plans.AnyAsync(p => p.Title == "清河市无任务清单测试意见"))).ShouldBeTrue();
    }

    [Fact]
    public async Task A_county_administrator_is_offered_only_the_organisations_of_the_county()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        await Factory.CreateUserAsync("county-admin", "county-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        var client = await Factory.SignedInAsync("county-admin", "county-password-1");
        var countyGovernment = await Factory.OrganizationIdAsync(DemoSeeder.Counties[0] + "人民政府");

        var start = await client.GetStringAsync("/import");
        start.ShouldContain($"<option value=\"{county}\">");
        start.ShouldNotContain($"<option value=\"{await Factory.RegionIdAsync(DemoSeeder.City)}\">");
        var review = await ReviewAsync(client, ImportTestData.NewPlan("东湖县职业院校办学测试方案"), "东湖.txt", county);

        var offered = MapOption().Matches(review).Select(m => long.Parse(m.Groups["id"].Value)).Distinct().ToList();
        offered.ShouldBe([countyGovernment]);

        // Every organisation in the full administrator's wizard for a city plan lies around the city.
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var cityReview = await ReviewAsync(admin, ImportTestData.NewPlan("清河市组织选项测试方案"), "组织选项.txt", await Factory.RegionIdAsync(DemoSeeder.City));
        var cityOffered = MapOption().Matches(cityReview).Select(m => long.Parse(m.Groups["id"].Value)).Distinct().ToList();
        cityOffered.ShouldContain(await Factory.OrganizationIdAsync(DemoSeeder.CityEducation));
        cityOffered.ShouldContain(countyGovernment);
    }

    [Fact]
    public async Task The_server_refuses_organisations_and_regions_outside_the_administrators_scope_and_stores_nothing()
    {
        var county = await Factory.RegionIdAsync(DemoSeeder.Counties[0]);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        await Factory.CreateUserAsync("county-admin-api", "county-password-1", Role.Admin, DataScope.RegionAndBelow, regionId: county);
        var client = await Factory.SignedInAsync("county-admin-api", "county-password-1");
        var cityEducation = await Factory.OrganizationIdAsync(DemoSeeder.CityEducation);
        var content = ImportTestData.NewPlan("东湖县越权测试方案");

        var analysis = await (await client.PostAsync("/api/v1/plans/import", ImportTestData.Upload(content, "越权.txt", new Dictionary<string, string> { ["regionId"] = county.ToString() }))).JsonAsync();
        var token = analysis.GetProperty("token").GetString()!;
        var names = analysis.GetProperty("units").EnumerateArray().Select(u => u.GetProperty("name").GetString()!).ToList();
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        // 清河市教育局 is above the county (around the plan's region) but outside this administrator's scope.
        var mapped = await ConfirmApiAsync(client, token, content, names, first: new { action = "map", organizationIds = new[] { cityEducation } });
        mapped.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await mapped.JsonAsync();
        (problem.GetProperty("code").GetString(), problem.GetProperty("field").GetString()).ShouldBe(("import.outOfScope", "units"));
        problem.GetProperty("detail").GetString()!.ShouldContain(names[0]);

        var created = await ConfirmApiAsync(client, token, content, names, first: new { action = "create", name = "越权新单位", kind = "department", regionId = city });
        created.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await created.JsonAsync()).GetProperty("code").GetString().ShouldBe("import.outOfScope");

        // The full administrator may not reach outside the plan's region either: a county plan's unit is not another county's.
        var other = await Factory.OrganizationIdAsync(DemoSeeder.Counties[2] + "人民政府");
        var adminAnalysis = await (await admin.PostAsync("/api/v1/plans/import", ImportTestData.Upload(content, "越权.txt", new Dictionary<string, string> { ["regionId"] = county.ToString() }))).JsonAsync();
        var elsewhere = await ConfirmApiAsync(admin, adminAnalysis.GetProperty("token").GetString()!, content, names, first: new { action = "map", organizationIds = new[] { other } });
        elsewhere.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await elsewhere.JsonAsync()).GetProperty("code").GetString().ShouldBe("import.outOfScope");

        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);

        // Within scope the same administrator imports the plan.
        var fine = await ConfirmApiAsync(client, token, content, names, first: null);
        fine.StatusCode.ShouldBe(HttpStatusCode.Created, await fine.Content.ReadAsStringAsync());
    }

    private static Task<HttpResponseMessage> ConfirmApiAsync(HttpClient client, string token, byte[] content, List<string> names, object? first)
    {
        var units = names.Select((n, i) => (n, i)).ToDictionary(x => x.n, x => i0(x.i) ?? new { action = "create", name = x.n });
        object? i0(int i) => i == 0 ? first : null;
        var decisions = JsonSerializer.Serialize(new { units });
        return client.PostAsync($"/api/v1/plans/import/{token}/confirm", ImportTestData.Upload(content, "越权.txt", new Dictionary<string, string> { ["decisions"] = decisions }));
    }
}
