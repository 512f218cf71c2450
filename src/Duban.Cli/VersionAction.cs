using System.CommandLine;
using System.CommandLine.Invocation;
using System.Reflection;

namespace Duban.Cli;

/// <summary>
/// Prints duban's own version. The library's default prints the entry assembly's, which is the test host's when the
/// command runs in-process.
/// </summary>
internal sealed class VersionAction : SynchronousCommandLineAction
{
    public static string Version { get; } =
        typeof(VersionAction).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "unknown";

    public override int Invoke(ParseResult parseResult)
    {
        parseResult.InvocationConfiguration.Output.WriteLine(Version);
        return ExitCodes.Success;
    }
}
