using System.Net;
using System.Text.RegularExpressions;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Tests.Import;

public sealed partial class ImportPagesTests(WebAppFixture app) : IClassFixture<WebAppFixture>
{
    private DubanWebFactory Factory => app.Factory;

    [GeneratedRegex("name=\"(?<name>token|fileName|content)\" value=\"(?<value>[^\"]*)\"")]
    private static partial Regex HiddenField();

    private static async Task<(string Html, HttpResponseMessage Response)> UploadAsync(HttpClient client, byte[] content, string fileName)
    {
        var page = await client.GetStringAsync("/import");
        var form = ImportTestData.Upload(content, fileName, new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(page),
            ["_handler"] = "upload-plan",
            ["regionId"] = "",
        });
        var response = await client.PostAsync("/import", form);
        return (await response.Content.ReadAsStringAsync(), response);
    }

    [Fact]
    public async Task The_wizard_uploads_reviews_and_confirms_a_plan()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var start = await client.GetStringAsync("/import");
        start.ShouldContain("enctype=\"multipart/form-data\"");
        start.ShouldContain("__RequestVerificationToken");

        var (review, response) = await UploadAsync(client, ImportTestData.NewPlan("北岭市职业院校办学能力提升行动实施方案"), "北岭.txt");
        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        review.ShouldContain("<mark id=\"task-1-1\"");
        review.ShouldContain("href=\"import#task-1-1\"");
        // Tasks are numbered from 1 in the review, as in the document.
        review.ShouldContain("<li value=\"1\" class=\"review-task\"");
        review.ShouldNotContain("<li value=\"0\"");
        // Once: the list's markers are hidden and the task shows the document's own number.
        review.ShouldContain("<ol class=\"small task-list list-unstyled\">");
        review.ShouldContain("href=\"import#task-1-1\">1.</a>");
        review.ShouldContain("class=\"form-select form-select-sm unit-select\"");
        review.ShouldContain("__RequestVerificationToken");

        var fields = HiddenField().Matches(review).ToDictionary(m => m.Groups["name"].Value, m => WebUtility.HtmlDecode(m.Groups["value"].Value));
        var names = Regex.Matches(review, "name=\"unitName\" value=\"(?<v>[^\"]*)\"").Select(m => WebUtility.HtmlDecode(m.Groups["v"].Value)).ToList();
        names.ShouldNotBeEmpty();
        var post = new List<KeyValuePair<string, string>>
        {
            new("__RequestVerificationToken", Browser.AntiforgeryToken(review)),
            new("_handler", "confirm-import"),
            new("token", fields["token"]),
            new("fileName", fields["fileName"]),
            new("content", fields["content"]),
        };
        foreach (var name in names)
        {
            post.Add(new("unitName", name));
            post.Add(new("unitChoice", "create"));
        }
        var done = await client.PostAsync("/import", new FormUrlEncodedContent(post));
        var html = await done.Content.ReadAsStringAsync();
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        html.ShouldContain("id=\"import-result\"");
        html.ShouldContain("查看计划");
        var plan = await Factory.WithDbAsync(db => db.Plans.SingleAsync(p => p.Title == "北岭市职业院校办学能力提升行动实施方案"));
        plan.Status.ShouldBe(Duban.Core.Plans.PlanStatus.Draft);

        // The result says the plan is a draft and offers to publish it, through the plan page's own form.
        html.ShouldContain("id=\"import-draft\"");
        html.ShouldContain("<strong>草稿</strong>");
        var publish = Regex.Match(html, "<form method=\"post\" action=\"plans/(?<id>\\d+)\"[^>]*id=\"publish-imported\">[\\s\\S]*?</form>");
        publish.Success.ShouldBeTrue("the result offers 发布");
        publish.Groups["id"].Value.ShouldBe(plan.Id.ToString());
        var version = Regex.Match(publish.Value, "name=\"StatusVersion\" value=\"(?<v>[^\"]+)\"").Groups["v"].Value;
        var published = await client.PostAsync($"/plans/{plan.Id}", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = Browser.AntiforgeryToken(publish.Value), ["_handler"] = "plan-status", ["StatusVersion"] = version, ["NewStatus"] = "published",
        }));
        published.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await published.Content.ReadAsStringAsync()).ShouldContain("计划已设为「已发布」");
        (await Factory.WithDbAsync(db => db.Plans.Where(p => p.Id == plan.Id).Select(p => p.Status).SingleAsync())).ShouldBe(Duban.Core.Plans.PlanStatus.Published);

        var (again, _) = await UploadAsync(client, ImportTestData.NewPlan("北岭市职业院校办学能力提升行动实施方案"), "北岭.txt");
        again.ShouldContain("未变化");
    }

    [Fact]
    public async Task A_wrong_file_type_is_reported_on_the_page()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var (html, _) = await UploadAsync(client, [1, 2, 3], "plan.rtf");
        html.ShouldContain("id=\"import-problem\"");
        html.ShouldContain("不支持的文件类型");
    }

    [Theory]
    [InlineData("task-table.xls")]
    [InlineData("task-table.ods")]
    [InlineData("saved-page.mht")]
    public async Task The_wizard_reviews_an_excel_wps_or_opendocument_task_table_and_a_saved_web_archive(string sample)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        (await client.GetStringAsync("/import")).ShouldContain(".xls,.et,.ods");

        var (review, response) = await UploadAsync(client, await File.ReadAllBytesAsync(Path.Combine(ImportTestData.SamplesFolder(), sample)), sample);

        response.StatusCode.ShouldBe(HttpStatusCode.OK);
        review.ShouldNotContain("id=\"import-problem\"");
        review.ShouldContain("<mark id=\"task-1-1\"");
    }

    [Fact]
    public async Task A_broken_xls_is_reported_on_the_page_naming_the_format()
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var xls = await File.ReadAllBytesAsync(Path.Combine(ImportTestData.SamplesFolder(), "task-table.xls"));

        var (html, _) = await UploadAsync(client, xls[..(xls.Length / 2)], "分工表.xls");

        html.ShouldContain("id=\"import-problem\"");
        html.ShouldContain("不是有效的 .xls 文件");
    }

    [Theory]
    [InlineData(DemoAccounts.Reporter)]
    [InlineData(DemoAccounts.Inspector)]
    public async Task Only_administrators_see_the_wizard(string userName)
    {
        var client = await Factory.SignedInAsync(userName);
        var response = await client.GetAsync("/import");
        response.StatusCode.ShouldNotBe(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).ShouldNotContain("upload-form");
    }
}
