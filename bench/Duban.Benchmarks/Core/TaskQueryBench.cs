using System.Net.Http.Headers;
using System.Net.Http.Json;
using Bogus;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Core;

/// <summary>One reader of the task list: the user as the query sees them, and the API token the HTTP run sends.</summary>
public sealed record Reader(DubanUser User, string Token);

/// <summary>
/// Times the task list as <c>/tasks</c> and <c>/api/v1/tasks</c> serve it (<see cref="PlanQueries.ListTasksAsync"/>,
/// first page, default sort, no filter) for two readers: the reporter of one organisation (scope 本单位, so only the tasks
/// assigned to it) and an inspector of the whole province (scope 本地区及下级, first page and total count). In process,
/// one context per call as per request; over HTTP, through the real application on Kestrel with a Bearer token.
/// </summary>
public sealed class TaskQueryBench(DatabaseOptions database, Dataset world, WorldIds ids)
{
    public const int SampledOrganizations = 50;

    // Built once, as the web application's are: only the context is made per call.
    private readonly DbContextOptions<DubanDbContext> contextOptions = DubanDatabase.CreateOptions(database);

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

    public async Task<KeysetPage<TaskView>> ListAsync(DubanUser user, CancellationToken ct, QueryPlanPrinter? explain = null)
    {
        await using var db = explain?.Context(database) ?? new DubanDbContext(contextOptions);
        return await new PlanQueries(db).ListTasksAsync(user, TaskFilter.None, KeysetRequest.First, ct);
    }

    public Task<Latency> InProcessAsync(string name, IReadOnlyList<Reader> readers, int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, readers, warmup, iterations, r => ListAsync(r.User, ct));

    public static Task<Latency> OverHttpAsync(string name, HttpClient client, IReadOnlyList<Reader> readers, int warmup, int iterations, CancellationToken ct) =>
        Latency.MeasureAsync(name, readers, warmup, iterations, async r =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/tasks");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", r.Token);
            using var response = await client.SendAsync(request, ct);
            response.EnsureSuccessStatusCode();
            // Read to the end: the time includes serialising and sending the page.
            await response.Content.ReadFromJsonAsync<PageTotal>(ct);
        });

    private sealed record PageTotal(int Total);
}
