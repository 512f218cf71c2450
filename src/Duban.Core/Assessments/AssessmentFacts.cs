using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;

namespace Duban.Core.Assessments;

/// <summary>
/// Everything the scorer reads, as of one day: per assessed organisation, the facts the platform keeps about its work
/// in the assessment year. Filled by the storage side (Duban.Data/Assessments/AssessmentFactsReader) from tasks,
/// reports, reviews, values, 督办单, timeline flags and the entries made for the assessment; nothing after
/// <see cref="AsOf"/> is in it, so the same data gives the same facts whenever they are read.
/// </summary>
/// <param name="AsOf">考核截止日: 31 December of the year, or the day of computation while the year is running.</param>
public sealed record AssessmentFacts(int Year, DateOnly AsOf, IReadOnlyList<OrganizationFacts> Organizations)
{
    public DateOnly YearStart => new(Year, 1, 1);

    public DateOnly YearEnd => new(Year, 12, 31);
}

/// <summary>One assessed organisation's facts; each list is the organisation's own.</summary>
public sealed record OrganizationFacts(
    long OrganizationId,
    string Name,
    IReadOnlyList<AssignmentFact> Assignments,
    IReadOnlyList<PeriodReportFact> PeriodReports,
    IReadOnlyList<ReviewedReportFact> ReviewedReports,
    IReadOnlyList<TargetFact> Targets,
    IReadOnlyList<OrderFact> Orders,
    IReadOnlyList<FlagFact> Flags,
    IReadOnlyList<EntryFact> Entries)
{
    public static OrganizationFacts Empty(long organizationId, string name) => new(organizationId, name, [], [], [], [], [], [], []);
}

/// <summary>A task as an explanation names it: 《plan》 任务 no.</summary>
public sealed record TaskRef(long TaskId, string No, string Text, string PlanTitle)
{
    public string Label => $"任务 {No}：{Shorten(Text, 40)}";

    public static string Shorten(string text, int length)
    {
        var flat = text.ReplaceLineEndings(" ");
        return flat.Length > length ? flat[..length] + "…" : flat;
    }
}

/// <summary>
/// One of the organisation's assignments (lead or cooperating) with the facts of the status rules as of the
/// assessment day: its latest report approved by then, its last closed period, its baseline.
/// </summary>
public sealed record AssignmentFact(TaskRef Task, AssignmentFacts Status);

public enum ReportTiming
{
    /// <summary>按时报送.</summary>
    OnTime,

    /// <summary>逾期报送: submitted after the period's window closed.</summary>
    Late,

    /// <summary>缺报: not submitted by the assessment day.</summary>
    Missing,
}

/// <summary>How one lead assignment reported for one period of its plan's cycle counted in the year (<see cref="AssessmentPeriods"/>).</summary>
/// <param name="SubmittedOn">The first submission's day, when it came by the assessment day.</param>
public sealed record PeriodReportFact(TaskRef Task, PeriodSpan Period, DateOnly WindowCloses, ReportTiming Timing, long? ReportId, DateOnly? SubmittedOn);

/// <summary>A report first submitted in the year and reviewed by the assessment day: how many times it was returned.</summary>
public sealed record ReviewedReportFact(long ReportId, TaskRef Task, PeriodSpan Period, int Returns, bool Approved);

/// <summary>A target the organisation reports on, with its own values as they stood on the assessment day (saved by then).</summary>
/// <param name="Task">The task the target belongs to; null for a plan-level target.</param>
/// <param name="FirstReportDue">When the first value was owed: the window's close of the first reporting period after the
/// plan was imported. Until then a target without a value is nobody's lapse; null: owed from the start.</param>
public sealed record TargetFact(long TargetId, TaskRef? Task, string Subject, string Raw, TargetFacts Target, IReadOnlyList<ObservationFact> Observations, DateOnly? FirstReportDue = null);

/// <summary>A 督办单 addressed to the organisation, issued in the year, as it stood on the assessment day.</summary>
/// <param name="ReplyBy">The reply date in force.</param>
/// <param name="FirstReplyOn">The day of its first 整改回复, when it came by the assessment day.</param>
/// <param name="ClosedWithoutReply">Closed by the office without any reply (the office settled it, e.g. the task was done).</param>
/// <param name="Returns">How many times the office found the rectification 整改不到位.</param>
/// <param name="Task">The task of a task's order; null for an order on a 备案, which <see cref="Filing"/> names.</param>
public sealed record OrderFact(long OrderId, string Number, TaskRef? Task, DateOnly IssuedOn, DateOnly ReplyBy, DateOnly? FirstReplyOn, bool Closed, bool ClosedWithoutReply, int Returns)
{
    /// <summary>An order on a 备案: 《plan》一县一案实施方案备案.</summary>
    public string? Filing { get; init; }

    public string Subject => Task?.Label ?? Filing ?? "";
}

public enum FlagKind
{
    /// <summary>约谈.</summary>
    Summons,

    /// <summary>通报（通报批评）.</summary>
    Bulletin,
}

/// <summary>A 约谈 or 通报 on the organisation's work in the year (a timeline flag, by the escalation job or the office).</summary>
public sealed record FlagFact(long EventId, TaskRef Task, FlagKind Kind, DateOnly On, string Summary);

/// <summary>A score or bonus item entered for the assessment (现场督导, 加分项), with who entered it and its evidence.</summary>
public sealed record EntryFact(long EntryId, string IndicatorCode, decimal Points, string Comment, string AuthorName, DateOnly On, long? EvidenceId, string? EvidenceName);
