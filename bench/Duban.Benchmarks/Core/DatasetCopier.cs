using System.Diagnostics;
using Duban.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace Duban.Benchmarks.Core;

/// <summary>
/// The faster way to the full dataset on PostgreSQL (<c>--copy-from</c>): the rows a SQLite run imported through the
/// import service, copied table by table with their ids (binary COPY) into an empty, migrated PostgreSQL database. Importing 10 000
/// plans plan by plan takes about an hour on the shared two-core machine; copying gives the same rows in minutes.
/// Foreign-key triggers are off for the copying session (<c>session_replication_role = replica</c>, the role is a
/// superuser) because plans and their versions refer to each other; the rows were consistent in SQLite, which enforces
/// foreign keys. Users, tokens and data-protection keys are not copied: each run makes its own.
/// </summary>
public static class DatasetCopier
{
    private const int Batch = 2000;

    public static async Task<TimeSpan> CopyAsync(DatabaseOptions from, DatabaseOptions to, Action<string> log, CancellationToken ct)
    {
        var clock = Stopwatch.StartNew();
        await using var source = DubanDatabase.CreateContext(from);
        await using var target = DubanDatabase.CreateContext(to);
        await DubanDatabase.MigrateAsync(target, ct);
        if (await target.Plans.AnyAsync(ct)) throw new InvalidOperationException("--copy-from needs an empty database: add --fresh.");
        await target.Database.OpenConnectionAsync(ct);
        await target.Database.ExecuteSqlRawAsync("SET session_replication_role = replica", ct);

        await CopyTableAsync(source, target, db => db.Regions, log, ct);
        await CopyTableAsync(source, target, db => db.Organizations, log, ct);
        await CopyTableAsync(source, target, db => db.OrganizationAliases, log, ct);
        await CopyTableAsync(source, target, db => db.Plans, log, ct);
        await CopyTableAsync(source, target, db => db.PlanVersions, log, ct);
        await CopyTableAsync(source, target, db => db.TaskLists, log, ct);
        await CopyTableAsync(source, target, db => db.Tasks, log, ct);
        await CopyTableAsync(source, target, db => db.Assignments, log, ct);
        await CopyTableAsync(source, target, db => db.Targets, log, ct);
        await CopyTableAsync(source, target, db => db.GoverningBodies, log, ct);
        await CopyTableAsync(source, target, db => db.BodyMembers, log, ct);
        await CopyTableAsync(source, target, db => db.AuditEntries, log, ct);

        await target.Database.ExecuteSqlRawAsync("SET session_replication_role = DEFAULT", ct);
        // Rows written with their ids leave the identity sequences at 1: move each past its table's largest id.
        foreach (var table in new[] { "regions", "organizations", "organization_aliases", "plans", "plan_versions", "task_lists", "tasks", "assignments",
                     "targets", "governing_bodies", "body_members", "audit_entries" })
        {
#pragma warning disable EF1002 // table names from the list above, not from input
            await target.Database.ExecuteSqlRawAsync(
                $"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
        }
        // Fresh statistics, as autovacuum would gather them a little later: the planner must know the tables' sizes.
        await target.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        return clock.Elapsed;
    }

    /// <summary>Reads the table from SQLite in id order and writes it with PostgreSQL's binary COPY, column by column as the model maps it.</summary>
    private static async Task CopyTableAsync<T>(DubanDbContext source, DubanDbContext target, Func<DubanDbContext, DbSet<T>> set, Action<string> log,
        CancellationToken ct) where T : class
    {
        var entity = target.Model.FindEntityType(typeof(T))!;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var columns = entity.GetProperties().Select(p => (Property: p, Column: p.GetColumnName(table)!, Converter: p.GetTypeMapping().Converter)).ToList();
        var connection = (NpgsqlConnection)target.Database.GetDbConnection();
        var copy = $"COPY \"{table.Name}\" ({string.Join(", ", columns.Select(c => $"\"{c.Column}\""))}) FROM STDIN (FORMAT BINARY)";

        // Shadow properties (the tasks' stored sort keys) have no getter: their rows are read tracked, and the values
        // taken from the change tracker.
        var tracked = columns.Any(c => c.Property.IsShadowProperty());
        long last = 0, copied = 0;
        await using var importer = await connection.BeginBinaryImportAsync(copy, ct);
        while (true)
        {
            var query = tracked ? set(source).AsQueryable() : set(source).AsNoTracking();
            var rows = await query
                .Where(e => EF.Property<long>(e, "Id") > last).OrderBy(e => EF.Property<long>(e, "Id")).Take(Batch).ToListAsync(ct);
            if (rows.Count == 0) break;
            foreach (var row in rows)
            {
                await importer.StartRowAsync(ct);
                foreach (var (property, _, converter) in columns)
                {
                    var value = property.IsShadowProperty()
                        ? source.Entry(row).Property(property.Name).CurrentValue
                        : property.GetGetter().GetClrValueUsingContainingEntity(row);
                    if (value is not null && converter is not null) value = converter.ConvertToProvider(value);
                    if (value is null) await importer.WriteNullAsync(ct);
                    else await importer.WriteAsync(value, ct);
                }
            }
            last = (long)entity.FindPrimaryKey()!.Properties[0].GetGetter().GetClrValueUsingContainingEntity(rows[^1])!;
            copied += rows.Count;
            if (tracked) source.ChangeTracker.Clear();
        }
        await importer.CompleteAsync(ct);
        log($"  copied {copied:N0} {typeof(T).Name}");
    }
}
