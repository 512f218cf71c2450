using Duban.Cli.Tests.Support;
using Duban.Parsing;
using Duban.Parsing.Input;
using Duban.Parsing.Serialization;

namespace Duban.Cli.Tests;

/// <summary>Every input problem is one stderr line naming the file, exit code 2, and the other files still run.</summary>
public sealed class InputErrorTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void A_missing_file_is_one_line_naming_it()
    {
        var missing = temp.Combine("missing.txt");

        var result = InProcessCli.Run("parse", missing);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {missing}: 文件不存在（file.notFound）");
    }

    [Fact]
    public void An_empty_file_is_one_line_naming_it()
    {
        // Needs the real input reader (feat/input): the stub decodes an empty file as an empty text.
        var empty = temp.Write("empty.txt", "");

        var result = InProcessCli.Run("parse", empty, "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {empty}: ");
        line.ShouldEndWith("（input.empty）");
    }

    [Fact]
    public void A_docx_that_is_not_a_zip_is_one_line_naming_it()
    {
        // Needs the real input reader (feat/input): the stub reads every file as UTF-8 text.
        var docx = temp.Write("broken.docx", "这不是一个 zip 文件。\n1.某项任务。（责任单位：市教育局）\n");

        var result = InProcessCli.Run("parse", docx, "--json");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {docx}: ");
        line.ShouldEndWith("（docx.corrupt）");
    }

    [Fact]
    public void A_directory_is_not_a_plan()
    {
        var directory = temp.Combine("folder.txt");
        Directory.CreateDirectory(directory);

        var result = InProcessCli.Run("parse", directory);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {directory}: 是目录，不是文件（file.isDirectory）");
    }

    [Fact]
    public void A_bad_file_does_not_stop_the_good_one_from_being_written()
    {
        var missing = temp.Combine("missing.txt");
        var good = temp.Write("good.txt", SamplePlans.Clean());
        var outDirectory = temp.Combine("out");

        var result = InProcessCli.Run("parse", missing, good, "--out", outDirectory);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldContain(missing);
        PlanJson.Deserialize(File.ReadAllText(Path.Combine(outDirectory, "good.json"))).Title.ShouldBe(SamplePlans.Title);
        File.Exists(Path.Combine(outDirectory, "missing.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_plan_input_exception_is_reported_with_its_message_and_code()
    {
        var file = temp.Write("report.docx", "x");
        var reader = ReaderThrowingFor("report.docx", new PlanInputException("docx.corrupt", "不是有效的 .docx 文件。"));

        var result = InProcessCli.Run(reader, progress: null, "parse", file);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe($"duban: {file}: 不是有效的 .docx 文件（docx.corrupt）");
    }

    [Fact]
    public void An_unexpected_exception_is_one_line_without_a_stack_trace_and_the_others_still_run()
    {
        var boom = temp.Write("boom.txt", SamplePlans.Clean());
        var good = temp.Write("good.txt", SamplePlans.Clean());
        var outDirectory = temp.Combine("out");
        var reader = ReaderThrowingFor("boom.txt", new InvalidOperationException("索引越界\n   at Duban.Parsing.Somewhere()"));

        var result = InProcessCli.Run(reader, progress: null, "parse", boom, good, "--out", outDirectory);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {boom}: ");
        line.ShouldContain("InvalidOperationException");
        line.ShouldEndWith("（internal.error）");
        File.Exists(Path.Combine(outDirectory, "good.json")).ShouldBeTrue();
        File.Exists(Path.Combine(outDirectory, "boom.json")).ShouldBeFalse();
    }

    [Fact]
    public void A_file_over_the_size_limit_is_refused_without_being_parsed()
    {
        var big = temp.Write("big.txt", SamplePlans.Clean());
        var reader = new PlanFileReader((_, _) => throw new InvalidOperationException("should not be parsed"), maxInputBytes: 10);

        var result = InProcessCli.Run(reader, progress: null, "parse", big);

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        var line = result.ErrorLines.ShouldHaveSingleItem();
        line.ShouldStartWith($"duban: {big}: 文件过大");
        line.ShouldEndWith("（file.tooLarge）");
    }

    private static PlanFileReader ReaderThrowingFor(string fileName, Exception exception)
    {
        var parser = new PlanParser();
        return new PlanFileReader(
            (content, name) => name == fileName ? throw exception : parser.Parse(content, name),
            long.MaxValue);
    }
}
