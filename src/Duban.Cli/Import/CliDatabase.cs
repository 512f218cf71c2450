using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Regions;
using Microsoft.Data.Sqlite;

namespace Duban.Cli;

/// <summary>
/// Opens the command line's SQLite database through <see cref="DubanDatabase"/>, creating the file, migrating the
/// schema and loading the national regions below <paramref name="divisions"/> when needed, as the web host does at
/// start-up: a plan imported from the command line is filed under the same coded tree.
/// </summary>
internal static class CliDatabase
{
    public static async Task<DubanDbContext> OpenAsync(string path, DivisionRoot divisions, CancellationToken ct)
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
            await new DivisionTreeLoader(db, new AuditLog(db, TimeProvider.System)).LoadAsync(divisions, ct);
            return db;
        }
        catch
        {
            await db.DisposeAsync();
            throw;
        }
    }
}
