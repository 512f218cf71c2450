using System.Net;
using System.Reflection;
using System.Text.Json;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Web.Demo;
using Duban.Web.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit.Sdk;

namespace Duban.Web.Tests.Exports;

/// <summary>
/// The exports read in batches (<c>Exports:BatchSize</c>, here 7, so that the demo's lists span many) still hold
/// exactly the list's rows in its order, with nothing lost or repeated where one batch ends and the next begins; on
/// SQLite and on PostgreSQL (<c>DUBAN_TEST_POSTGRES</c>, as the storage tests).
/// </summary>
public sealed class StreamedExportTests
{
    private const int Batch = 7;

    [Theory, OnWebSqlite, OnWebPostgres]
    public async Task Exports_read_batch_by_batch_hold_every_row_of_the_list_in_order(DatabaseProvider provider)
    {
        await using var database = await ExportTestDatabase.CreateAsync(provider);
        await using var factory = new DubanWebFactory(database.Directory, database.Settings(new() { ["Exports:BatchSize"] = Batch.ToString(), ["Demo:SampleActivity"] = "true" }));
        var client = await factory.SignedInAsync(DemoAccounts.Admin);

        foreach (var query in new[] { "", "?sort=number", "?status=overdue" })
        {
            var listed = await ApiListPages.AllAsync(client, "/api/v1/tasks" + query);
            listed.Count.ShouldBeGreaterThan(3 * Batch, $"{query}: the list must span several batches");
            var (sheet, rows) = await XlsxRows.GetAsync(client, "/api/v1/tasks.xlsx" + query);
            sheet.ShouldBe("任务台账");
            rows[0][0].ShouldBe("序号");
            rows.Skip(1).Select(r => (r[1], r[2], r[3])).ShouldBe(listed.Select(t =>
                (t.GetProperty("planTitle").GetString()!, t.GetProperty("no").GetString()!, t.GetProperty("text").GetString()!)), query);
            rows.Skip(1).Select(r => r[0]).ShouldBe(Enumerable.Range(1, listed.Count).Select(i => i.ToString()), query);
        }

        // The 总览's 任务台账: the tasks of the scope by number, as the list sorted by number.
        var byNumber = await ApiListPages.AllAsync(client, "/api/v1/tasks?sort=number");
        var (_, ledger) = await XlsxRows.GetAsync(client, "/api/v1/ledger.xlsx");
        ledger.Skip(1).Select(r => (r[2], r[3])).ShouldBe(byNumber.Select(t => (t.GetProperty("no").GetString()!, t.GetProperty("text").GetString()!)));
        ledger.Skip(1).Count(r => r[8].Length > 0).ShouldBeGreaterThan(0, "some tasks have progress (the demo's sample reports)");

        // 督办单: read page by page along the list's keyset.
        await OrdersAsync(factory, 3 * Batch + 2);
        var orders = await ApiListPages.AllAsync(client, "/api/v1/supervision-orders");
        var (orderSheet, orderRows) = await XlsxRows.GetAsync(client, "/api/v1/supervision-orders.xlsx");
        orderSheet.ShouldBe("督办单");
        orderRows.Skip(1).Select(r => r[1]).ShouldBe(orders.Select(o => o.GetProperty("number").GetString()!));

        var users = await ApiListPages.AllAsync(client, "/api/v1/users");
        var (_, userRows) = await XlsxRows.GetAsync(client, "/api/v1/users.xlsx");
        userRows.Skip(1).Select(r => r[1]).ShouldBe(users.Select(u => u.GetProperty("userName").GetString()!));
    }

    [Theory, OnWebSqlite, OnWebPostgres]
    public async Task The_organisations_and_the_indicator_table_read_batch_by_batch_equal_the_files_read_in_one_batch(DatabaseProvider provider)
    {
        await using var database = await ExportTestDatabase.CreateAsync(provider);
        await using var factory = new DubanWebFactory(database.Directory, database.Settings(new() { ["Exports:BatchSize"] = Batch.ToString(), ["Demo:SampleActivity"] = "true" }));
        var client = await factory.SignedInAsync(DemoAccounts.Admin);
        string[] paths = ["/api/v1/organizations.xlsx", "/api/v1/organizations.xlsx?kind=government", "/api/v1/indicators.xlsx"];

        var batched = new List<List<List<string>>>();
        foreach (var path in paths) batched.Add((await XlsxRows.GetAsync(client, path)).Rows);
        // The same files with every row in one batch: what the exports wrote when they were built whole.
        factory.Services.GetRequiredService<IConfiguration>()["Exports:BatchSize"] = "1000000";
        for (var i = 0; i < paths.Length; i++)
        {
            var whole = (await XlsxRows.GetAsync(client, paths[i])).Rows;
            whole.Count.ShouldBeGreaterThan(2, paths[i]);
            batched[i].ShouldBe(whole, paths[i]);
            batched[i].Skip(1).Select(r => r[0]).ShouldBe(Enumerable.Range(1, whole.Count - 1).Select(n => n.ToString()), paths[i]);
        }
        batched[0].Count.ShouldBeGreaterThan(3 * Batch, "the organisations must span several batches");
        batched[2].Count.ShouldBeGreaterThan(3 * Batch, "the indicator table must span several batches");
        batched[2].Skip(1).Count(r => r[8].Length > 0).ShouldBeGreaterThan(0, "some targets have values (the demo's sample activity)");
    }

    private static Task OrdersAsync(DubanWebFactory factory, int count) => factory.WithDbAsync(async db =>
    {
        var assignments = await db.Assignments.AsNoTracking()
            .Where(a => db.Plans.Any(p => p.Id == a.Task!.PlanId && p.CurrentVersionId == a.Task.TaskList!.PlanVersionId))
            .OrderBy(a => a.Id).Take(count).ToListAsync();
        OrderStatus[] statuses = [OrderStatus.Open, OrderStatus.Overdue, OrderStatus.Answered, OrderStatus.Closed, OrderStatus.Returned];
        db.AddRange(assignments.Select((a, i) => new SupervisionOrder
        {
            // Some share an issue time, so that the keyset's tie-break on the id is crossed at a batch's end.
            Number = $"督办〔2026〕S{i}号", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = $"分批导出{i}",
            IssuedAt = new DateTimeOffset(2026, 11, 1 + i / 3, 2, 0, 0, TimeSpan.Zero), IssuedByName = "sample", ReplyBy = new DateOnly(2026, 12, 20),
            Status = statuses[i % statuses.Length], Origin = OrderOrigin.Manual, IdempotencyKey = "streamed-export:" + Guid.NewGuid().ToString("N"),
        }));
        await db.SaveChangesAsync();
    });
}

/// <summary>A database of its own for one test: a SQLite folder, or a PostgreSQL database on the server DUBAN_TEST_POSTGRES names (dropped at the end).</summary>
internal sealed class ExportTestDatabase : IAsyncDisposable
{
    public const string Variable = "DUBAN_TEST_POSTGRES";

    private readonly string? postgresName;
    private readonly string? adminConnection;

    private ExportTestDatabase(string directory, string? postgresName, string? adminConnection)
    {
        Directory = directory;
        this.postgresName = postgresName;
        this.adminConnection = adminConnection;
    }

    public string Directory { get; }

    public static async Task<ExportTestDatabase> CreateAsync(DatabaseProvider provider)
    {
        var directory = Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(directory);
        if (provider == DatabaseProvider.Sqlite) return new(directory, null, null);
        var admin = Environment.GetEnvironmentVariable(Variable) is { Length: > 0 } value ? value
            : throw new InvalidOperationException($"{Variable} is not set, and CI=true does not allow the PostgreSQL tests to be skipped.");
        var name = "duban_test_" + Guid.NewGuid().ToString("N");
        await ExecuteAsync(admin, $"CREATE DATABASE \"{name}\"");
        return new(directory, name, admin);
    }

    public IReadOnlyDictionary<string, string?> Settings(Dictionary<string, string?> settings)
    {
        if (postgresName is not null)
        {
            settings["Database:Provider"] = nameof(DatabaseProvider.PostgreSQL);
            settings["Database:ConnectionString"] = new NpgsqlConnectionStringBuilder(adminConnection) { Database = postgresName }.ConnectionString;
        }
        return settings;
    }

    public async ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (postgresName is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await ExecuteAsync(adminConnection!, $"DROP DATABASE IF EXISTS \"{postgresName}\" WITH (FORCE)");
        }
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
        }
    }

    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}

/// <summary>Runs a theory on SQLite: <c>[Theory, OnWebSqlite, OnWebPostgres]</c> runs it on both providers.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnWebSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.Sqlite]];
}

/// <summary>Runs a theory on PostgreSQL, or skips that case outside CI when DUBAN_TEST_POSTGRES names no server (as the storage tests do).</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnWebPostgresAttribute : DataAttribute
{
    public OnWebPostgresAttribute()
    {
        var ci = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (Environment.GetEnvironmentVariable(ExportTestDatabase.Variable) is not { Length: > 0 } && !ci)
            Skip = $"PostgreSQL case skipped: set {ExportTestDatabase.Variable} (or run through .ci/with-postgres, docs/storage.md).";
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DatabaseProvider.PostgreSQL]];
}
