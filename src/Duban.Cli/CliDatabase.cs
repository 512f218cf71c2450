using Duban.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Duban.Cli;

/// <summary>
/// Opens the command line's SQLite database, creating file and schema when missing. The one place that knows how: it
/// gives way to the shared DatabaseOptions and to migrations (Migrate instead of EnsureCreated) when they land.
/// </summary>
internal static class CliDatabase
{
    public static async Task<DubanDbContext> OpenAsync(string path, CancellationToken ct)
    {
        var full = Path.GetFullPath(path);
        if (Path.GetDirectoryName(full) is { Length: > 0 } directory) Directory.CreateDirectory(directory);
        var connection = new SqliteConnectionStringBuilder { DataSource = full, Pooling = false }.ToString();
        var db = new DubanDbContext(new DbContextOptionsBuilder<DubanDbContext>().UseSqlite(connection).Options);
        try
        {
            await db.Database.EnsureCreatedAsync(ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
