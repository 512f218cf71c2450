using System.Text;

namespace Duban.Benchmarks;

/// <summary>
/// The inputs of the benchmarks: the seed plans in ../shared/seeds (when present) and the project's own samples, by
/// file name, plus "all-x10" and "all-x40": every input concatenated ten and forty times (about 1.5 and 6 MB), to see
/// throughput at size and that time grows linearly with it.
/// </summary>
public static class BenchmarkInputs
{
    private static readonly string[] Large = ["all-x10", "all-x40"];

    public static IEnumerable<string> Names() => Files().Select(Path.GetFileName).Concat(Large)!;

    public static byte[] Load(string name)
    {
        if (!Large.Contains(name)) return File.ReadAllBytes(Files().Single(f => Path.GetFileName(f) == name));
        var copies = int.Parse(name["all-x".Length..]);
        var sb = new StringBuilder();
        for (var i = 0; i < copies; i++)
            foreach (var f in Files()) sb.Append(File.ReadAllText(f)).Append('\n');
        return Encoding.UTF8.GetBytes(sb.ToString());
    }

    private static IEnumerable<string> Files()
    {
        var root = Root();
        var seeds = Path.Combine(root, "..", "shared", "seeds");
        var files = Directory.Exists(seeds) ? Directory.GetFiles(seeds, "*.txt").Order().ToList() : [];
        var samples = Path.Combine(root, "samples");
        if (Directory.Exists(samples)) files.AddRange(Directory.GetFiles(samples, "*.txt").Order().Take(files.Count == 0 ? 5 : 0));
        return files;
    }

    public static string Root()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        for (var dir = new DirectoryInfo(Directory.GetCurrentDirectory()); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Run the benchmarks from inside the repository (Duban.sln not found).");
    }
}
