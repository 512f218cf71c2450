using System.Diagnostics;
using System.Text;

namespace Duban.Cli.Tests.Support;

/// <summary>
/// Runs the built duban as a separate process. The test project references Duban.Cli, so the build copies duban.dll
/// and its runtimeconfig next to the tests; <c>dotnet exec</c> runs it from there.
/// </summary>
internal static class DubanProcess
{
    private static readonly TimeSpan Timeout = TimeSpan.FromMinutes(2);

    public static string DllPath => Path.Combine(AppContext.BaseDirectory, "duban.dll");

    public static CliResult Run(string workingDirectory, params string[] args)
    {
        File.Exists(DllPath).ShouldBeTrue($"the built CLI should be at {DllPath}");
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            StandardOutputEncoding = new UTF8Encoding(false),
            StandardErrorEncoding = new UTF8Encoding(false),
            UseShellExecute = false,
        };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(DllPath);
        foreach (var arg in args) start.ArgumentList.Add(arg);

        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");
        // Read both streams concurrently: a full pipe buffer on one would otherwise block the child forever.
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(Timeout))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"duban {string.Join(' ', args)} did not finish within {Timeout}");
        }
        return new CliResult(process.ExitCode, output.GetAwaiter().GetResult(), error.GetAwaiter().GetResult());
    }

    /// <summary>The dotnet that runs the tests (set by the test host), so that the CLI runs on the same runtime.</summary>
    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host && File.Exists(host) ? host : "dotnet";
}
