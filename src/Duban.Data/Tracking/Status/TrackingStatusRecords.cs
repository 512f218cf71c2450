using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Data.Tracking.Status;

/// <summary>One assignment's status, and how its organisation reported for the last closed period.</summary>
/// <param name="LastClosed">The plan's last period whose window has closed (null when none has, or none since the plan was imported).</param>
public sealed record AssignmentStatus(
    long AssignmentId,
    long TaskId,
    long OrganizationId,
    UnitRole Role,
    StatusResult Result,
    ClosedPeriodReport LastClosedReport,
    PeriodSpan? LastClosed);

/// <summary>A task's status (from its leads, by <see cref="StatusRules.ForTask(TaskFacts, DateOnly, StatusOptions)"/>) and its assignments' own.</summary>
public sealed record TaskStatusRow(long TaskId, long PlanId, DateOnly? Due, bool Ongoing, StatusResult Result, IReadOnlyList<AssignmentStatus> Assignments);

/// <summary>
/// The assessment of one target's series of values from one organisation; a target nobody has reported yet is one
/// row with <see cref="OrganizationId"/> null and status 无数据.
/// </summary>
/// <param name="LatestValue">The latest value (by period end), with its period; null without data.</param>
public sealed record TargetSeriesStatus(
    long TargetId,
    long PlanId,
    long? TaskId,
    long? OrganizationId,
    TargetAssessment Assessment,
    ReportedValue? LatestValue);

/// <param name="Updated">When the value's latest revision was saved.</param>
public sealed record ReportedValue(PeriodSpan Period, decimal Value, DateTimeOffset Updated);

/// <summary>How one assignment reported for one closed period.</summary>
public enum PeriodTimeliness
{
    /// <summary>按时: submitted within the window.</summary>
    OnTime,

    /// <summary>逾期报送: submitted after the window closed.</summary>
    Late,

    /// <summary>缺报: not submitted.</summary>
    Missing,
}

/// <summary>How one lead assignment reported for one closed period of its plan's cycle.</summary>
public sealed record PeriodReport(long AssignmentId, long TaskId, long OrganizationId, PeriodSpan Period, PeriodTimeliness Timeliness);
