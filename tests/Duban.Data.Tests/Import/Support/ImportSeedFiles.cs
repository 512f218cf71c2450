namespace Duban.Data.Tests.Import.Support;

/// <summary>Finds the repository root (the folder holding Duban.sln), its samples, and the shared seed corpus beside it.</summary>
public static class ImportSeedFiles
{
    public static string Root { get; } = FindRoot();

    /// <summary>../shared/seeds relative to the repository root: the five founding documents, present in CI.</summary>
    public static string SeedsFolder { get; } = Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));

    public static bool SeedsPresent => Directory.Exists(SeedsFolder) && Directory.EnumerateFiles(SeedsFolder, "*.txt").Any();

    public static string Samples => Path.Combine(Root, "samples");

    public static string SeedPath(string id) => Directory.EnumerateFiles(SeedsFolder, id + "_*.txt").Single();

    public static byte[] Seed(string id) => File.ReadAllBytes(SeedPath(id));

    public static byte[] Sample(string name) => File.ReadAllBytes(Path.Combine(Samples, name));

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the seed corpus; skipped with a clear message where ../shared/seeds is absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (!ImportSeedFiles.SeedsPresent) Skip = $"Seed corpus not found at {ImportSeedFiles.SeedsFolder} (it sits beside the repository in CI).";
    }
}

/// <summary>A theory that needs the seed corpus; skipped with a clear message where ../shared/seeds is absent.</summary>
public sealed class SeedTheoryAttribute : TheoryAttribute
{
    public SeedTheoryAttribute()
    {
        if (!ImportSeedFiles.SeedsPresent) Skip = $"Seed corpus not found at {ImportSeedFiles.SeedsFolder} (it sits beside the repository in CI).";
    }
}
