using Duban.Benchmarks.Core;
using Duban.Core.Audit;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Duban.Web.Audit;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Duban.Web.Supervision;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Duban.Benchmarks.Tracking;

/// <summary>
/// <c>tracking --lists</c>: the long lists other than the tasks (docs/benchmarks.md, "Lists at province scale") on the
/// tracking dataset, with 督办单 and audit entries added in bulk (the dataset has none of either at this scale): the
/// first page and a page 90 % deep by cursor, as the pages and the API read them now, and the deep page by number with
/// an exact count, as they were read before (offset paging).
/// </summary>
public sealed class ListsBench
{
    private readonly DatabaseOptions database;
    private readonly DbContextOptions<DubanDbContext> contextOptions;

    public ListsBench(DatabaseOptions database)
    {
        this.database = database;
        contextOptions = DubanDatabase.CreateOptions(database);
        var services = new ServiceCollection();
        services.AddScoped(_ => new DubanDbContext(contextOptions));
        services.AddScoped(sp => new PlanQueries(sp.GetRequiredService<DubanDbContext>()));
        services.AddScoped(sp => new ActingRights(sp.GetRequiredService<DubanDbContext>()));
        services.AddScoped(sp => new SupervisionQueries(sp.GetRequiredService<DubanDbContext>(), sp.GetRequiredService<PlanQueries>(), sp.GetRequiredService<ActingRights>()));
        services.AddScoped(sp => new AuditQueries(sp.GetRequiredService<DubanDbContext>()));
        services.AddScoped(sp =>
        {
            var db = sp.GetRequiredService<DubanDbContext>();
            return new TrackingQueries(db, sp.GetRequiredService<PlanQueries>(), new ReportingPeriods(db, TimeProvider.System, new AuditLog(db, TimeProvider.System)));
        });
        Counts = new ListCounts(services.BuildServiceProvider().GetRequiredService<IServiceScopeFactory>(), TimeProvider.System, NullLogger<ListCounts>.Instance);
    }

    /// <summary>The lists' kept counts, as the application keeps them (a singleton counting in the background).</summary>
    public ListCounts Counts { get; }

    /// <summary>With <c>--explain</c>: prints each query's SQL and plan.</summary>
    public QueryPlanPrinter? Explain { get; set; }

    private DubanDbContext Context() => Explain?.Context(database) ?? new(contextOptions);

    private SupervisionQueries Orders(DubanDbContext db, bool counted = true) => new(db, new PlanQueries(db), new ActingRights(db), counted ? Counts : null);

    private TrackingQueries Reports(DubanDbContext db) =>
        new(db, new PlanQueries(db), new ReportingPeriods(db, TimeProvider.System, new AuditLog(db, TimeProvider.System)), Counts);

    /// <summary>
    /// Orders and audit entries up to the given numbers, written once (binary COPY on PostgreSQL, EF Core on SQLite):
    /// orders on the dataset's assignments, issued at 08:00 on the days of the five years (so many share an instant, as
    /// the escalation job's do), most of them closed; audit entries a few seconds apart over the same years.
    /// </summary>
    public async Task EnsureRowsAsync(int orders, int auditEntries, Action<string> log, CancellationToken ct)
    {
        await using var db = Context();
        var assignments = await db.Assignments.AsNoTracking().OrderBy(a => a.Id).Select(a => new { a.Id, a.TaskId, a.OrganizationId }).ToListAsync(ct);
        var haveOrders = await db.Set<SupervisionOrder>().CountAsync(ct);
        var firstOrder = (await db.Set<SupervisionOrder>().MaxAsync(o => (long?)o.Id, ct) ?? 0) + 1;
        var start = new DateTimeOffset(2021, 11, 1, 0, 0, 0, TimeSpan.Zero);
        var statuses = new[] { OrderStatus.Closed, OrderStatus.Closed, OrderStatus.Closed, OrderStatus.Closed, OrderStatus.Closed, OrderStatus.Closed,
            OrderStatus.Answered, OrderStatus.Open, OrderStatus.Overdue, OrderStatus.Returned };
        var newOrders = Enumerable.Range(0, Math.Max(0, orders - haveOrders)).Select(i =>
        {
            var a = assignments[(i * 7919) % assignments.Count];
            var id = firstOrder + i;
            var issued = start.AddDays(i * 1826L / orders).AddHours(8);
            return new SupervisionOrder
            {
                Id = id, Number = $"督办〔bench〕{id}号", TaskId = a.TaskId, AssignmentId = a.Id, OrganizationId = a.OrganizationId, Reason = "逾期未报送进展（基准数据）",
                IssuedAt = issued, IssuedByName = "system", ReplyBy = DateOnly.FromDateTime(issued.UtcDateTime).AddDays(10),
                Status = statuses[(int)(id % statuses.Length)], Origin = OrderOrigin.Automatic, IdempotencyKey = $"bench-order:{id}",
            };
        }).ToList();
        var haveAudit = await db.AuditEntries.CountAsync(ct);
        var firstEntry = (await db.AuditEntries.MaxAsync(e => (long?)e.Id, ct) ?? 0) + 1;
        var actions = new[] { "report.revise", "report.submit", "report.review", "auth.sign-in", "supervision-order.reply", "observation.revise" };
        var newEntries = Enumerable.Range(0, Math.Max(0, auditEntries - haveAudit)).Select(i => new AuditEntry
        {
            Id = firstEntry + i, At = start.AddSeconds(i * (1826L * 86400 / auditEntries)), Actor = $"bench-user-{i % 997}", Action = actions[i % actions.Length],
            EntityType = "report", EntityId = (i % 787_000).ToString(System.Globalization.CultureInfo.InvariantCulture),
            After = """{"state":"InProgress"}""",
        }).ToList();
        if (newOrders.Count + newEntries.Count == 0) return;
        log($"adding {newOrders.Count} 督办单 and {newEntries.Count} audit entries");
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            await CopyAsync(db, newOrders, ct);
            await CopyAsync(db, newEntries, ct);
            foreach (var table in new[] { "supervision_orders", "audit_entries" })
            {
#pragma warning disable EF1002 // table names from the list above, not from input
                await db.Database.ExecuteSqlRawAsync($"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
            }
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE supervision_orders", ct);
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE audit_entries", ct);
        }
        else
        {
            foreach (var chunk in newOrders.Chunk(20_000).Cast<IEnumerable<object>>().Concat(newEntries.Chunk(20_000)))
            {
                await using var batch = Context();
                batch.ChangeTracker.AutoDetectChangesEnabled = false;
                batch.AddRange(chunk);
                await batch.SaveChangesAsync(ct);
            }
            await db.Database.ExecuteSqlRawAsync("ANALYZE", ct);
        }
    }

    private async Task CopyAsync<T>(DubanDbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        await using var sink = await CopySink<T>.OpenAsync(db, database.ConnectionString!, ct);
        foreach (var row in rows) await sink.WriteAsync(row, ct);
        await sink.CompleteAsync(ct);
    }

    public async Task<string> CountsAsync(CancellationToken ct)
    {
        await using var db = Context();
        var orders = await db.Set<SupervisionOrder>().CountAsync(ct);
        var entries = await db.AuditEntries.CountAsync(ct);
        var submitted = await db.ProgressReports.CountAsync(r => r.Status == Duban.Core.Tracking.Reporting.ReportStatus.Submitted, ct);
        return string.Create(System.Globalization.CultureInfo.InvariantCulture, $"supervision_orders {orders:N0}, audit_entries {entries:N0}, submitted reports {submitted:N0}");
    }

    public static readonly OrderFilter AllOrders = OrderFilter.Parse("all", null, null, null)!;
    public static readonly OrderFilter ActiveOrders = OrderFilter.Parse("active", null, null, null)!;
    public static readonly AuditFilter WholeLog = new();

    /// <summary>The log's reader: an administrator of scope 全部, who reads every entry.</summary>
    public static readonly Duban.Web.Security.DubanUser LogReader =
        new(1, "admin", "管理员", Duban.Core.Security.Role.Admin, Duban.Core.Security.DataScope.All, null, null, null);

    /// <summary>The cursor of the row <paramref name="fraction"/> of the way down the list (what a reader arrives at by 下一页).</summary>
    public async Task<(string Orders, int OrdersPage, string Audit, int AuditPage, string Queue, int QueuePage)> DeepCursorsAsync(Reader reader, double fraction, CancellationToken ct)
    {
        await using var db = Context();
        var orders = Orders(db, counted: false).Filtered(reader.User, AllOrders);
        var ordersAt = (int)(await orders.CountAsync(ct) * fraction);
        var order = await orders.OrderByDescending(o => o.IssuedAt).ThenByDescending(o => o.Id).Skip(ordersAt).Select(o => new { o.IssuedAt, o.Id }).FirstAsync(ct);
        var log = new AuditQueries(db).Filtered(LogReader, WholeLog);
        var auditAt = (int)(await log.CountAsync(ct) * fraction);
        var entry = await log.OrderByDescending(e => e.At).ThenByDescending(e => e.Id).Skip(auditAt).Select(e => new { e.At, e.Id }).FirstAsync(ct);
        var queue = Reports(db).FilteredReports(reader.User, new ReportFilter(null, null, null, null, null), reviewQueue: true);
        var queueAt = (int)(await queue.CountAsync(ct) * fraction);
        var report = await queue.OrderBy(r => r.SubmittedAt).ThenBy(r => r.Id).Skip(queueAt).Select(r => new { r.SubmittedAt, r.Id }).FirstAsync(ct);
        return (new ListCursor("o", [order.IssuedAt.ToUnixTimeMilliseconds(), order.Id]).Encode(), ordersAt / PageRequest.DefaultPageSize + 1,
            new ListCursor("a", [entry.At.ToUnixTimeMilliseconds(), entry.Id]).Encode(), auditAt / 50 + 1,
            new ListCursor("q", [report.SubmittedAt!.Value.ToUnixTimeMilliseconds(), report.Id]).Encode(), queueAt / PageRequest.DefaultPageSize + 1);
    }

    public async Task<int> OrdersAsync(Reader reader, OrderFilter filter, string? after, CancellationToken ct)
    {
        await using var db = Context();
        return (await Orders(db).PageAsync(reader.User, filter, new KeysetRequest(PageRequest.First, after), ct)).Items.Count;
    }

    /// <summary>As before: a page by number, every row before it skipped, the whole list counted.</summary>
    public async Task<int> OrdersByNumberAsync(Reader reader, OrderFilter filter, int page, CancellationToken ct)
    {
        await using var db = Context();
        return (await Orders(db, counted: false).ListAsync(reader.User, filter, new PageRequest(page, PageRequest.DefaultPageSize), ct)).Items.Count;
    }

    public async Task<int> AuditAsync(string? after, CancellationToken ct)
    {
        await using var db = Context();
        return (await new AuditQueries(db, Counts).ListAsync(LogReader, WholeLog, new KeysetRequest(new PageRequest(1, 50), after), ct)).Items.Count;
    }

    public async Task<int> AuditByNumberAsync(int page, CancellationToken ct)
    {
        await using var db = Context();
        return (await new AuditQueries(db).Filtered(LogReader, WholeLog).OrderByDescending(e => e.At).ThenByDescending(e => e.Id).ToPagedAsync(new PageRequest(page, 50), ct)).Items.Count;
    }

    /// <summary>What the audit page reads besides the page: the actions and kinds of record of its filters.</summary>
    public async Task<int> AuditChoicesAsync(CancellationToken ct)
    {
        await using var db = Context();
        var audit = new AuditQueries(db);
        return (await audit.ActionsAsync(ct)).Count + (await audit.EntityTypesAsync(ct)).Count;
    }

    public async Task<int> QueueAsync(Reader reader, string? after, CancellationToken ct)
    {
        await using var db = Context();
        return (await Reports(db).ListReportsAsync(reader.User, new ReportFilter(null, null, null, null, null), new KeysetRequest(PageRequest.First, after), ct, reviewQueue: true)).Items.Count;
    }

    /// <summary>As before: the 审核 page read every report of the queue and showed the first 50.</summary>
    public async Task<int> WholeQueueAsync(Reader reader, CancellationToken ct)
    {
        await using var db = Context();
        return (await Reports(db).ReportSummariesAsync(reader.User, ReviewQueueFilter.For(new ActingRights(db), reader.User), ct)).Count;
    }
}
