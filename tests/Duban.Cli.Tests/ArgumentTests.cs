using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests;

public sealed class ArgumentTests
{
    [Fact]
    public void Help_lists_the_parse_command()
    {
        var result = InProcessCli.Run("--help");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.ShouldContain("parse");
        result.Out.ShouldContain("--version");
    }

    [Fact]
    public void Parse_help_lists_its_options()
    {
        var result = InProcessCli.Run("parse", "--help");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.ShouldContain("--json");
        result.Out.ShouldContain("--table");
        result.Out.ShouldContain("duban parse <FILE>...");
        result.Out.ShouldContain("--out <DIR>");
        result.Out.ShouldContain("<FILE>");
    }

    [Fact]
    public void Version_prints_the_version()
    {
        var result = InProcessCli.Run("--version");

        result.ExitCode.ShouldBe(ExitCodes.Success);
        result.Out.Trim().ShouldStartWith("0.1.0");
    }

    [Fact]
    public void No_arguments_show_help_on_stderr_and_exit_2()
    {
        var result = InProcessCli.Run();

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.Error.ShouldContain("parse");
    }

    [Fact]
    public void Parse_without_files_is_one_error_line()
    {
        var result = InProcessCli.Run("parse");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldStartWith("duban: ");
    }

    [Fact]
    public void A_misspelt_option_is_reported_as_an_unknown_option_not_a_missing_file()
    {
        var result = InProcessCli.Run("parse", "plan.txt", "--jsno");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldHaveSingleItem().ShouldBe("duban: 未知选项：--jsno");
    }

    [Fact]
    public void An_unknown_command_exits_2()
    {
        var result = InProcessCli.Run("frobnicate");

        result.ExitCode.ShouldBe(ExitCodes.InputError);
        result.Out.ShouldBeEmpty();
        result.ErrorLines.ShouldNotBeEmpty();
        result.ErrorLines.ShouldAllBe(l => l.StartsWith("duban: "));
    }
}
