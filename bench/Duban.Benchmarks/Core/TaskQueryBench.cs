using System.Net.Http.Headers;
using Bogus;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.TaskOrder;
using Duban.Data.Tracking.Status;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Duban.Benchmarks.Core;

/// <summary>One reader of the task list: the user as the query sees them, and the API token the HTTP run sends.</summary>
public sealed record Reader(DubanUser User, string Token);

/// <summary>
/// Times the task list as <c>/tasks</c> and <c>/api/v1/tasks</c> serve it (<see cref="PlanQueries.ListTasksAsync"/>,
/// first page, default sort, no filter) for two readers: the reporter of one organisation (scope 本单位, so only the tasks
/// assigned to it) and an inspector of the whole province (scope 本地区及下级, first page and total count). In process,
/// one context per call as per request; over HTTP, through the real application on Kestrel with a Bearer token.
/// </summary>
public sealed class TaskQueryBench
{
    public const int SampledOrganizations = 50;

    private readonly DatabaseOptions database;
    private readonly Dataset world;
    private readonly WorldIds ids;

    // Built once, as the web application's are: only the context is made per call.
    private readonly DbContextOptions<DubanDbContext> contextOptions;

    /// <summary>The long lists' kept counts, as the application keeps them (a singleton counting in the background).</summary>
    public ListCounts Counts { get; }

    public TaskQueryBench(DatabaseOptions database, Dataset world, WorldIds ids)
    {
        (this.database, this.world, this.ids) = (database, world, ids);
        contextOptions = DubanDatabase.CreateOptions(database);
        // The singletons of the application that the task list reads: the clock, the kept statuses (and the statuses
        // stored on the tasks), the kept counts; PlanQueries made per call with its context.
        var services = new ServiceCollection();
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton<ILogger<ListCounts>>(NullLogger<ListCounts>.Instance);
        services.AddSingleton<ListCounts>();
        services.AddSingleton<PlanStatusCache>();
        services.AddSingleton<StoredTaskStatuses>();
        services.AddScoped(_ => new DubanDbContext(contextOptions));
        services.AddScoped<PlanQueries>();
        this.services = services.BuildServiceProvider();
        Counts = this.services.GetRequiredService<ListCounts>();
    }

    private readonly ServiceProvider services;

    /// <summary>Users (made once, then found again by name) for a sample of organisations and for the province.</summary>
    public async Task<(IReadOnlyList<Reader> Organizations, Reader Province)> ReadersAsync(CancellationToken ct)
    {
        var random = new Randomizer(world.Seed);
        var sample = random.ListItems(world.Organizations.ToList(), SampledOrganizations);
        await using var db = DubanDatabase.CreateContext(database);
        var readers = new List<Reader>();
        foreach (var organization in sample)
        {
            var id = ids.Organizations[organization.Index];
            readers.Add(await ReaderAsync(db, $"bench-org-{id}", Role.Reporter, DataScope.Own, id, null, ids.RegionPaths[organization.RegionIndex], ct));
        }
        var province = await ReaderAsync(db, "bench-province", Role.Inspector, DataScope.RegionAndBelow, null, ids.Regions[0], ids.RegionPaths[0], ct);
        return (readers, province);
    }

    public static async Task<Reader> ReaderAsync(DubanDbContext db, string userName, Role role, DataScope scope, long? organizationId, long? regionId,
        string path, CancellationToken ct)
    {
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName, ct);
        if (user is null)
        {
            user = new User
            {
                UserName = userName, DisplayName = userName, Role = role, Scope = scope, OrganizationId = organizationId, RegionId = regionId,
                CreatedAt = DateTimeOffset.UtcNow,
            };
            db.Users.Add(user);
            await db.SaveChangesAsync(ct);
        }
        // A fresh token per run: only hashes are stored, so an earlier run's token cannot be read back.
        var token = ApiTokenFormat.NewToken();
        db.ApiTokens.Add(new ApiToken
        {
            UserId = user.Id, Name = "bench", Prefix = ApiTokenFormat.PrefixOf(token), Hash = ApiTokenFormat.HashOf(token), CreatedAt = DateTimeOffset.UtcNow,
        });
        await db.SaveChangesAsync(ct);
        return new Reader(new DubanUser(user.Id, user.UserName, user.DisplayName, role, scope, organizationId, regionId, path), token);
    }

    /// <summary>
    /// One page of the list as <c>/tasks</c> reads it: the first, or the one after <paramref name="after"/>, unfiltered or
    /// with <paramref name="filter"/> (a status); long lists' counts and statuses kept as the application keeps them.
    /// </summary>
    public async Task<KeysetPage<TaskView>> ListAsync(DubanUser user, CancellationToken ct, QueryPlanPrinter? explain = null, string? after = null, TaskFilter? filter = null,
        TailProbe? probe = null)
    {
        await using var db = explain?.Context(database) ?? probe?.Context(database) ?? new DubanDbContext(contextOptions);
        return await ActivatorUtilities.CreateInstance<PlanQueries>(services, db)
            .ListTasksAsync(user, filter ?? TaskFilter.None, new KeysetRequest(PageRequest.First, after), ct);
    }

    /// <summary>A reader of one city's tasks: an inspector of the first city (scope 本地区及下级).</summary>
    public async Task<Reader> CityReaderAsync(CancellationToken ct)
    {
        var city = world.Below(world.Province.Index).First();
        await using var db = DubanDatabase.CreateContext(database);
        return await ReaderAsync(db, "bench-city", Role.Inspector, DataScope.RegionAndBelow, null, ids.Regions[city.Index], ids.RegionPaths[city.Index], ct);
    }

    public Task<Latency> InProcessAsync(string name, IReadOnlyList<Reader> readers, TaskFilter filter, int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, readers, warmup, iterations, r => ListAsync(r.User, ct, filter: filter));

    /// <summary>
    /// Cursors spread evenly over the reader's whole list (every task's place read once, in the list's order): the pages
    /// a reader reaches by "下一页", from the second to the last.
    /// </summary>
    public async Task<IReadOnlyList<string>> CursorsAsync(DubanUser user, int count, CancellationToken ct)
    {
        await using var db = new DubanDbContext(contextOptions);
        var all = await TaskKeyset.Ordered(await new PlanQueries(db).FilteredTasksAsync(user, TaskFilter.None, ct), byDue: true).Select(TaskPosition.Of).ToListAsync(ct);
        return Enumerable.Range(0, count).Select(i => new TaskCursor(TaskSort.Due, all[(int)((long)i * (all.Count - 1) / Math.Max(1, count - 1))]).Encode()).ToList();
    }

    public Task<Latency> InProcessAsync(string name, IReadOnlyList<Reader> readers, int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, readers, warmup, iterations, r => ListAsync(r.User, ct));

    public Task<Latency> InProcessAfterAsync(string name, Reader reader, IReadOnlyList<string> cursors, int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, cursors, warmup, iterations, c => ListAsync(reader.User, ct, after: c));

    /// <summary>GET <paramref name="path"/> of each case with its reader's token, reading the body to its end (serialising or rendering and sending included).</summary>
    public static Task<Latency> OverHttpAsync<T>(string name, HttpClient client, IReadOnlyList<T> cases, Func<T, (Reader Reader, string Path)> path,
        int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, cases, warmup, iterations, async c =>
        {
            var (reader, address) = path(c);
            using var request = new HttpRequestMessage(HttpMethod.Get, address);
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reader.Token);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            await response.Content.ReadAsByteArrayAsync(ct);
        });

    public static Task<Latency> OverHttpAsync(string name, HttpClient client, IReadOnlyList<Reader> readers, int warmup, int iterations, CancellationToken ct) =>
        OverHttpAsync(name, client, readers, r => (r, "/api/v1/tasks"), warmup, iterations, ct);
}
