using Duban.Core.Plans;
using Duban.Core.Tracking.Baseline;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Core.Tracking.Status;

/// <summary>The latest approved (通过) report of an assignment: what it declares and when it was submitted.</summary>
/// <param name="Percent">Percent complete, for tasks with a deadline; null when not given.</param>
/// <param name="SubmittedOn">The day the approved revision was submitted: when a 已完成 counts as reached (for the late flag).</param>
public sealed record ApprovedReport(ReportedState State, int? Percent, DateOnly SubmittedOn);

/// <summary>Whether the last reporting period whose submission window has closed has a report from the assignment.</summary>
public enum ClosedPeriodReport
{
    /// <summary>No period has closed yet (the plan or the cycle has just begun): nothing can be missing.</summary>
    NoClosedPeriod,

    /// <summary>A report was submitted for it (approved, awaiting review or returned: the organisation did report).</summary>
    Reported,

    /// <summary>No report was submitted for it.</summary>
    Missing,
}

/// <summary>What the status of one assignment depends on; filled by the persistence side.</summary>
/// <param name="Due">The task's deadline (完成时限), null for ongoing or undated tasks.</param>
/// <param name="Ongoing">长期坚持 / 持续实施, or a recurring task (每年, 每季度) without a deadline.</param>
/// <param name="Latest">The latest approved report of this assignment, null when none is approved yet.</param>
/// <param name="Baseline">Where the assignment stands with respect to the plan's tracking start (待摸底, or what its baseline report says); null: not concerned.</param>
public sealed record AssignmentFacts(
    long AssignmentId,
    UnitRole Role,
    DateOnly? Due,
    bool Ongoing,
    ApprovedReport? Latest,
    ClosedPeriodReport LastClosedPeriod,
    BaselineStanding? Baseline = null);

/// <summary>What the status of a task depends on: its deadline and all its assignments (leads and cooperating).</summary>
/// <param name="TrackingStart">The plan's tracking start: a task nobody leads (its only unit was 不作为单位) has no one to
/// state its baseline, so a deadline before it keeps it 待摸底 until the office assigns it.</param>
public sealed record TaskFacts(long TaskId, DateOnly? Due, bool Ongoing, IReadOnlyList<AssignmentFacts> Assignments, DateOnly? TrackingStart = null)
{
    /// <summary>
    /// Reads the deadline from the stored task. A recurring task (每年, 每季度…) without a due date is ongoing for the
    /// rules: it never completes, it is reported every period.
    /// </summary>
    public static TaskFacts From(PlanTask task, IReadOnlyList<AssignmentFacts> assignments) =>
        new(task.Id, task.Due, task.Ongoing || (task.Due is null && task.Recurrence is not null), assignments);
}
