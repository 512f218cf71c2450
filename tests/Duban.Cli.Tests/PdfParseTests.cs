using Duban.Cli.Tests.Support;
using Duban.Parsing.Serialization;

namespace Duban.Cli.Tests;

/// <summary><c>duban parse file.pdf</c>: a text PDF reads like its text original; a scan is one line naming the file.</summary>
public sealed class PdfParseTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    private string SamplePdf(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "samples", "pdf", name);
            if (File.Exists(candidate)) return temp.WriteBytes(name, File.ReadAllBytes(candidate));
        }
        throw new FileNotFoundException($"samples/pdf/{name} not found");
    }

    [Fact]
    public void A_text_pdf_parses_to_its_tasks()
    {
        var result = InProcessCli.Run("parse", "--json", SamplePdf("deadline-forms.pdf"));

        result.ExitCode.ShouldBe(ExitCodes.Success);
        var plan = PlanJson.Deserialize(result.Out);
        plan.Source.Format.ShouldBe("pdf");
        plan.Source.PageStarts!.Count.ShouldBe(2);
        plan.Title.ShouldBe("西岭市职业院校办学能力提升行动实施方案");
        plan.TaskLists.Single().Tasks.Select(t => t.No).ShouldBe(Enumerable.Range(1, 12).Select(i => i.ToString()));
    }

    [Theory]
    [InlineData("scan.pdf", "pdf.noText")]
    [InlineData("encrypted.pdf", "pdf.encrypted")]
    public void A_pdf_that_cannot_be_read_is_one_line_naming_it(string name, string code)
    {
        var file = SamplePdf(name);

        var result = InProcessCli.Run("parse", file, "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {file}: ");
        line.ShouldEndWith($"（{code}）");
    }
}
