using Duban.Data;
using Microsoft.Data.Sqlite;

namespace Duban.Cli;

/// <summary>
/// Opens the command line's SQLite database through <see cref="DubanDatabase"/>, creating the file and migrating the
/// schema when needed, as the web host does at start-up.
/// </summary>
internal static class CliDatabase
{
    public static async Task<DubanDbContext> OpenAsync(string path, CancellationToken ct)
    {
        var options = new DatabaseOptions
        {
            Provider = DatabaseProvider.Sqlite,
            // No pooling: a command line run should leave no connection holding the file once it is done.
            ConnectionString = new SqliteConnectionStringBuilder { DataSource = Path.GetFullPath(path), Pooling = false }.ToString(),
        };
        var db = DubanDatabase.CreateContext(options);
        try
        {
            await DubanDatabase.MigrateAsync(db, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
