using System.Net;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;

namespace Duban.Web.Tests.Import;

/// <summary>The default upload limit (20 MB): the sample PDFs embed their font and are larger than <see cref="ImportFixture"/> allows.</summary>
public sealed class PdfImportFixture : WebAppFixture;

public sealed class PdfImportApiTests(PdfImportFixture app) : IClassFixture<PdfImportFixture>
{
    private const string Url = "/api/v1/plans/import";
    private DubanWebFactory Factory => app.Factory;

    private static byte[] SamplePdf(string name) => File.ReadAllBytes(Path.Combine(ImportTestData.SamplesFolder(), "pdf", name));

    [Theory]
    [InlineData("deadline-forms.pdf", "西岭市职业院校办学能力提升行动实施方案", 12)]
    [InlineData("tab-table.pdf", "东川区职业教育改革重点任务分工表", 8)]
    public async Task A_text_pdf_is_analysed_like_its_text(string name, string title, int tasks)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);

        var analyzed = await client.PostAsync(Url, ImportTestData.Upload(SamplePdf(name), name));

        analyzed.StatusCode.ShouldBe(HttpStatusCode.OK);
        var analysis = await analyzed.JsonAsync();
        analysis.GetProperty("title").GetString().ShouldBe(title);
        analysis.GetProperty("taskCount").GetInt32().ShouldBe(tasks);
    }

    [Theory]
    [InlineData("scan.pdf", "pdf.noText", "没有文字层")]
    [InlineData("encrypted.pdf", "pdf.encrypted", "密码")]
    public async Task A_pdf_that_cannot_be_read_is_a_problem_saying_why(string name, string code, string says)
    {
        var client = await Factory.SignedInAsync(DemoAccounts.Admin);
        var before = await Factory.WithDbAsync(ImportTestData.CountAsync);

        var response = await client.PostAsync(Url, ImportTestData.Upload(SamplePdf(name), name));

        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var problem = await response.JsonAsync();
        problem.GetProperty("code").GetString().ShouldBe(code);
        problem.GetProperty("field").GetString().ShouldBe("file");
        problem.GetProperty("detail").GetString()!.ShouldContain(says);
        (await Factory.WithDbAsync(ImportTestData.CountAsync)).ShouldBe(before);
    }
}
