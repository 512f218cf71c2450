using Microsoft.Data.Sqlite;
using Npgsql;

namespace Duban.Data.Tests.Support;

/// <summary>Makes fresh databases for tests and removes them afterwards.</summary>
internal interface ITestServer : IAsyncDisposable
{
    /// <summary>Options for a database nobody has used. With <paramref name="create"/> false it does not exist yet.</summary>
    Task<DatabaseOptions> NewDatabaseAsync(bool create = true);

    static ITestServer For(DatabaseProvider provider) => provider switch
    {
        DatabaseProvider.Sqlite => new SqliteTestServer(),
        DatabaseProvider.PostgreSQL => new PostgresTestServer(PostgresTestSettings.RequireConnectionString()),
        _ => throw new ArgumentOutOfRangeException(nameof(provider)),
    };
}

/// <summary>Each database is a data directory of its own under one temporary folder.</summary>
internal sealed class SqliteTestServer : ITestServer
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "duban-data-tests", Guid.NewGuid().ToString("N"));

    public Task<DatabaseOptions> NewDatabaseAsync(bool create = true)
    {
        var directory = Path.Combine(_root, Guid.NewGuid().ToString("N")[..8]);
        // Creating the folder is all "creating" means here: the provider makes the file on first open.
        if (create) Directory.CreateDirectory(directory);
        return Task.FromResult(new DatabaseOptions { Provider = DatabaseProvider.Sqlite, DataDirectory = directory });
    }

    public ValueTask DisposeAsync()
    {
        // Pooled connections keep the files open; let them go before deleting.
        SqliteConnection.ClearAllPools();
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>Each database is a uniquely named database on the server DUBAN_TEST_POSTGRES names, dropped at the end.</summary>
internal sealed class PostgresTestServer(string adminConnectionString) : ITestServer
{
    private readonly List<string> _databases = [];

    public async Task<DatabaseOptions> NewDatabaseAsync(bool create = true)
    {
        var name = "duban_test_" + Guid.NewGuid().ToString("N");
        lock (_databases) _databases.Add(name);
        if (create) await ExecuteAsync($"CREATE DATABASE \"{name}\"");
        return new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = ConnectionStringFor(name) };
    }

    public async ValueTask DisposeAsync()
    {
        string[] names;
        lock (_databases) names = [.. _databases];
        foreach (var name in names)
        {
            await using (var pooled = new NpgsqlConnection(ConnectionStringFor(name))) NpgsqlConnection.ClearPool(pooled);
            // FORCE ends the sessions still open on it (PostgreSQL 13 and later).
            await ExecuteAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
        }
    }

    private string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(adminConnectionString) { Database = database }.ConnectionString;

    private async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
