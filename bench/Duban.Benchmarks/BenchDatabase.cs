using Duban.Data;
using Npgsql;

namespace Duban.Benchmarks;

/// <summary>Where a benchmark keeps its database: a SQLite folder, or a PostgreSQL database on the server DUBAN_TEST_POSTGRES names.</summary>
public static class BenchDatabase
{
    public static DatabaseOptions Options(DatabaseProvider provider, string dataDirectory, string postgresDatabase)
    {
        if (provider == DatabaseProvider.Sqlite) return new DatabaseOptions { Provider = provider, DataDirectory = dataDirectory };
        var server = Environment.GetEnvironmentVariable("DUBAN_TEST_POSTGRES")
                     ?? throw new InvalidOperationException("DUBAN_TEST_POSTGRES is not set: run under bash .ci/with-postgres, or export it.");
        var builder = new NpgsqlConnectionStringBuilder(server) { Database = postgresDatabase };
        return new DatabaseOptions { Provider = provider, ConnectionString = builder.ConnectionString, DataDirectory = dataDirectory };
    }

    /// <summary>Removes the benchmark's database so that the run loads it from nothing.</summary>
    public static async Task DropAsync(DatabaseProvider provider, string dataDirectory, string postgresDatabase)
    {
        if (provider == DatabaseProvider.Sqlite)
        {
            if (Directory.Exists(dataDirectory)) Directory.Delete(dataDirectory, recursive: true);
            return;
        }
        var server = new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("DUBAN_TEST_POSTGRES")) { Database = "postgres" };
        await using var connection = new NpgsqlConnection(server.ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {postgresDatabase} WITH (FORCE)", connection);
        await drop.ExecuteNonQueryAsync();
    }
}
