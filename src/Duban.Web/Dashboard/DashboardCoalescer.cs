using System.Collections.Concurrent;
using System.Text.Json;
using Duban.Core.Security;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Tracking.Status;
using Duban.Web.Security;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Duban.Web.Dashboard;

/// <summary>
/// The 总览 for many readers at once: readers with the same view (role, data scope and filter) share one computation,
/// never one that began before they asked (<see cref="RequestCoalescer{TKey,TValue}"/>). At province scale one
/// computation takes a few hundred milliseconds of CPU (docs/benchmarks.md), so fifty administrators refreshing it at
/// once would otherwise queue fifty of them.
/// <para>
/// A computed view is also kept, with the <see cref="DataStamp"/> read before it was asked for, and served again only
/// while the stamp is unchanged: no write since (every write is audited, and the tracking tables only grow) and the
/// same day. The stamp costs a few index lookups; an office reading the 总览 between two reports gets it without the
/// computation, and never older figures than a computation would give.
/// </para>
/// </summary>
public sealed class DashboardCoalescer(IServiceScopeFactory scopes, IOptions<HttpJsonOptions> json, TimeProvider time)
{
    /// <summary>How many views are kept; the province's is megabytes, and there are few distinct views in practice.</summary>
    public const int MaxKeptViews = 32;

    private readonly RequestCoalescer<View, DashboardView> coalescer = new();
    private readonly RequestCoalescer<View, byte[]> serialized = new();
    private readonly ConcurrentDictionary<View, Kept<DashboardView>> keptViews = new();
    private readonly ConcurrentDictionary<View, Kept<byte[]>> keptBodies = new();

    private sealed record Kept<T>(DataStamp Stamp, T Value);

    /// <summary>What the 总览 depends on, cheaply: the day (statuses change with it) and the <see cref="ChangeMarks"/>.</summary>
    private sealed record DataStamp(DateOnly Today, ChangeMarks Marks);

    private async Task<DataStamp> StampAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        return new DataStamp(TrackingDay.Today(time), await ChangeMarks.ReadAsync(scope.ServiceProvider.GetRequiredService<DubanDbContext>(), ct));
    }

    private async Task<T> KeptOrComputedAsync<T>(ConcurrentDictionary<View, Kept<T>> kept, View view, Func<Task<T>> compute, CancellationToken ct)
    {
        var stamp = await StampAsync(ct);
        if (kept.TryGetValue(view, out var found) && found.Stamp == stamp) return found.Value;
        var value = await compute();
        // The stamp was read before the computation began, so the value is at least as new as the stamp says.
        if (kept.Count >= MaxKeptViews) kept.Clear();
        kept[view] = new Kept<T>(stamp, value);
        return value;
    }

    // Everything the figures depend on: the visible tasks follow from the role and scope, not from who the user is.
    private sealed record View(Role Role, DataScope Scope, long? OrganizationId, long? RegionId, string? ScopeRegionPath, DashboardFilter Filter);

    public Task<DashboardView> BuildAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var view = new View(user.Role, user.Scope, user.OrganizationId, user.RegionId, user.ScopeRegionPath, filter);
        return KeptOrComputedAsync(keptViews, view, () => coalescer.GetAsync(view, async () =>
        {
            // Its own scope and context: the computation outlives the request that started it if that one is cancelled.
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(user, filter, CancellationToken.None);
        }, ct), ct);
    }

    /// <summary>
    /// The API's answer, serialized once per computation with the application's JSON options: at province scale it is
    /// megabytes (a row per organisation and period), and writing it for each of fifty waiting readers cost more than
    /// computing it.
    /// </summary>
    public Task<byte[]> JsonAsync(DubanUser user, DashboardFilter filter, CancellationToken ct)
    {
        var view = new View(user.Role, user.Scope, user.OrganizationId, user.RegionId, user.ScopeRegionPath, filter);
        return KeptOrComputedAsync(keptBodies, view, () => serialized.GetAsync(view, async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var figures = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(user, filter, CancellationToken.None);
            return JsonSerializer.SerializeToUtf8Bytes(figures, json.Value.SerializerOptions);
        }, ct), ct);
    }
}
