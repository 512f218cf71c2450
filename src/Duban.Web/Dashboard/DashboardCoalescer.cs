using System.Text.Json;
using Duban.Core.Security;
using Duban.Web.Security;
using Microsoft.Extensions.Options;
using HttpJsonOptions = Microsoft.AspNetCore.Http.Json.JsonOptions;

namespace Duban.Web.Dashboard;

/// <summary>
/// The 总览 for many readers at once: readers with the same view (role, data scope and filter) share one computation,
/// never one that began before they asked (<see cref="RequestCoalescer{TKey,TValue}"/>). At province scale one
/// computation takes a few hundred milliseconds of CPU (docs/benchmarks.md), so fifty administrators refreshing it at
/// once would otherwise queue fifty of them.
/// </summary>
public sealed class DashboardCoalescer(IServiceScopeFactory scopes, IOptions<HttpJsonOptions> json)
{
    private readonly RequestCoalescer<View, DashboardView> coalescer = new();
    private readonly RequestCoalescer<View, byte[]> serialized = new();

    // Everything the figures depend on: the visible tasks follow from the role and scope, not from who the user is.
    private sealed record View(Role Role, DataScope Scope, long? OrganizationId, long? RegionId, string? ScopeRegionPath, DashboardFilter Filter);

    public Task<DashboardView> BuildAsync(DubanUser user, DashboardFilter filter, CancellationToken ct) =>
        coalescer.GetAsync(new View(user.Role, user.Scope, user.OrganizationId, user.RegionId, user.ScopeRegionPath, filter), async () =>
        {
            // Its own scope and context: the computation outlives the request that started it if that one is cancelled.
            await using var scope = scopes.CreateAsyncScope();
            return await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(user, filter, CancellationToken.None);
        }, ct);

    /// <summary>
    /// The API's answer, serialized once per computation with the application's JSON options: at province scale it is
    /// megabytes (a row per organisation and period), and writing it for each of fifty waiting readers cost more than
    /// computing it.
    /// </summary>
    public Task<byte[]> JsonAsync(DubanUser user, DashboardFilter filter, CancellationToken ct) =>
        serialized.GetAsync(new View(user.Role, user.Scope, user.OrganizationId, user.RegionId, user.ScopeRegionPath, filter), async () =>
        {
            await using var scope = scopes.CreateAsyncScope();
            var view = await scope.ServiceProvider.GetRequiredService<DashboardQueries>().BuildAsync(user, filter, CancellationToken.None);
            return JsonSerializer.SerializeToUtf8Bytes(view, json.Value.SerializerOptions);
        }, ct);
}
