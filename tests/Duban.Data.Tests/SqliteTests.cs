using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests;

/// <summary>What the SQLite file must be like: WAL, and foreign keys on every connection (SQLite's default is off).</summary>
public sealed class SqliteTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Fact]
    public async Task The_file_is_in_WAL_mode_after_start_up_migration()
    {
        var options = await databases.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = DatabaseFixture.Context(options);

        (await db.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).ShouldBe(["wal"]);
    }

    [Fact]
    public async Task A_file_made_in_another_journal_mode_is_switched_to_WAL()
    {
        var options = await databases.EmptyAsync(DatabaseProvider.Sqlite);
        await using (var db = DatabaseFixture.Context(options))
        {
            await db.Database.OpenConnectionAsync();
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE");
            await db.Database.CloseConnectionAsync();
        }

        await using var migrating = DatabaseFixture.Context(options);
        await DubanDatabase.MigrateAsync(migrating);

        (await migrating.Database.SqlQueryRaw<string>("PRAGMA journal_mode").ToListAsync()).ShouldBe(["wal"]);
    }

    [Fact]
    public async Task Every_connection_enforces_foreign_keys()
    {
        var options = await databases.MigratedAsync(DatabaseProvider.Sqlite);
        await using var db = DatabaseFixture.Context(options);

        (await db.Database.SqlQueryRaw<long>("PRAGMA foreign_keys").ToListAsync()).ShouldBe([1L]);
    }
}
