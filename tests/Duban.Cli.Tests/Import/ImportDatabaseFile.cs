using Duban.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli.Tests.Import;

/// <summary>Reads back the SQLite file a <c>duban import</c> run wrote.</summary>
internal static class ImportDatabaseFile
{
    public static DubanDbContext Open(string path) => new(new DbContextOptionsBuilder<DubanDbContext>()
        // No pooling: the test's temporary directory is deleted afterwards, which an idle pooled connection would block on some systems.
        .UseSqlite(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString())
        .Options);

    public static (int Plans, int Versions, int Tasks, int Assignments, int Organizations, int AuditEntries) Counts(string path)
    {
        using var db = Open(path);
        return (db.Plans.Count(), db.PlanVersions.Count(), db.Tasks.Count(), db.Assignments.Count(), db.Organizations.Count(), db.AuditEntries.Count());
    }
}

/// <summary>The shared seed corpus beside the repository (../shared/seeds), as the other test projects find it.</summary>
internal static class ImportSeeds
{
    public static string Folder { get; } = Path.GetFullPath(Path.Combine(FindRoot(), "..", "shared", "seeds"));

    public static bool Present => Directory.Exists(Folder) && Directory.EnumerateFiles(Folder, "*.txt").Any();

    public static string Samples { get; } = Path.Combine(FindRoot(), "samples");

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Duban.sln"))) return dir.FullName;
        throw new InvalidOperationException("Duban.sln not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A fact that needs the seed corpus; skipped with a clear message where ../shared/seeds is absent.</summary>
public sealed class ImportSeedFactAttribute : FactAttribute
{
    public ImportSeedFactAttribute()
    {
        if (!ImportSeeds.Present) Skip = $"Seed corpus not found at {ImportSeeds.Folder} (it sits beside the repository in CI).";
    }
}
