using System.Net.Http.Headers;
using Duban.Benchmarks.Core;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Duban.Data.Tracking.Status;
using Duban.Core.Tracking.Reporting;
using Duban.Web.Components.Pages.Tracking;
using Duban.Web.Dashboard;
using Duban.Web.Paging;
using Duban.Web.Plans;
using Duban.Web.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Benchmarks.Tracking;

/// <summary>The users the tracking benchmark reads as: the province's administrator, one city's, and a busy reporter.</summary>
public sealed record TrackingReaders(Reader Province, Reader City, Reader Reporter, string CityName, string ReporterOrganization, int ReporterAssignments);

/// <summary>
/// The calls the pages and the API make, in process (one context per call, as per request): the 总览 (<see cref="DashboardQueries"/>),
/// 我的任务 (<see cref="ReporterWorklist"/>) and the task list filtered by status (<see cref="PlanQueries.ListTasksAsync"/>).
/// </summary>
public sealed class TrackingBench(DatabaseOptions database)
{
    private readonly DbContextOptions<DubanDbContext> contextOptions = DubanDatabase.CreateOptions(database);

    /// <summary>
    /// Users made once and found again by name: an administrator of the province (scope 本地区及下级), one of the first
    /// city, and a reporter of the organisation with the most assignments in that city (a bureau with many tasks).
    /// </summary>
    public async Task<TrackingReaders> ReadersAsync(CancellationToken ct)
    {
        await using var db = DubanDatabase.CreateContext(database);
        var province = await db.Regions.AsNoTracking().SingleAsync(r => r.Level == RegionLevel.Province, ct);
        var city = await db.Regions.AsNoTracking().Where(r => r.Level == RegionLevel.City).OrderBy(r => r.Id).FirstAsync(ct);
        var busiest = await db.Assignments.AsNoTracking().Where(a => a.Organization!.Region!.Path.StartsWith(city.Path))
            .GroupBy(a => a.OrganizationId).Select(g => new { Id = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Id).FirstAsync(ct);
        var organization = await db.Organizations.AsNoTracking().SingleAsync(o => o.Id == busiest.Id, ct);
        var reporterRegion = await db.Regions.AsNoTracking().SingleAsync(r => r.Id == organization.RegionId, ct);
        return new TrackingReaders(
            await TaskQueryBench.ReaderAsync(db, "bench-province-admin", Role.Admin, DataScope.RegionAndBelow, null, province.Id, province.Path, ct),
            await TaskQueryBench.ReaderAsync(db, "bench-city-admin", Role.Admin, DataScope.RegionAndBelow, null, city.Id, city.Path, ct),
            await TaskQueryBench.ReaderAsync(db, $"bench-reporter-{organization.Id}", Role.Reporter, DataScope.Own, organization.Id, reporterRegion.Id, reporterRegion.Path, ct),
            city.Name, organization.Name, busiest.Count);
    }

    public DubanDbContext Context(QueryPlanPrinter? explain = null) => explain?.Context(database) ?? new DubanDbContext(contextOptions);

    /// <summary>The 总览 with nothing kept: every plan's statuses computed (as each morning, or after an import).</summary>
    public Task<DashboardView> DashboardAsync(Reader reader, CancellationToken ct, QueryPlanPrinter? explain = null) =>
        DashboardAsync(reader, new PlanStatusCache(TimeProvider.System), ct, explain);

    /// <summary>The 总览 with the statuses <paramref name="kept"/> from earlier calls, as the application keeps them.</summary>
    public async Task<DashboardView> DashboardAsync(Reader reader, PlanStatusCache kept, CancellationToken ct, QueryPlanPrinter? explain = null)
    {
        await using var db = Context(explain);
        var plans = new PlanQueries(db);
        return await new DashboardQueries(db, plans, kept, new ScopedTaskStatuses(db, plans, kept)).BuildAsync(reader.User, new DashboardFilter(null, null), ct);
    }

    /// <summary>
    /// What a reporter does between two readings of the 总览: a new revision of a draft or returned report, with the
    /// content of its latest one, through <see cref="ProgressReporting"/> (audited, as in the application). The report
    /// is drawn from <paramref name="random"/> among all editable reports, so a different plan changes each time.
    /// </summary>
    public async Task ReviseAReportAsync(Random random, long authorId, CancellationToken ct)
    {
        await using var db = Context();
        editable ??= await db.ProgressReports.AsNoTracking().Where(r => r.Status == ReportStatus.Draft || r.Status == ReportStatus.Returned)
            .OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(ct);
        if (editable.Count == 0) throw new InvalidOperationException("the dataset has no draft or returned report to revise");
        var id = editable[random.Next(editable.Count)];
        var report = await db.ProgressReports.AsNoTracking().Where(r => r.Id == id)
            .Select(r => new { r.Assignment!.OrganizationId, r.LatestRevisionId }).SingleAsync(ct);
        var latest = await db.ReportRevisions.AsNoTracking().SingleAsync(v => v.Id == report.LatestRevisionId, ct);
        var reporting = new ProgressReporting(db, TimeProvider.System, new AuditLog(db, TimeProvider.System));
        var outcome = await reporting.ReviseAsync(new TrackingActor(authorId, "bench-reporter", Role.Reporter, report.OrganizationId), id, null,
            new ReportContent(latest.State, latest.PercentComplete, latest.Done, latest.Problems, latest.NextSteps, null), ct);
        if (outcome.Error is { } error) throw new InvalidOperationException($"revising report {id}: {error.Message}");
    }

    private List<long>? editable;

    public async Task<IReadOnlyList<WorkItem>> MyTasksAsync(Reader reader, CancellationToken ct, QueryPlanPrinter? explain = null)
    {
        await using var db = Context(explain);
        var plans = new PlanQueries(db);
        var periods = new ReportingPeriods(db, TimeProvider.System, new AuditLog(db, TimeProvider.System));
        return await new ReporterWorklist(plans, new TrackingQueries(db, plans, periods), periods)
            .ForAsync(reader.User, ChinaCalendar.Today(TimeProvider.System.GetUtcNow()), ct);
    }

    public async Task<KeysetPage<TaskView>> TasksByStatusAsync(Reader reader, TrackingStatus status, CancellationToken ct, QueryPlanPrinter? explain = null)
    {
        await using var db = Context(explain);
        return await new PlanQueries(db).ListTasksAsync(reader.User, TaskFilter.None with { Status = status }, KeysetRequest.First, ct);
    }

    /// <summary>The status-filtered task list with the statuses <paramref name="kept"/> and <paramref name="stored"/> from earlier calls.</summary>
    public async Task<KeysetPage<TaskView>> TasksByStatusAsync(Reader reader, TrackingStatus status, PlanStatusCache kept, StoredTaskStatuses stored, CancellationToken ct)
    {
        await using var db = Context();
        return await new PlanQueries(db, TimeProvider.System, kept, stored: stored).ListTasksAsync(reader.User, TaskFilter.None with { Status = status }, KeysetRequest.First, ct);
    }

    /// <summary>GET <paramref name="path"/> with the reader's token, reading the body to its end.</summary>
    public static async Task GetAsync(HttpClient client, Reader reader, string path, CancellationToken ct)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", reader.Token);
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
        await response.Content.ReadAsByteArrayAsync(ct);
    }
}
