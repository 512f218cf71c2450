using System.Collections.Concurrent;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Samples;

/// <summary>Finds the repository's samples/ folder and parses the documents in it, once per test run.</summary>
internal static class SampleFiles
{
    private static readonly ConcurrentDictionary<string, Lazy<PlanDocument>> Parsed = new(StringComparer.Ordinal);

    private static readonly Lazy<string> Folder = new(FindFolder);

    /// <summary>The samples/ folder next to Duban.sln, found by walking up from the test binaries.</summary>
    public static string Directory => Folder.Value;

    public static string PathOf(string fileName) => Path.Combine(Directory, fileName);

    /// <summary>The parsed form of samples/<paramref name="fileName"/>, read as bytes through the parser's entry point.</summary>
    public static PlanDocument Parse(string fileName) =>
        Parsed.GetOrAdd(fileName, name => new Lazy<PlanDocument>(
            () => new PlanParser().Parse(File.ReadAllBytes(PathOf(name)), name))).Value;

    /// <summary>The parsed form of a document built in memory (e.g. a .docx), cached under <paramref name="key"/>.</summary>
    public static PlanDocument Parse(string key, Func<byte[]> build, string fileName) =>
        Parsed.GetOrAdd(key, _ => new Lazy<PlanDocument>(() => new PlanParser().Parse(build(), fileName))).Value;

    private static string FindFolder()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln")))
            {
                var samples = Path.Combine(dir.FullName, "samples");
                if (!System.IO.Directory.Exists(samples)) throw new DirectoryNotFoundException($"No samples/ folder next to {dir.FullName}/Duban.sln.");
                return samples;
            }
        }
        throw new DirectoryNotFoundException($"No folder holding Duban.sln above {AppContext.BaseDirectory}.");
    }
}
