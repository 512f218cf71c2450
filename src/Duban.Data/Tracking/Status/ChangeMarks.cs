using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// How far the data the statuses depend on has come, cheaply (one index lookup each): the last audit entry (every
/// write of the application is audited in the transaction that makes it) and the last rows of the tables tracking only
/// appends to (which also catch rows written without the application, such as a bulk load).
/// </summary>
public sealed record ChangeMarks(long Audit, long Reports, long Revisions, long Reviews, long Values, long Tasks)
{
    public static ChangeMarks None { get; } = new(0, 0, 0, 0, 0, 0);

    /// <summary>
    /// The six marks in one query (one round trip, not six: every list page reads them, docs/benchmarks.md, "Round trips
    /// of the administrator's lists"). Written as SQL because LINQ has no query without a table to select from; the
    /// table and column names come from the model, and the statement is the same on both providers.
    /// </summary>
    public static async Task<ChangeMarks> ReadAsync(DubanDbContext db, CancellationToken ct)
    {
        var row = (await db.Database.SqlQueryRaw<Row>(Sql(db)).ToListAsync(ct)).Single();
        return new(row.Audit ?? 0, row.Reports ?? 0, row.Revisions ?? 0, row.Reviews ?? 0, row.Values ?? 0, row.Tasks ?? 0);
    }

    private static string Sql(DubanDbContext db)
    {
        static string Last(IEntityType type, string name)
        {
            var table = StoreObjectIdentifier.Table(type.GetTableName()!, type.GetSchema());
            return $"(SELECT MAX(\"{type.FindProperty("Id")!.GetColumnName(table)}\") FROM \"{type.GetTableName()}\") AS \"{name}\"";
        }
        return "SELECT " + string.Join(", ",
            Last(db.AuditEntries.EntityType, nameof(Row.Audit)),
            Last(db.ProgressReports.EntityType, nameof(Row.Reports)),
            Last(db.ReportRevisions.EntityType, nameof(Row.Revisions)),
            Last(db.Reviews.EntityType, nameof(Row.Reviews)),
            Last(db.ObservationRevisions.EntityType, nameof(Row.Values)),
            Last(db.Tasks.EntityType, nameof(Row.Tasks)));
    }

    /// <summary>The query's one row; null where a table is empty.</summary>
    private sealed class Row
    {
        public long? Audit { get; init; }
        public long? Reports { get; init; }
        public long? Revisions { get; init; }
        public long? Reviews { get; init; }
        public long? Values { get; init; }
        public long? Tasks { get; init; }
    }
}
