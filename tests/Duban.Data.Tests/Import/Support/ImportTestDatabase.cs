using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import.Support;

/// <summary>
/// A private SQLite database in memory for one test: the connection stays open for the test's lifetime, since an
/// in-memory database lives exactly as long as its connection. The one place the import tests create the schema:
/// with EnsureCreated until the migrations land, then with Migrate.
/// </summary>
public sealed class ImportTestDatabase : IDisposable
{
    private readonly SqliteConnection connection = new("Data Source=:memory:");

    public ImportTestDatabase()
    {
        connection.Open();
        using var db = NewContext();
        db.Database.EnsureCreated();
    }

    /// <summary>A fresh context on the database: assertions read through one that has seen none of the writes.</summary>
    public DubanDbContext NewContext() =>
        new(new DbContextOptionsBuilder<DubanDbContext>().UseSqlite(connection).Options);

    public void Dispose() => connection.Dispose();
}
