namespace Duban.Web.Tests.EndToEnd;

/// <summary>The shared seed corpus: ../shared/seeds beside the repository root (the folder holding Duban.sln), present in CI.</summary>
public static class SeedFiles
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "seeds"));

    public static bool Present => Directory.Exists(Folder) && Directory.EnumerateFiles(Folder, "*.txt").Any();

    public static string PathOf(string id) => Directory.EnumerateFiles(Folder, id + "_*.txt").Single();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>
/// A browser test over the seed corpus: skipped with a message where ../shared/seeds is absent, and, as with
/// <see cref="ChromiumFactAttribute"/>, where Chromium is missing outside CI (under CI=true it runs and fails instead).
/// </summary>
public sealed class ChromiumSeedFactAttribute : FactAttribute
{
    public ChromiumSeedFactAttribute()
    {
        if (!SeedFiles.Present)
            Skip = $"Seed corpus not found at {SeedFiles.Folder} (it sits beside the repository in CI).";
        else if (new ChromiumFactAttribute().Skip is { } skip)
            Skip = skip;
    }
}

/// <summary>A test over the seed corpus, skipped with a message where ../shared/seeds is absent.</summary>
public sealed class SeedFactAttribute : FactAttribute
{
    public SeedFactAttribute()
    {
        if (!SeedFiles.Present) Skip = $"Seed corpus not found at {SeedFiles.Folder} (it sits beside the repository in CI).";
    }
}
