using System.IO.Compression;
using System.Net;
using System.Text;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

public sealed class ImportFixture : WebAppFixture
{
    public const int MaxFileBytes = 50_000;

    protected override IReadOnlyDictionary<string, string?> Settings => new Dictionary<string, string?> { ["Import:MaxFileBytes"] = MaxFileBytes.ToString() };
}

public sealed class ImportApiTests(ImportFixture app) : IClassFixture<ImportFixture>
{
    private const string Url = "/api/v1/plans/import";
    private DubanWebFactory Factory => app.Factory;

    [Fact]
    public async Task An_administrator_analyses_and_confirms_a_plan_and_the_same_file_again_is_unchanged()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var content = ImportTestData.NewPlan("北辰市职业院校办学能力提升行动实施方案");

        var analyzed = await client.PostAsync(Url, ImportTestData.Upload(content, "北辰.txt"));
        analyzed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var analysis = await analyzed.JsonAsync();
        analysis.GetProperty("title").GetString().ShouldBe("北辰市职业院校办学能力提升行动实施方案");
        var taskCount = analysis.GetProperty("taskCount").GetInt32();
        taskCount.ShouldBeGreaterThan(0);
        analysis.GetProperty("units").GetArrayLength().ShouldBeGreaterThan(0);
        analysis.GetProperty("duplicate").ValueKind.ShouldBe(System.Text.Json.JsonValueKind.Null);
        var token = analysis.GetProperty("token").GetString()!;

        var confirmed = await client.PostAsync($"{Url}/{token}/confirm",
            ImportTestData.Upload(content, "北辰.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) }));
        confirmed.StatusCode.ShouldBe(HttpStatusCode.Created);
        var result = await confirmed.JsonAsync();
        result.GetProperty("outcome").GetString().ShouldBe("imported");
        var planId = result.GetProperty("planId").GetInt64();
        confirmed.Headers.Location!.OriginalString.ShouldBe($"/api/v1/plans/{planId}");

        var (tasks, audit) = await Factory.WithDbAsync(async db => (
            await db.Tasks.CountAsync(t => db.TaskLists.Any(l => l.Id == t.TaskListId && db.PlanVersions.Any(v => v.Id == l.PlanVersionId && v.PlanId == planId))),
            await db.AuditEntries.CountAsync(e => e.Action == "plan.import" && e.EntityId == planId.ToString())));
        tasks.ShouldBe(taskCount);
        audit.ShouldBe(1);

        var again = await (await client.PostAsync(Url, ImportTestData.Upload(content, "北辰-副本.txt"))).JsonAsync();
        again.GetProperty("duplicate").GetProperty("planId").GetInt64().ShouldBe(planId);
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);
        var unchanged = await client.PostAsync($"{Url}/{again.GetProperty("token").GetString()}/confirm", ImportTestData.Upload(content, "北辰-副本.txt"));
        unchanged.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await unchanged.JsonAsync()).GetProperty("outcome").GetString().ShouldBe("unchanged");
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Inspector)]
    public async Task Only_administrators_may_import(string userName)
    {
        var client = await Factory.SignedInAsync(userName);
        var response = await client.PostAsync(Url, ImportTestData.Upload(ImportTestData.NewPlan("越权市职业教育方案"), "a.txt"));
        response.StatusCode.ShouldBe(HttpStatusCode.Forbidden);

        var anonymous = await Factory.CreateClient().PostAsync(Url, ImportTestData.Upload(ImportTestData.NewPlan("越权市职业教育方案"), "a.txt"));
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Bad_files_are_problems_naming_the_field_and_store_nothing()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        var rtf = await client.PostAsync(Url, ImportTestData.Upload(Encoding.UTF8.GetBytes("{\\rtf1 一、总体要求}"), "plan.rtf"));
        rtf.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        await ShouldBeProblemAsync(rtf, "file");

        var brokenPdf = await client.PostAsync(Url, ImportTestData.Upload(Encoding.UTF8.GetBytes("%PDF-1.4"), "plan.pdf"));
        brokenPdf.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ShouldBeProblemAsync(brokenPdf, "file")).GetProperty("code").GetString().ShouldBe("pdf.corrupt");

        var large = await client.PostAsync(Url, ImportTestData.Upload(new byte[ImportFixture.MaxFileBytes + 1], "large.txt"));
        large.StatusCode.ShouldBe(HttpStatusCode.RequestEntityTooLarge);
        await ShouldBeProblemAsync(large, "file");

        var corrupt = await client.PostAsync(Url, ImportTestData.Upload([0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], "plan.docx"));
        corrupt.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ShouldBeProblemAsync(corrupt, "file")).GetProperty("code").GetString().ShouldBe("docx.corrupt");

        // A body that says multipart but is not: a broken client, not a large file.
        var broken = new ByteArrayContent(Encoding.UTF8.GetBytes("--xyz\r\nContent-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n\r\n没有结尾"));
        broken.Headers.TryAddWithoutValidation("Content-Type", "multipart/form-data; boundary=xyz");
        var malformed = await client.PostAsync(Url, broken);
        malformed.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await ShouldBeProblemAsync(malformed, "file")).GetProperty("code").GetString().ShouldBe("import.badMultipart");

        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Fact]
    public async Task Units_left_without_a_decision_are_named_and_nothing_is_stored()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var content = ImportTestData.NewPlan("南辰市职业院校办学能力提升行动实施方案");
        var analysis = await (await client.PostAsync(Url, ImportTestData.Upload(content, "南辰.txt"))).JsonAsync();
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        var response = await client.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(content, "南辰.txt", new Dictionary<string, string> { ["decisions"] = "{\"units\":{}}" }));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await ShouldBeProblemAsync(response, "units");
        var first = analysis.GetProperty("units")[0].GetProperty("name").GetString()!;
        problem.GetProperty("detail").GetString()!.ShouldContain(first);
        problem.GetProperty("units").EnumerateArray().Select(u => u.GetString()).ShouldContain(first);
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Fact]
    public async Task A_confirmation_with_another_file_or_a_forged_token_is_refused()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var content = ImportTestData.NewPlan("东辰市职业院校办学能力提升行动实施方案");
        var analysis = await (await client.PostAsync(Url, ImportTestData.Upload(content, "东辰.txt"))).JsonAsync();
        var decisions = new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(analysis) };

        var other = await client.PostAsync($"{Url}/{analysis.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(ImportTestData.NewPlan("西辰市职业院校办学能力提升行动实施方案"), "东辰.txt", decisions));
        other.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var forged = await client.PostAsync($"{Url}/not-a-token/confirm", ImportTestData.Upload(content, "东辰.txt", decisions));
        forged.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        await ShouldBeProblemAsync(forged, "token");
    }

    [Fact]
    public async Task A_revision_shows_its_diff_and_a_confirmation_overtaken_by_another_version_is_stale()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        const string title = "中辰市职业院校办学能力提升行动实施方案";
        var v1 = ImportTestData.NewPlan(title);
        var first = await (await client.PostAsync(Url, ImportTestData.Upload(v1, "v1.txt"))).JsonAsync();
        var created = await client.PostAsync($"{Url}/{first.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(v1, "v1.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(first) }));
        created.StatusCode.ShouldBe(HttpStatusCode.Created);

        var text = Encoding.UTF8.GetString(v1);
        var v2 = Encoding.UTF8.GetBytes(string.Join("\n", text.Split('\n').Where(l => !l.StartsWith("12.", StringComparison.Ordinal))));
        var v3 = Encoding.UTF8.GetBytes(text.Replace("开发校本教材50本", "开发校本教材80本"));
        var second = await (await client.PostAsync(Url, ImportTestData.Upload(v2, "v2.txt"))).JsonAsync();
        var revision = second.GetProperty("revision");
        revision.GetProperty("nextVersionNumber").GetInt32().ShouldBe(2);
        revision.GetProperty("removed").GetInt32().ShouldBe(1);
        var third = await (await client.PostAsync(Url, ImportTestData.Upload(v3, "v3.txt"))).JsonAsync();
        third.GetProperty("revision").GetProperty("changed").GetInt32().ShouldBe(1);

        var newVersion = await client.PostAsync($"{Url}/{third.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(v3, "v3.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(third) }));
        newVersion.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await newVersion.JsonAsync()).GetProperty("outcome").GetString().ShouldBe("newVersion");

        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);
        var stale = await client.PostAsync($"{Url}/{second.GetProperty("token").GetString()}/confirm",
            ImportTestData.Upload(v2, "v2.txt", new Dictionary<string, string> { ["decisions"] = ImportTestData.AcceptAll(second) }));
        stale.StatusCode.ShouldBe(HttpStatusCode.Conflict);
        await ShouldBeProblemAsync(stale, "file");
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }

    [Theory]
    [InlineData("gov-page-table.html", "西岭市推进职业教育产教融合实施方案", 4)]
    [InlineData("task-table.xlsx", "南浦市职业教育质量提升行动重点任务分工表", 4)]
    [InlineData("task-table.xls", "南浦市职业教育质量提升行动重点任务分工表", 4)]
    [InlineData("task-table.ods", "南浦市职业教育质量提升行动重点任务分工表", 4)]
    [InlineData("saved-page.mht", "西岭市推进职业教育产教融合实施方案", 4)]
    public async Task A_saved_web_page_and_an_excel_task_table_are_analysed_like_any_plan(string sample, string title, int tasks)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var content = await File.ReadAllBytesAsync(Path.Combine(ImportTestData.SamplesFolder(), sample));

        var analyzed = await client.PostAsync(Url, ImportTestData.Upload(content, sample));

        analyzed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var analysis = await analyzed.JsonAsync();
        analysis.GetProperty("title").GetString().ShouldBe(title);
        analysis.GetProperty("taskCount").GetInt32().ShouldBe(tasks);
        analysis.GetProperty("units").GetArrayLength().ShouldBeGreaterThan(0);
    }

    [Theory]
    [InlineData("plan.wps", "WPS 文字（.wps）")]
    [InlineData("plan.ofd", "OFD 版式文件")]
    [InlineData("plan.doc", "Word 97-2003（.doc）")]
    public async Task Doc_wps_and_ofd_are_refused_naming_the_format_and_asking_for_docx_or_pdf(string fileName, string named)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var response = await client.PostAsync(Url, ImportTestData.Upload([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], fileName));

        response.StatusCode.ShouldBe(HttpStatusCode.UnsupportedMediaType);
        var detail = (await ShouldBeProblemAsync(response, "file")).GetProperty("detail").GetString()!;
        detail.ShouldContain(named);
        detail.ShouldContain(".docx");
        detail.ShouldContain("PDF");
    }

    private static async Task<System.Text.Json.JsonElement> ShouldBeProblemAsync(HttpResponseMessage response, string field)
    {
        response.Content.Headers.ContentType!.MediaType.ShouldBe("application/problem+json");
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("title").GetString()!.ShouldNotBeNullOrEmpty();
        problem.GetProperty("detail").GetString()!.ShouldNotBeNullOrEmpty();
        return problem;
    }
}
