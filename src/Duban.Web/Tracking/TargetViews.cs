using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Comparator = Duban.Parsing.Model.Comparator;

namespace Duban.Web.Tracking;

/// <param name="TaskId">Null for a plan-level target (总体目标).</param>
/// <param name="Raw">The target as the plan writes it (3个以上, 50%以上).</param>
public sealed record TargetSummary(
    long Id, long PlanId, string PlanTitle, long? TaskId, string? TaskNo, string Subject, Comparator Comparator, decimal Value, decimal? ValueMax,
    string Unit, int? Year, bool PerYear, string Raw);

public sealed record ResponsibleView(long OrganizationId, string Name, bool WholeRegion, string? PartOf);

public sealed record OrganizationValueView(long ObservationId, long OrganizationId, string OrganizationName, decimal Value, string Note, int RevisionCount, DateTimeOffset RevisedAt, Guid Version);

/// <param name="Source">填报 (reported by the region), 汇总 (summed from the counties) or null when there is no figure.</param>
public sealed record RegionFigureView(decimal? Value, RegionFigureSource Source, int Parts, int ExpectedParts, bool Partial, string? Reason);

public sealed record TargetPeriodView(long PeriodId, PeriodKind Kind, DateOnly Start, DateOnly End, string Label, RegionFigureView Figure, IReadOnlyList<OrganizationValueView> Values);

public sealed record AssessmentView(TargetStatus Status, string Label, decimal? Actual, decimal? Rate, bool? Met, DateOnly? Deadline, decimal? Projected, DateOnly? ProjectedAt)
{
    public static AssessmentView Of(TargetAssessment a) => new(a.Status, a.Label, a.Latest?.Actual, a.Latest?.Rate, a.Latest?.Met, a.Deadline, a.Projection?.Value, a.Projection?.At);
}

/// <summary>A target with its values by period (newest first), the region's figure for each, and its assessment on those figures.</summary>
/// <param name="Complete">False when the caller may see only some of the values: then no region figure is made.</param>
/// <param name="ReportsHere">The caller is a reporter of a responsible organisation and may report values.</param>
public sealed record TargetDetail(
    TargetSummary Target, IReadOnlyList<ResponsibleView> Responsible, IReadOnlyList<TargetPeriodView> Periods, AssessmentView Assessment,
    bool Complete, bool ReportsHere);
