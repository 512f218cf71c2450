using System.Globalization;
using System.Runtime.InteropServices;
using Microsoft.EntityFrameworkCore;
using Duban.Data;
using Duban.Core.Tracking.Status;
using Duban.Core.Security;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Benchmarks.Core;

/// <summary>
/// <c>core</c>: loads the generated dataset through the import service (or continues a database loaded before) and
/// times the task list for one organisation and for the province, in process and over HTTP. Prints a Markdown summary
/// for docs/benchmarks.md.
/// </summary>
public static class CoreCommand
{
    public static async Task<int> RunAsync(IReadOnlyList<string> args)
    {
        CoreOptions options;
        try
        {
            options = CoreOptions.Parse(args);
        }
        catch (Exception e) when (e is ArgumentException or FormatException or InvalidOperationException)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine(CoreOptions.Usage);
            return 2;
        }
        var ct = CancellationToken.None;
        if (options.Fresh) await options.DropAsync();
        var database = options.Database();
        var world = DatasetGenerator.World(options.Seed);
        var loader = new DatasetLoader(database, world);
        Log($"{options.Provider}: {world.Regions.Count} regions, {world.Organizations.Count} organisations, {options.Plans} plans (seed {options.Seed})");
        if (options.CopyFrom is { } copyFrom)
        {
            if (options.Provider != DatabaseProvider.PostgreSQL) throw new InvalidOperationException("--copy-from copies a SQLite dataset into PostgreSQL.");
            var copied = await DatasetCopier.CopyAsync(new DatabaseOptions { DataDirectory = copyFrom }, database, Log, ct);
            Log($"copied from {copyFrom} in {copied.TotalSeconds:F0} s");
        }
        var ids = await loader.EnsureWorldAsync(ct);

        var existing = await loader.PlanCountAsync(ct);
        ImportFigures? sample = null, rest = null;
        if (existing < options.Sample)
        {
            sample = await loader.ImportAsync(ids, existing, options.Sample, null, ct);
            Log($"import sample: {Describe(sample)}");
            existing = options.Sample;
        }
        if (existing < options.Plans)
        {
            rest = await loader.ImportAsync(ids, existing, options.Plans, n => Log($"  {n} plans imported"), ct);
            Log($"import rest: {Describe(rest)}");
        }
        else if (existing > options.Plans)
        {
            Log($"the database already holds {existing} plans (more than --plans {options.Plans}); measuring it as it is");
        }

        var counts = await CountsAsync(database, ct);
        Log($"database: {counts}");
        if (options.LoadOnly) return 0;
        var bench = new TaskQueryBench(database, world, ids);
        var (organizations, province) = await bench.ReadersAsync(ct);
        await CheckScopeAsync(bench, organizations, ct);
        if (options.Explain)
        {
            var printer = new QueryPlanPrinter(options.Provider, Console.Out);
            Console.WriteLine($"### Organisation {organizations[0].User.OrganizationId} (reporter, scope Own)");
            await bench.ListAsync(organizations[0].User, ct, printer);
            Console.WriteLine("### Province (inspector, scope RegionAndBelow)");
            await bench.ListAsync(province.User, ct, printer);
            // Statuses computed (and stored) first, so that the plans printed are those of the list itself.
            var overdueOnly = TaskFilter.None with { Status = TrackingStatus.Overdue };
            await bench.ListAsync(province.User, ct, filter: overdueOnly);
            Console.WriteLine("### Province, ?status=overdue");
            await bench.ListAsync(province.User, ct, printer, filter: overdueOnly);
            Console.WriteLine("### City (inspector, scope RegionAndBelow), ?status=overdue");
            await bench.ListAsync((await bench.CityReaderAsync(ct)).User, ct, printer, filter: overdueOnly);
            return 0;
        }
        if (options.Pages)
        {
            await using var db = DubanDatabase.CreateContext(database);
            var administrator = await TaskQueryBench.ReaderAsync(db, "bench-province-admin", Role.Admin, DataScope.RegionAndBelow, null, ids.Regions[0], ids.RegionPaths[0], ct);
            BenchWebHost.UseContentRootOf(BenchmarkInputs.Root());
            await using var host = new BenchWebHost(database);
            host.StartServer();
            using var client = host.CreateClient();
            // Each page once first: the long lists' counts start in the background and are kept before timing, as in use.
            await PageSweep.CheckAsync(client, administrator, organizations, options.Page, ct);
            await host.Services.GetRequiredService<ListCounts>().SettledAsync();
            // A server in use is warm: the first ~40 s of a process are JIT tier-up, which a warm-up of a tenth of 20 calls
            // left inside the timed calls (docs/benchmarks.md, "Reporter's pages at province scale").
            PrintResults(options, counts, null, null, await PageSweep.RunAsync(client, administrator, organizations, options.Warmup, options.ProvinceIterations, options.Page, ct));
            return 0;
        }
        if (options.Export is { } exportPath)
        {
            await using var db = DubanDatabase.CreateContext(database);
            var administrator = await TaskQueryBench.ReaderAsync(db, "bench-province-admin", Role.Admin, DataScope.RegionAndBelow, null, ids.Regions[0], ids.RegionPaths[0], ct);
            BenchWebHost.UseContentRootOf(BenchmarkInputs.Root());
            await using var host = new BenchWebHost(database);
            host.StartServer();
            using var client = host.CreateClient();
            client.Timeout = TimeSpan.FromMinutes(30);
            // The application warmed up on a small call; then each export measured on its own (the first one may also store statuses).
            await TaskQueryBench.OverHttpAsync("warm-up", client, [administrator], 0, 1, ct);
            var runs = new List<ExportFigures>();
            for (var run = 0; run < options.ExportRuns; run++)
            {
                runs.Add(await ExportProbe.RunAsync(client, administrator, exportPath, ct));
                Log($"export {run + 1}: {runs[^1]}");
            }
            Console.WriteLine();
            Console.WriteLine($"## {options.Provider}, {counts} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)");
            ExportProbe.Print(runs);
            return 0;
        }
        if (options.Tail)
        {
            // The organisation's list call by call (docs/benchmarks.md, "One organisation's list on PostgreSQL").
            var probe = new TailProbe();
            var overdueOnly = TaskFilter.None with { Status = TrackingStatus.Overdue };
            await bench.ListAsync(province.User, ct, filter: overdueOnly);
            string Name(Reader r) => r.User.OrganizationId!.Value.ToString(CultureInfo.InvariantCulture);
            TailProbe.Print("organisation, first page, in process", await probe.RunAsync(organizations, Name, options.Warmup, options.Iterations,
                r => bench.ListAsync(r.User, ct, probe: probe)), Console.Out);
            TailProbe.Print("organisation, first page, in process, again", await probe.RunAsync(organizations, Name, options.Warmup, options.Iterations,
                r => bench.ListAsync(r.User, ct, probe: probe)), Console.Out);
            TailProbe.Print("organisation, ?status=overdue, in process", await probe.RunAsync(organizations, Name, options.Warmup, options.Iterations,
                r => bench.ListAsync(r.User, ct, filter: overdueOnly, probe: probe)), Console.Out);
            return 0;
        }
        var orgTotals = new List<int>();
        foreach (var reader in organizations) orgTotals.Add((await bench.ListAsync(reader.User, ct)).Total);
        var provinceTotal = (await bench.ListAsync(province.User, ct)).Total;
        Log($"organisation task counts: min {orgTotals.Min()}, median {orgTotals.Order().ElementAt(orgTotals.Count / 2)}, max {orgTotals.Max()}; province: {provinceTotal}");

        // The province's count is kept (ListCounts): counted in the background on the first call, as the application does.
        await bench.Counts.SettledAsync();
        var cursors = await bench.CursorsAsync(province.User, options.ProvinceIterations, ct);
        var results = new List<Latency>
        {
            await bench.InProcessAsync("organisation, in process", organizations, options.Warmup, options.Iterations, ct),
            await bench.InProcessAsync("province, in process", [province], ProvinceWarmup(options), options.ProvinceIterations, ct),
            await bench.InProcessAfterAsync("province, page after a cursor spread over the list, in process", province, cursors, ProvinceWarmup(options), options.ProvinceIterations, ct),
        };
        // The list filtered by status (the 总览's links). The first call computes every plan's statuses (and, where they
        // are stored on the tasks, writes them): timed once, apart; then what readers get, the statuses kept.
        var city = await bench.CityReaderAsync(ct);
        var overdue = TaskFilter.None with { Status = TrackingStatus.Overdue };
        var inProgress = TaskFilter.None with { Status = TrackingStatus.InProgress };
        var started = System.Diagnostics.Stopwatch.StartNew();
        var overdueTotal = (await bench.ListAsync(province.User, ct, filter: overdue)).Total;
        Log($"first status-filtered list (every plan's statuses computed): {started.Elapsed.TotalMilliseconds:F0} ms; province overdue: {overdueTotal}, "
            + $"in progress: {(await bench.ListAsync(province.User, ct, filter: inProgress)).Total}, city overdue: {(await bench.ListAsync(city.User, ct, filter: overdue)).Total}");
        await bench.Counts.SettledAsync();
        results.Add(await bench.InProcessAsync("province, ?status=overdue, in process", [province], overdue, ProvinceWarmup(options), options.ProvinceIterations, ct));
        results.Add(await bench.InProcessAsync("province, ?status=inProgress, in process", [province], inProgress, ProvinceWarmup(options), options.ProvinceIterations, ct));
        results.Add(await bench.InProcessAsync("city, ?status=overdue, in process", [city], overdue, ProvinceWarmup(options), options.ProvinceIterations, ct));
        results.Add(await bench.InProcessAsync("organisation, ?status=overdue, in process", organizations, overdue, ProvinceWarmup(options), options.ProvinceIterations, ct));
        BenchWebHost.UseContentRootOf(BenchmarkInputs.Root());
        await using (var host = new BenchWebHost(database))
        {
            host.StartServer();
            using var client = host.CreateClient();
            // The application's first province call starts its background count; time what readers get once it is kept.
            await TaskQueryBench.OverHttpAsync("warm-up", client, [province], 0, 1, ct);
            await host.Services.GetRequiredService<ListCounts>().SettledAsync();
            results.Add(await TaskQueryBench.OverHttpAsync("organisation, HTTP", client, organizations, options.Warmup, options.Iterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("province, HTTP", client, [province], ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("province, HTTP, after a cursor", client, cursors, c => (province, $"/api/v1/tasks?after={c}"),
                ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("organisation, page /tasks", client, organizations, r => (r, "/tasks"), ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("province, page /tasks", client, [province], r => (r, "/tasks"), ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("province, page /tasks after a cursor", client, cursors, c => (province, $"/tasks?page=2&after={c}"),
                ProvinceWarmup(options), options.ProvinceIterations, ct));
            await TaskQueryBench.OverHttpAsync("warm-up", client, [province, city], r => (r, "/api/v1/tasks?status=overdue"), 0, 2, ct);
            await host.Services.GetRequiredService<ListCounts>().SettledAsync();
            results.Add(await TaskQueryBench.OverHttpAsync("province, HTTP ?status=overdue", client, [province], r => (r, "/api/v1/tasks?status=overdue"),
                ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("city, HTTP ?status=overdue", client, [city], r => (r, "/api/v1/tasks?status=overdue"),
                ProvinceWarmup(options), options.ProvinceIterations, ct));
            results.Add(await TaskQueryBench.OverHttpAsync("province, page /tasks?status=overdue", client, [province], r => (r, "/tasks?status=overdue"),
                ProvinceWarmup(options), options.ProvinceIterations, ct));
        }

        PrintResults(options, counts, sample, rest, results);
        return 0;
    }

    private static void PrintResults(CoreOptions options, string counts, ImportFigures? sample, ImportFigures? rest, IReadOnlyList<Latency> results)
    {
        Console.WriteLine();
        Console.WriteLine($"## {options.Provider}, {counts} ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC, {RuntimeInformation.FrameworkDescription}, {Environment.ProcessorCount} cores)");
        Console.WriteLine();
        if (sample is not null) Console.WriteLine($"- import, first {sample.Plans} plans: {Describe(sample)}");
        if (rest is not null) Console.WriteLine($"- import, the other {rest.Plans} plans: {Describe(rest)}");
        Console.WriteLine();
        Console.WriteLine("| query | calls | mean ms | p50 ms | p95 ms | p99 ms | max ms |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {r.Name} | {r.Count} | {r.Mean:F2} | {r.P50:F2} | {r.P95:F2} | {r.P99:F2} | {r.Max:F2} |"));
    }

    /// <summary>Fails the run if the organisation query returns a task not assigned to the organisation: fast and wrong is no result.</summary>
    private static async Task CheckScopeAsync(TaskQueryBench bench, IReadOnlyList<Reader> readers, CancellationToken ct)
    {
        foreach (var reader in readers.Take(5))
        {
            var page = await bench.ListAsync(reader.User, ct);
            var stray = page.Items.FirstOrDefault(t => t.Leads.Concat(t.Cooperating).All(u => u.OrganizationId != reader.User.OrganizationId));
            if (stray is not null) throw new InvalidOperationException($"task {stray.Id} is listed for organisation {reader.User.OrganizationId} without being assigned to it");
        }
    }

    private static async Task<string> CountsAsync(DatabaseOptions database, CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        return $"{await db.Plans.CountAsync(ct):N0} plans, {await db.Tasks.CountAsync(ct):N0} tasks, {await db.Assignments.CountAsync(ct):N0} assignments, "
               + $"{await db.Organizations.CountAsync(ct):N0} organisations";
    }

    private static string Describe(ImportFigures f) => string.Create(CultureInfo.InvariantCulture,
        $"{f.Plans} plans, {f.Tasks} tasks, {f.Assignments} assignments in {f.Elapsed.TotalSeconds:F1} s = {f.PlansPerSecond:F1} plans/s, {f.TasksPerSecond:F0} tasks/s")
        + (f.OrganizationsCreated > 0 ? $" ({f.OrganizationsCreated} organisations created for unmatched units)" : "");

    /// <summary>The province query takes long at full size: fewer calls, and a few to warm up.</summary>
    private static int ProvinceWarmup(CoreOptions options) => Math.Max(3, options.ProvinceIterations / 10);

    private static void Log(string message) => Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {message}");
}
