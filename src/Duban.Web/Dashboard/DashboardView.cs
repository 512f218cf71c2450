using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Status;

namespace Duban.Web.Dashboard;

/// <summary>The dashboard's filters: a plan, a region (and every region under it).</summary>
public sealed record DashboardFilter(long? PlanId, long? RegionId)
{
    /// <summary>The query string that carries the filter onto a linked list ("&amp;planId=1&amp;regionId=2", or empty).</summary>
    public string Query =>
        (PlanId is { } plan ? $"&planId={plan}" : "") + (RegionId is { } region ? $"&regionId={region}" : "");
}

/// <summary>A number of tasks with one status, and the task list holding exactly those tasks.</summary>
public sealed record StatusCount(TrackingStatus Status, string Label, int Count, string Link);

/// <summary>Per lead organisation: the tasks it leads that are 逾期, and its lead assignments without a report for the last closed period.</summary>
public sealed record OrganizationLag(long OrganizationId, string Name, int Overdue, string OverdueLink, int MissingReports);

/// <summary>A task due within the next <see cref="DashboardQueries.DeadlineDays"/> days and not completed.</summary>
/// <param name="Explanation">Why a task of several leads is not yet 已完成 though some finished (2 个牵头单位中 1 个已完成); null otherwise.</param>
public sealed record UpcomingDeadline(long TaskId, long PlanId, string No, string Text, DateOnly Due, int DaysLeft, TrackingStatus Status, string StatusLabel, IReadOnlyList<string> Leads)
{
    public string? Explanation { get; init; }
}

/// <summary>
/// One region directly below the 总览's region (the filter's, or the top of the caller's scope), to drill down into:
/// the overdue tasks <see cref="OverdueLink"/> lists (tasks of a plan of the region or with an organisation in it), and
/// the missing reports of the lead organisations in it.
/// </summary>
/// <param name="Link">The 总览 of that region (drill down).</param>
public sealed record RegionLag(long RegionId, string Name, int Overdue, string OverdueLink, int MissingReports, string Link);

/// <summary>A region on the way from the top of the caller's scope to the 总览's region, to climb back up.</summary>
public sealed record RegionStep(long? RegionId, string Name, string Link);

public sealed record TargetCount(TargetStatus Status, string Label, int Count);

/// <summary>How one organisation's lead assignments reported for one closed period.</summary>
public sealed record PeriodTimelinessCount(string Period, DateOnly Start, int OnTime, int Late, int Missing);

/// <summary>An organisation's report timeliness: the totals over the closed periods, and each period.</summary>
public sealed record OrganizationTimeliness(long OrganizationId, string Name, int OnTime, int Late, int Missing, IReadOnlyList<PeriodTimelinessCount> Periods);

/// <summary>The 总览 page and <c>GET /api/v1/dashboard</c> (docs/dashboard.md says what each figure counts).</summary>
public sealed record DashboardView(
    DateOnly Today,
    DashboardFilter Filter,
    int TaskCount,
    string TasksLink,
    IReadOnlyList<StatusCount> ByStatus,
    IReadOnlyList<OrganizationLag> Lagging,
    IReadOnlyList<UpcomingDeadline> Deadlines,
    IReadOnlyList<TargetCount> Targets,
    IReadOnlyList<OrganizationTimeliness> Timeliness)
{
    /// <summary>Tasks of several leads of which some, not all, have completed: counted under their status, not 已完成 (docs/dashboard.md).</summary>
    public int PartlyCompleted { get; init; }

    /// <summary>The task list of exactly those tasks.</summary>
    public string PartlyCompletedLink { get; init; } = "";

    /// <summary>The regions directly below the 总览's region with overdue tasks or missing reports, the worst first.</summary>
    public IReadOnlyList<RegionLag> Regions { get; init; } = [];

    /// <summary>From the top of the caller's scope down to the 总览's region (empty without a region filter).</summary>
    public IReadOnlyList<RegionStep> RegionTrail { get; init; } = [];
}
