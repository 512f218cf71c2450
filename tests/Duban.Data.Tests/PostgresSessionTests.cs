using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Npgsql;

namespace Duban.Data.Tests;

/// <summary>Duban's PostgreSQL sessions run without the JIT compiler and without parallel query unless the connection string says otherwise.</summary>
public sealed class PostgresSessionTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static string Effective(string connectionString)
    {
        var options = DubanDatabase.CreateOptions(new DatabaseOptions { Provider = DatabaseProvider.PostgreSQL, ConnectionString = connectionString });
        return options.Extensions.OfType<RelationalOptionsExtension>().Single().ConnectionString!;
    }

    [Theory]
    [InlineData("Host=db;Database=duban", "-c jit=off -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=duban;Options=-c statement_timeout=5000", "-c statement_timeout=5000 -c jit=off -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=duban;Options=-c jit=on", "-c jit=on -c max_parallel_workers_per_gather=0")]
    [InlineData("Host=db;Database=duban;Options=-c max_parallel_workers_per_gather=2", "-c max_parallel_workers_per_gather=2 -c jit=off")]
    public void The_connection_string_gets_jit_and_parallel_query_off_unless_it_sets_them_itself(string given, string options)
    {
        var effective = new NpgsqlConnectionStringBuilder(Effective(given));
        effective.Options.ShouldBe(options);
        effective.Host.ShouldBe("db");
        effective.Database.ShouldBe("duban");
    }

    [Theory, OnPostgres]
    public async Task A_session_of_the_application_has_jit_off(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        (await db.Database.SqlQueryRaw<string>("SELECT current_setting('jit') AS \"Value\"").SingleAsync()).ShouldBe("off");
        (await db.Database.SqlQueryRaw<string>("SELECT current_setting('max_parallel_workers_per_gather') AS \"Value\"").SingleAsync()).ShouldBe("0");
    }
}
