using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests.Import;

/// <summary><c>duban import</c> as its own process, in a working directory of its own: the default database path.</summary>
public sealed class ImportOutOfProcessTests : IDisposable
{
    private readonly TempDirectory temp = new();

    public void Dispose() => temp.Dispose();

    [Fact]
    public void Without_db_the_database_is_data_duban_db_under_the_working_directory()
    {
        temp.Write("plan.txt", SamplePlans.Clean());

        var result = DubanProcess.Run(temp.Path, "import", "plan.txt", "--create-units");

        result.ExitCode.ShouldBe(ExitCodes.Success, result.Error);
        result.Out.ShouldStartWith("plan.txt: 已导入：");
        ImportDatabaseFile.Counts(temp.Combine("data/duban.db")).Plans.ShouldBe(1);
    }
}
