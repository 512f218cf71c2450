using System.Security.Cryptography;
using System.Text;
using Duban.Cli.Tests.Support;

namespace Duban.Cli.Tests;

/// <summary>
/// The JSON `duban parse FILE --json` writes for every sample and seed, byte for byte, against the digests recorded
/// in Golden/json-digests.txt: making the command faster must not change its output, nor must any change not meant to.
/// Runs the built duban as its own process, so the bytes are the ones written to the real standard output. A deliberate
/// change to the output (a parser rule, a new sample) regenerates the digests with Golden/update-digests.sh.
/// </summary>
public sealed class JsonDigestTests
{
    private static readonly string Root = FindRoot();
    private static readonly string SeedsFolder = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static TheoryData<string> Samples() => Entries("samples/");

    public static TheoryData<string> Seeds() => Entries("seeds/");

    [Theory]
    [MemberData(nameof(Samples))]
    public void Sample_json_is_unchanged(string entry) => AssertUnchanged(entry, Path.Combine(Root, entry));

    [SkippableSeedTheory]
    [MemberData(nameof(Seeds))]
    public void Seed_json_is_unchanged(string entry) => AssertUnchanged(entry, Path.Combine(SeedsFolder, entry["seeds/".Length..]));

    private static void AssertUnchanged(string entry, string path)
    {
        var result = DubanProcess.Run(Root, "parse", path, "--json");

        var digest = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(result.Out)));
        digest.ShouldBe(Digests()[entry], $"{entry}: the JSON differs from the recorded output (exit {result.ExitCode}; {result.Error})");
    }

    private static Dictionary<string, string> Digests() =>
        File.ReadLines(Path.Combine(Root, "tests", "Duban.Cli.Tests", "Golden", "json-digests.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => l.Split(' ', 2))
            .ToDictionary(p => p[1], p => p[0]);

    private static TheoryData<string> Entries(string prefix)
    {
        var data = new TheoryData<string>();
        foreach (var entry in Digests().Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Order(StringComparer.Ordinal))
            data.Add(entry);
        return data;
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
    }

    /// <summary>Skipped with a clear message where ../shared/seeds is absent.</summary>
    private sealed class SkippableSeedTheoryAttribute : TheoryAttribute
    {
        public SkippableSeedTheoryAttribute()
        {
            if (!Directory.Exists(SeedsFolder) || !Directory.EnumerateFiles(SeedsFolder, "*.txt").Any())
                Skip = $"Seed corpus not found at {SeedsFolder} (it sits beside the repository in CI).";
        }
    }
}
