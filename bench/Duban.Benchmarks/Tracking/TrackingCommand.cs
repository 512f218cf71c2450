using System.Globalization;
using System.Runtime.InteropServices;
using Duban.Benchmarks.Core;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Tracking;

/// <summary>
/// <c>tracking</c>: builds (or reuses) the province-scale tracking dataset and times the 总览 for the province and for
/// one city, a reporter's 我的任务 and the task list filtered by status, in process and over HTTP. Prints a Markdown
/// summary for docs/benchmarks.md.
/// </summary>
public static class TrackingCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        TrackingOptions options;
        try
        {
            options = TrackingOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(TrackingOptions.Usage);
            return 2;
        }
        var ct = CancellationToken.None;
        if (options.Fresh) await options.DropAsync();
        var database = options.Database();
        var today = ChinaCalendar.Today(DateTimeOffset.UtcNow);
        var shape = new TrackingShape(options.Cities, options.CountiesPerCity, options.Years, options.Seed, today);
        Log($"{options.Provider}: {options.Cities} cities × {options.CountiesPerCity} counties, {options.Years} years of monthly reports from {shape.FirstMonth:yyyy-MM}");
        var bench = new TrackingBench(database);
        await BuildAsync(database, shape, bench, Log, ct);
        Log($"rows: {await CountsAsync(database, ct)}");
        if (options.LoadOnly) return 0;

        var readers = await bench.ReadersAsync(ct);
        Log($"reporter: {readers.ReporterOrganization} ({readers.ReporterAssignments} assignments); city: {readers.CityName}");
        await CheckAsync(bench, readers, ct);
        if (options.TokensFile is { } tokens)
        {
            await File.WriteAllLinesAsync(tokens,
                [$"PROVINCE_TOKEN={readers.Province.Token}", $"CITY_TOKEN={readers.City.Token}", $"REPORTER_TOKEN={readers.Reporter.Token}"], ct);
            Log($"tokens written to {tokens}");
            return 0;
        }
        if (options.Lists) return await ListsAsync(options, database, readers, ct);
        if (options.Explain)
        {
            var printer = new QueryPlanPrinter(options.Provider, Console.Out);
            Console.WriteLine("### 总览, province administrator");
            await bench.DashboardAsync(readers.Province, ct, printer);
            Console.WriteLine("### 我的任务");
            await bench.MyTasksAsync(readers.Reporter, ct, printer);
            return 0;
        }

        // Kept statuses as the application keeps them, and a report revised before each reading: the plan it belongs to
        // is computed again, the others are not. The writes are not timed.
        var kept = new PlanStatusCache(TimeProvider.System);
        var stored = new StoredTaskStatuses(kept, TimeProvider.System);
        var random = new Random(options.Seed);
        Task ReviseAReport(Reader _) => bench.ReviseAReportAsync(random, readers.Reporter.User.Id, ct);
        var results = new List<Latency>
        {
            await Latency.MeasureAsync("总览, province, every plan computed (in process)", [readers.Province], options.Warmup, options.Iterations, r => bench.DashboardAsync(r, ct)),
            await Latency.MeasureAsync("总览, one city, every plan computed (in process)", [readers.City], options.Warmup, options.Iterations, r => bench.DashboardAsync(r, ct)),
            await Latency.MeasureAsync("总览, province, after a report (in process)", [readers.Province], options.Warmup, options.Iterations,
                ReviseAReport, r => bench.DashboardAsync(r, kept, ct)),
            await Latency.MeasureAsync("总览, one city, after a report (in process)", [readers.City], options.Warmup, options.Iterations,
                ReviseAReport, r => bench.DashboardAsync(r, kept, ct)),
            await Latency.MeasureAsync("我的任务 (in process)", [readers.Reporter], options.Warmup, options.Iterations, r => bench.MyTasksAsync(r, ct)),
            await Latency.MeasureAsync("tasks?status=overdue, province, every plan computed (in process)", [readers.Province], options.Warmup, options.Iterations,
                r => bench.TasksByStatusAsync(r, TrackingStatus.Overdue, ct)),
            await Latency.MeasureAsync("tasks?status=overdue, province, after a report (in process)", [readers.Province], options.Warmup, options.Iterations,
                ReviseAReport, r => bench.TasksByStatusAsync(r, TrackingStatus.Overdue, kept, stored, ct)),
        };
        if (!options.NoHttp)
        {
            BenchWebHost.UseContentRootOf(BenchmarkInputs.Root());
            await using var host = new BenchWebHost(database);
            host.StartServer();
            using var client = host.CreateClient();
            results.Add(await Latency.MeasureAsync("GET /api/v1/dashboard, province", [readers.Province], options.Warmup, options.Iterations,
                r => TrackingBench.GetAsync(client, r, "/api/v1/dashboard", ct)));
            results.Add(await Latency.MeasureAsync("GET /api/v1/dashboard, one city", [readers.City], options.Warmup, options.Iterations,
                r => TrackingBench.GetAsync(client, r, "/api/v1/dashboard", ct)));
            // The kept 总览 is not served after a write: these wait for the one changed plan to be computed again.
            results.Add(await Latency.MeasureAsync("GET /api/v1/dashboard, province, after a report", [readers.Province], options.Warmup, options.Iterations,
                ReviseAReport, r => TrackingBench.GetAsync(client, r, "/api/v1/dashboard", ct)));
            results.Add(await Latency.MeasureAsync("GET /api/v1/dashboard, one city, after a report", [readers.City], options.Warmup, options.Iterations,
                ReviseAReport, r => TrackingBench.GetAsync(client, r, "/api/v1/dashboard", ct)));
            results.Add(await Latency.MeasureAsync("GET /my", [readers.Reporter], options.Warmup, options.Iterations,
                r => TrackingBench.GetAsync(client, r, "/my", ct)));
            results.Add(await Latency.MeasureAsync("GET /api/v1/tasks?status=overdue, province", [readers.Province], options.Warmup, options.Iterations,
                r => TrackingBench.GetAsync(client, r, "/api/v1/tasks?status=overdue", ct)));
            results.Add(await Latency.MeasureAsync("GET /api/v1/tasks?status=overdue, province, after a report", [readers.Province], options.Warmup, options.Iterations,
                ReviseAReport, r => TrackingBench.GetAsync(client, r, "/api/v1/tasks?status=overdue", ct)));
        }

        Console.WriteLine();
        Console.WriteLine($"## {options.Provider}, {await CountsAsync(database, ct)}");
        Console.WriteLine();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| call | calls | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Count} | {r.Mean:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} |"));
        return 0;
    }

    /// <summary>
    /// The 督办单, the 审核 queue and the audit log for the province's administrator: the first page and a page 90 % deep
    /// by cursor, with the counts kept as the application keeps them (settled during the warm-up), and the deep page by
    /// number with an exact count, as they were read before.
    /// </summary>
    private static async Task<int> ListsAsync(TrackingOptions options, DatabaseOptions database, TrackingReaders readers, CancellationToken ct)
    {
        var lists = new ListsBench(database);
        await lists.EnsureRowsAsync(options.Orders, options.AuditEntries, Log, ct);
        Log($"rows: {await lists.CountsAsync(ct)}");
        var province = readers.Province;
        var deep = await lists.DeepCursorsAsync(province, 0.9, ct);
        Log($"deep pages: 督办单 {deep.OrdersPage}, audit {deep.AuditPage}, 审核 {deep.QueuePage}");
        if (options.Explain)
        {
            lists.Explain = new QueryPlanPrinter(options.Provider, Console.Out);
            Console.WriteLine($"### 督办单 status=all, page {deep.OrdersPage} by cursor");
            await lists.OrdersAsync(province, ListsBench.AllOrders, deep.Orders, ct);
            Console.WriteLine("### 督办单 status=active, first page");
            await lists.OrdersAsync(province, ListsBench.ActiveOrders, null, ct);
            Console.WriteLine($"### 审核 queue, page {deep.QueuePage} by cursor");
            await lists.QueueAsync(province, deep.Queue, ct);
            Console.WriteLine($"### audit log, page {deep.AuditPage} by cursor");
            await lists.AuditAsync(deep.Audit, ct);
            return 0;
        }
        async Task Settled(Func<Task> call)
        {
            await call();
            await lists.Counts.SettledAsync();
        }
        // The kept counts are made once in the background, as the application makes them; the warm-up waits for them.
        await Settled(() => lists.OrdersAsync(province, ListsBench.AllOrders, null, ct));
        await Settled(() => lists.OrdersAsync(province, ListsBench.ActiveOrders, null, ct));
        await Settled(() => lists.AuditAsync(null, ct));
        await Settled(() => lists.QueueAsync(province, null, ct));
        var (w, n) = (options.Warmup, options.Iterations);
        var results = new List<Latency>
        {
            await Latency.MeasureAsync("督办单 status=active, first page", [province], w, n, r => lists.OrdersAsync(r, ListsBench.ActiveOrders, null, ct)),
            await Latency.MeasureAsync("督办单 status=all, first page", [province], w, n, r => lists.OrdersAsync(r, ListsBench.AllOrders, null, ct)),
            await Latency.MeasureAsync($"督办单 status=all, page {deep.OrdersPage} by cursor", [province], w, n, r => lists.OrdersAsync(r, ListsBench.AllOrders, deep.Orders, ct)),
            await Latency.MeasureAsync($"督办单 status=all, page {deep.OrdersPage} by number, exact count (before)", [province], w, n,
                r => lists.OrdersByNumberAsync(r, ListsBench.AllOrders, deep.OrdersPage, ct)),
            await Latency.MeasureAsync("审核 queue, first page", [province], w, n, r => lists.QueueAsync(r, null, ct)),
            await Latency.MeasureAsync($"审核 queue, page {deep.QueuePage} by cursor", [province], w, n, r => lists.QueueAsync(r, deep.Queue, ct)),
            await Latency.MeasureAsync("审核 queue, every report read (before)", [province], w, n, r => lists.WholeQueueAsync(r, ct)),
            await Latency.MeasureAsync("audit log, first page", [province], w, n, _ => lists.AuditAsync(null, ct)),
            await Latency.MeasureAsync($"audit log, page {deep.AuditPage} by cursor", [province], w, n, _ => lists.AuditAsync(deep.Audit, ct)),
            await Latency.MeasureAsync($"audit log, page {deep.AuditPage} by number, exact count (before)", [province], w, n, _ => lists.AuditByNumberAsync(deep.AuditPage, ct)),
            await Latency.MeasureAsync("audit page's filter choices (distinct actions, kinds)", [province], w, n, _ => lists.AuditChoicesAsync(ct)),
        };
        Console.WriteLine();
        Console.WriteLine($"## {options.Provider}, lists, {await CountsAsync(database, ct)}, {await lists.CountsAsync(ct)}");
        Console.WriteLine();
        Console.WriteLine($"{DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine();
        Console.WriteLine("| call | calls | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Count} | {r.Mean:F1} | {r.P50:F1} | {r.P95:F1} | {r.P99:F1} | {r.Max:F1} |"));
        return 0;
    }

    /// <summary>Imports the plans and bulk-loads the tracking rows, unless a previous run did.</summary>
    public static async Task BuildAsync(DatabaseOptions database, TrackingShape shape, TrackingBench bench, Action<string> log, CancellationToken ct)
    {
        var loader = new TrackingDatasetLoader(database, shape);
        await loader.EnsurePlansAsync(log, ct);
        await using (var db = DubanDatabase.CreateContext(database))
        {
            if (await db.ProgressReports.AnyAsync(ct)) return;
        }
        var readers = await bench.ReadersAsync(ct);
        var started = DateTime.UtcNow;
        TrackingRowCounts counts;
        await using (var sinks = database.Provider == DatabaseProvider.PostgreSQL ? await Sinks.CopyAsync(database, ct) : Sinks.InMemory(database))
        {
            counts = await loader.LoadTrackingAsync(readers.Reporter.User.Id, readers.Province.User.Id, sinks, log, ct);
        }
        log($"tracking rows written in {(DateTime.UtcNow - started).TotalSeconds:F0} s: {counts}");
        if (database.Provider == DatabaseProvider.PostgreSQL)
        {
            await using var db = DubanDatabase.CreateContext(database);
            foreach (var table in new[] { "periods", "progress_reports", "report_revisions", "reviews", "observations", "observation_revisions" })
            {
#pragma warning disable EF1002 // table names from the list above, not from input
                await db.Database.ExecuteSqlRawAsync(
                    $"SELECT setval(pg_get_serial_sequence('{table}', 'Id'), COALESCE((SELECT MAX(\"Id\") FROM \"{table}\"), 0) + 1, false)", ct);
#pragma warning restore EF1002
            }
            // What autovacuum does a little later: statistics for the planner, and the visibility map that index-only scans need.
            await db.Database.ExecuteSqlRawAsync("VACUUM ANALYZE", ct);
        }
        var broken = await ConsistencyAsync(database, ct);
        if (broken.Count > 0) throw new InvalidOperationException("the generated rows are inconsistent: " + string.Join("; ", broken));
        log("consistency checked: every foreign key and latest revision holds");
    }

    /// <summary>
    /// What the bulk load could have got wrong with foreign-key triggers off: rows pointing nowhere, a latest revision
    /// that is not the report's own last one, a submitted report without a submission time.
    /// </summary>
    public static async Task<List<string>> ConsistencyAsync(DatabaseOptions database, CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        var broken = new List<string>();
        async Task Check(string what, IQueryable<object> rows)
        {
            if (await rows.AnyAsync(ct)) broken.Add(what);
        }
        await Check("report without assignment", db.ProgressReports.Where(r => !db.Assignments.Any(a => a.Id == r.AssignmentId)));
        await Check("report without period of its plan", db.ProgressReports.Where(r => !db.Periods.Any(p => p.Id == r.PeriodId && p.PlanId == r.Assignment!.Task!.PlanId)));
        await Check("latest revision not the report's last", db.ProgressReports.Where(r => !db.ReportRevisions.Any(v => v.Id == r.LatestRevisionId && v.ReportId == r.Id && v.Number == r.RevisionCount)));
        await Check("revision without report", db.ReportRevisions.Where(v => !db.ProgressReports.Any(r => r.Id == v.ReportId)));
        await Check("review of another report's revision", db.Reviews.Where(v => !db.ReportRevisions.Any(r => r.Id == v.RevisionId && r.ReportId == v.ReportId)));
        await Check("submitted report without submission time", db.ProgressReports.Where(r => r.Status != Duban.Core.Tracking.Reporting.ReportStatus.Draft && r.SubmittedAt == null));
        await Check("value's latest revision not its last", db.Observations.Where(o => !db.ObservationRevisions.Any(v => v.Id == o.LatestRevisionId && v.ObservationId == o.Id && v.Number == o.RevisionCount)));
        await Check("value without target", db.Observations.Where(o => !db.Targets.Any(t => t.Id == o.TargetId)));
        return broken;
    }

    /// <summary>The dataset must give sensible figures before anything is timed: fast and empty is no result.</summary>
    private static async Task CheckAsync(TrackingBench bench, TrackingReaders readers, CancellationToken ct)
    {
        var province = await bench.DashboardAsync(readers.Province, ct);
        Log($"总览 province: {province.TaskCount} tasks; " + string.Join(", ", province.ByStatus.Select(s => $"{s.Label} {s.Count}"))
            + "; targets " + string.Join(", ", province.Targets.Select(s => $"{s.Label} {s.Count}"))
            + $"; {province.Lagging.Count} organisations lagging; timeliness on time {province.Timeliness.Sum(t => t.OnTime)}, late {province.Timeliness.Sum(t => t.Late)}, missing {province.Timeliness.Sum(t => t.Missing)}");
        var city = await bench.DashboardAsync(readers.City, ct);
        Log($"总览 city: {city.TaskCount} tasks; " + string.Join(", ", city.ByStatus.Select(s => $"{s.Label} {s.Count}")));
        var work = await bench.MyTasksAsync(readers.Reporter, ct);
        Log($"我的任务: {work.Count} rows; " + string.Join(", ", work.GroupBy(w => w.State).Select(g => $"{g.Key} {g.Count()}")));
        if (province.TaskCount == 0 || city.TaskCount == 0 || work.Count == 0 || province.ByStatus.Count(s => s.Count > 0) < 3)
            throw new InvalidOperationException("the dataset gives empty figures; is it loaded?");
    }

    public static async Task<string> CountsAsync(DatabaseOptions database, CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        var counts = new (string Table, int Rows)[]
        {
            ("regions", await db.Regions.CountAsync(ct)), ("organizations", await db.Organizations.CountAsync(ct)), ("plans", await db.Plans.CountAsync(ct)),
            ("tasks", await db.Tasks.CountAsync(ct)), ("assignments", await db.Assignments.CountAsync(ct)), ("targets", await db.Targets.CountAsync(ct)),
            ("periods", await db.Periods.CountAsync(ct)), ("progress_reports", await db.ProgressReports.CountAsync(ct)),
            ("report_revisions", await db.ReportRevisions.CountAsync(ct)), ("reviews", await db.Reviews.CountAsync(ct)),
            ("observations", await db.Observations.CountAsync(ct)), ("observation_revisions", await db.ObservationRevisions.CountAsync(ct)),
        };
        return string.Join(", ", counts.Select(c => string.Create(CultureInfo.InvariantCulture, $"{c.Table} {c.Rows:N0}")));
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
