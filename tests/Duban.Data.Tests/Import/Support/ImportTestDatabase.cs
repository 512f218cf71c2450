using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import.Support;

/// <summary>
/// A private SQLite database in memory for one test, migrated as a real one is (<see cref="DubanDatabase.MigrateAsync"/>)
/// and with foreign keys enforced as <see cref="DubanDatabase"/> configures them. The connection stays open for the
/// test's lifetime, since an in-memory database lives exactly as long as its connection. The one place the import
/// tests create their schema.
/// </summary>
public sealed class ImportTestDatabase : IDisposable
{
    private readonly SqliteConnection connection = new(new SqliteConnectionStringBuilder
    {
        DataSource = ":memory:",
        ForeignKeys = true,
    }.ToString());

    public ImportTestDatabase()
    {
        connection.Open();
        using var db = NewContext();
        // A constructor cannot await; xunit runs it without a synchronisation context, so blocking is safe here.
        DubanDatabase.MigrateAsync(db).GetAwaiter().GetResult();
    }

    /// <summary>A fresh context on the database: assertions read through one that has seen none of the writes.</summary>
    public DubanDbContext NewContext() =>
        new(new DbContextOptionsBuilder<DubanDbContext>().UseSqlite(connection).Options);

    public void Dispose() => connection.Dispose();
}
