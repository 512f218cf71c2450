using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Duban.Core.Cascade;
using Duban.Core.Security;
using Duban.Data.Cascade;
using Duban.Data.Import;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Cascade;

/// <summary>
/// The proof of docs/cascade.md on the demo: the city plan samples/cascade/qinghe-city-plan.txt (清政发〔2026〕8号,
/// requiring 一县一案 from every county and 一校一案 from 清河职业技术学院 by 2026年3月31日) and two county plans citing it
/// (东湖县 as 〔〕, 西山县 as []) imported through the ordinary import; 南岭县 never files.
/// </summary>
public sealed class CascadeProofFixture : IAsyncLifetime
{
    private readonly WebAppFixture app = new WebAppWithoutSamplePlansFixture();

    public DubanWebFactory Factory => app.Factory;

    public long City { get; private set; }

    public long Donghu { get; private set; }

    public long Xishan { get; private set; }

    public async Task InitializeAsync()
    {
        await app.InitializeAsync();
        City = await PlansFixture.ImportAsync(Factory, "cascade/qinghe-city-plan.txt", new PlanRegion.Existing(await Factory.RegionIdAsync(DemoSeeder.City)));
        Donghu = await PlansFixture.ImportAsync(Factory, "cascade/donghu-county-plan.txt", new PlanRegion.Existing(await Factory.RegionIdAsync("东湖县")));
        Xishan = await PlansFixture.ImportAsync(Factory, "cascade/xishan-county-plan.txt", new PlanRegion.Existing(await Factory.RegionIdAsync("西山县")));
    }

    public Task DisposeAsync() => app.DisposeAsync();
}

public sealed class CascadeProofTests(CascadeProofFixture world) : IClassFixture<CascadeProofFixture>
{
    private DubanWebFactory Factory => world.Factory;

    private static HttpRequestMessage Send(HttpMethod method, string path, object? body, string? etag = null)
    {
        var request = new HttpRequestMessage(method, path) { Content = body is null ? null : JsonContent.Create(body) };
        if (etag is not null) request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    private async Task<JsonElement> GetAsync(HttpClient client, string path)
    {
        var response = await client.GetAsync(path);
        response.StatusCode.ShouldBe(HttpStatusCode.OK, await response.Content.ReadAsStringAsync());
        return await response.JsonAsync();
    }

    private async Task<HttpClient> CountyAdminAsync(string county)
    {
        var name = "cascade-admin-" + county;
        if (!await Factory.WithDbAsync(db => db.Users.AnyAsync(u => u.UserName == name)))
            await Factory.CreateUserAsync(name, name + "-password", Role.Admin, DataScope.RegionAndBelow, regionId: await Factory.RegionIdAsync(county));
        return await Factory.SignedInAsync(name, name + "-password");
    }

    [Fact]
    public async Task The_county_plans_are_linked_to_the_city_plan_by_its_document_number()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var donghu = await GetAsync(admin, $"/api/v1/plans/{world.Donghu}/links");
        donghu.GetProperty("basis")[0].GetProperty("docNumber").GetString().ShouldBe("清政发〔2026〕8号");
        var upper = donghu.GetProperty("uppers").EnumerateArray().ShouldHaveSingleItem();
        upper.GetProperty("planId").GetInt64().ShouldBe(world.City);
        upper.GetProperty("state").GetString().ShouldBe("proposed");

        var city = await GetAsync(admin, $"/api/v1/plans/{world.City}/links");
        city.GetProperty("lowers").EnumerateArray().Select(l => l.GetProperty("planId").GetInt64()).ShouldBe([world.Donghu, world.Xishan]);
        // The city plan cites the province's plan, which is not in Duban: the basis is kept, no link.
        city.GetProperty("basis")[0].GetProperty("docNumber").GetString().ShouldBe("江政发〔2025〕12号");
        city.GetProperty("uppers").GetArrayLength().ShouldBe(0);
    }

    [Fact]
    public async Task The_filings_are_matched_and_the_county_that_never_filed_is_late_and_escalated()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var requirements = (await GetAsync(admin, $"/api/v1/plans/{world.City}/filing-requirements")).EnumerateArray().ToList();
        requirements.Select(r => r.GetProperty("kind").GetString()).ShouldBe(["county", "school"]);
        var county = requirements[0];
        county.GetProperty("due").GetString().ShouldBe("2026-03-31");
        county.GetProperty("office").GetString().ShouldBe("市教育局");
        var filings = county.GetProperty("filings").EnumerateArray().ToDictionary(f => f.GetProperty("organizationName").GetString()!);
        filings.Keys.ShouldBe(["东湖县人民政府", "西山县人民政府", "南岭县人民政府"], ignoreOrder: true);
        // Filed by the import (another test of the class may have accepted or returned them since).
        filings["东湖县人民政府"].GetProperty("state").GetString().ShouldBeOneOf("filed", "accepted");
        filings["东湖县人民政府"].GetProperty("lowerPlanId").GetInt64().ShouldBe(world.Donghu);
        filings["西山县人民政府"].GetProperty("lowerPlanId").GetInt64().ShouldBe(world.Xishan);
        filings["南岭县人民政府"].GetProperty("state").GetString().ShouldBe("pending");
        filings["南岭县人民政府"].GetProperty("late").GetBoolean().ShouldBeTrue();
        requirements[1].GetProperty("filings")[0].GetProperty("organizationName").GetString().ShouldBe("清河职业技术学院");

        // The daily run escalates the late filings once: 南岭县 and the college, never 东湖县, which filed.
        await using var scope = Factory.Services.CreateAsyncScope();
        var job = scope.ServiceProvider.GetRequiredService<FilingJob>();
        await job.EscalateAsync(DateTimeOffset.UtcNow);
        (await job.EscalateAsync(DateTimeOffset.UtcNow)).ShouldBe(new FilingRun(0, 0, 0));
        var donghuFiling = filings["东湖县人民政府"].GetProperty("id").GetInt64();
        (await Factory.WithDbAsync(db => db.Set<Filing>().Where(f => f.Id == donghuFiling).Select(f => f.EscalatedAt).SingleAsync())).ShouldBeNull();
        var nanling = filings["南岭县人民政府"].GetProperty("id").GetInt64();
        var adminId = await Factory.WithDbAsync(db => db.Users.Where(u => u.UserName == DemoAccounts.Admin).Select(u => u.Id).SingleAsync());
        (await Factory.WithDbAsync(db => db.Set<Core.Notifications.Notification>().Where(n => n.RecipientId == adminId && n.IdempotencyKey.StartsWith($"filing-late:{nanling}"))
            .Select(n => n.Title).ToListAsync())).ShouldContain(t => t.Contains("南岭县人民政府") && t.StartsWith("催办"));
        var again = (await GetAsync(admin, $"/api/v1/plans/{world.City}/filing-requirements"))[0].GetProperty("filings").EnumerateArray()
            .Single(f => f.GetProperty("id").GetInt64() == nanling);
        again.GetProperty("escalatedAt").ValueKind.ShouldBe(JsonValueKind.String);
        (await Factory.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == CascadeAuditActions.FilingEscalate && a.EntityId == nanling.ToString()))).ShouldBe(1);
    }

    [Fact]
    public async Task Coverage_shows_which_city_tasks_each_county_plan_carries_and_rolls_up_the_training_target()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var coverage = await GetAsync(admin, $"/api/v1/plans/{world.City}/coverage");
        var tasks = coverage.GetProperty("tasks").EnumerateArray().ToDictionary(t => t.GetProperty("no").GetString()!);
        string[] Carriers(string no) => [.. tasks[no].GetProperty("items").EnumerateArray().Select(i => i.GetProperty("lowerPlanId").GetInt64() == world.Donghu ? "东湖" : "西山").Distinct().Order()];
        Carriers("1").ShouldBe(["东湖"]);           // 达标建设
        Carriers("2").ShouldBe(["西山"]);           // 市域产教联合体
        Carriers("3").ShouldBe(["东湖"]);           // 双师型
        Carriers("4").ShouldBe(["西山"]);           // 中高职贯通
        Carriers("5").ShouldBe(["东湖", "西山"]);   // 职业技能培训
        Carriers("6").ShouldBe(["东湖"]);           // 生均拨款
        tasks["5"].GetProperty("summary").GetString().ShouldBe("由下级 2 个计划承接，0 个已完成");
        var rollup = tasks["5"].GetProperty("rollups").EnumerateArray().ShouldHaveSingleItem();
        rollup.GetProperty("upperValue").GetDecimal().ShouldBe(14000m);
        rollup.GetProperty("lowerSum").GetDecimal().ShouldBe(14000m);
        rollup.GetProperty("unit").GetString().ShouldBe("人次");
    }

    [Fact]
    public async Task The_cascade_tree_shows_each_county_with_its_filing_and_exports_as_xlsx()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var nodes = (await GetAsync(admin, $"/api/v1/plans/{world.City}/cascade")).GetProperty("nodes").EnumerateArray().ToList();
        nodes[0].GetProperty("planId").GetInt64().ShouldBe(world.City);
        nodes[0].GetProperty("tasks").GetInt32().ShouldBe(6);
        var donghu = nodes.Single(n => n.GetProperty("planId").ValueKind == JsonValueKind.Number && n.GetProperty("planId").GetInt64() == world.Donghu);
        donghu.GetProperty("depth").GetInt32().ShouldBe(1);
        donghu.GetProperty("organizationName").GetString().ShouldBe("东湖县人民政府");
        donghu.GetProperty("carried").GetInt32().ShouldBeGreaterThan(0);
        var nanling = nodes.Single(n => n.GetProperty("organizationName").GetString() == "南岭县人民政府");
        nanling.GetProperty("planId").ValueKind.ShouldBe(JsonValueKind.Null);
        nanling.GetProperty("late").GetBoolean().ShouldBeTrue();

        var xlsx = await admin.GetAsync($"/api/v1/plans/{world.City}/cascade.xlsx");
        xlsx.StatusCode.ShouldBe(HttpStatusCode.OK);
        xlsx.Content.Headers.ContentType!.MediaType.ShouldBe(Ledger.XlsxWorkbook.ContentType);
        using var document = DocumentFormat.OpenXml.Packaging.SpreadsheetDocument.Open(new MemoryStream(await xlsx.Content.ReadAsByteArrayAsync()), false);
        document.WorkbookPart!.Workbook.Sheets!.Elements<DocumentFormat.OpenXml.Spreadsheet.Sheet>().Select(s => s.Name!.Value).ShouldBe(["承接树", "备案情况", "任务承接"]);
    }

    [Fact]
    public async Task The_city_office_accepts_and_returns_filings_with_comments_and_a_county_cannot()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var filings = (await GetAsync(admin, $"/api/v1/plans/{world.City}/filing-requirements"))[0].GetProperty("filings").EnumerateArray()
            .ToDictionary(f => f.GetProperty("organizationName").GetString()!, f => f.GetProperty("id").GetInt64());

        // A county administrator answers for its own plan, not for the city's review of it.
        var donghuAdmin = await CountyAdminAsync("东湖县");
        (await donghuAdmin.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["东湖县人民政府"]}/accept", new { }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        (await reporter.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["东湖县人民政府"]}/accept", new { }))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var noComment = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["西山县人民政府"]}/return", new { }));
        noComment.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await noComment.JsonAsync()).GetProperty("field").GetString().ShouldBe("comment");

        var returned = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["西山县人民政府"]}/return", new { comment = "请补充市域产教联合体的具体措施" }));
        returned.StatusCode.ShouldBe(HttpStatusCode.OK, await returned.Content.ReadAsStringAsync());
        (await returned.JsonAsync()).GetProperty("state").GetString().ShouldBe("returned");
        var accepted = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["东湖县人民政府"]}/accept", new { comment = "同意备案" }));
        (await accepted.JsonAsync()).GetProperty("state").GetString().ShouldBe("accepted");
        (await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/filings/{filings["东湖县人民政府"]}/accept", new { }))).StatusCode.ShouldBe(HttpStatusCode.Conflict);
        (await Factory.WithDbAsync(db => db.AuditEntries.Where(a => a.Action == CascadeAuditActions.FilingReturn).Select(a => a.After ?? "").SingleAsync()))
            .ShouldContain("请补充市域产教联合体的具体措施");

        // 西山县 files again by linking its (corrected) plan: its own administrator may, the other county's may not.
        var requirement = (await GetAsync(admin, $"/api/v1/plans/{world.City}/filing-requirements"))[0].GetProperty("id").GetInt64();
        var xishanGovernment = await Factory.OrganizationIdAsync("西山县人民政府");
        (await donghuAdmin.SendAsync(Send(HttpMethod.Post, "/api/v1/filings", new { requirementId = requirement, organizationId = xishanGovernment, planId = world.Xishan })))
            .StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var xishanAdmin = await CountyAdminAsync("西山县");
        var refiled = await xishanAdmin.SendAsync(Send(HttpMethod.Post, "/api/v1/filings", new { requirementId = requirement, organizationId = xishanGovernment, planId = world.Xishan }));
        refiled.StatusCode.ShouldBe(HttpStatusCode.Created, await refiled.Content.ReadAsStringAsync());
        (await refiled.JsonAsync()).GetProperty("state").GetString().ShouldBe("filed");
    }

    [Fact]
    public async Task Coverage_and_links_are_decided_by_the_responsible_administrators_only()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var task = (await GetAsync(admin, $"/api/v1/plans/{world.City}/coverage")).GetProperty("tasks").EnumerateArray().First(t => t.GetProperty("items").GetArrayLength() > 0);
        var pair = new { upperTaskId = task.GetProperty("taskId").GetInt64(), lowerTaskId = task.GetProperty("items")[0].GetProperty("lowerTaskId").GetInt64() };
        var donghuAdmin = await CountyAdminAsync("东湖县");
        (await donghuAdmin.SendAsync(Send(HttpMethod.Post, $"/api/v1/plans/{world.City}/coverage/confirm", pair))).StatusCode.ShouldBe(HttpStatusCode.Forbidden);
        var confirmed = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/plans/{world.City}/coverage/confirm", pair));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.OK, await confirmed.Content.ReadAsStringAsync());
        (await confirmed.JsonAsync()).GetProperty("state").GetString().ShouldBe("confirmed");
        var missing = await admin.SendAsync(Send(HttpMethod.Post, $"/api/v1/plans/{world.City}/coverage/reject", new { upperTaskId = pair.upperTaskId }));
        missing.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await missing.JsonAsync()).GetProperty("field").GetString().ShouldBe("lowerTaskId");

        // The county confirms its own plan's link; it cannot touch the city plan's.
        var linked = await donghuAdmin.SendAsync(Send(HttpMethod.Put, $"/api/v1/plans/{world.Donghu}/links", new { upperPlanIds = new[] { world.City } }));
        linked.StatusCode.ShouldBe(HttpStatusCode.OK, await linked.Content.ReadAsStringAsync());
        (await linked.JsonAsync()).GetProperty("uppers")[0].GetProperty("state").GetString().ShouldBe("confirmed");
        (await donghuAdmin.SendAsync(Send(HttpMethod.Put, $"/api/v1/plans/{world.City}/links", new { upperPlanIds = Array.Empty<long>() }))).StatusCode
            .ShouldBeOneOf(HttpStatusCode.Forbidden, HttpStatusCode.NotFound);
        (await Factory.WithDbAsync(db => db.AuditEntries.AnyAsync(a => a.Action == CascadeAuditActions.LinkSet && a.EntityId == world.Donghu.ToString()))).ShouldBeTrue();
    }

    [Fact]
    public async Task The_filing_due_dates_of_a_users_scope_are_listed_for_calendars()
    {
        await using var scope = Factory.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<Duban.Web.Cascade.CascadeQueries>();
        var admin = new Duban.Web.Security.DubanUser(1, "x", "x", Role.Admin, DataScope.All, null, null, null);
        var dates = await queries.FilingDueDatesAsync(admin, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31));
        dates.ShouldContain(d => d.OrganizationName == "南岭县人民政府" && d.Due == new DateOnly(2026, 3, 31) && d.Late && d.Link == $"plans/{world.City}/cascade");
        var nanlingRegion = await Factory.RegionIdAsync("南岭县");
        var path = await Factory.WithDbAsync(db => db.Regions.Where(r => r.Id == nanlingRegion).Select(r => r.Path).SingleAsync());
        var countyInspector = new Duban.Web.Security.DubanUser(2, "y", "y", Role.Inspector, DataScope.RegionAndBelow, null, nanlingRegion, path);
        (await queries.FilingDueDatesAsync(countyInspector, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31))).Select(d => d.OrganizationName).Distinct().ShouldBe(["南岭县人民政府"]);
    }
}
