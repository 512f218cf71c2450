namespace Duban.Core.Cascade;

/// <summary>
/// A document a plan says it implements (依据: 根据《…》（甘政发〔2020〕38号）), as the parser read it from the plan's
/// current version. Replaced with every version; <see cref="DocKey"/> is what plan links are matched on.
/// </summary>
public sealed class PlanBasis
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public int Order { get; set; }

    public required string Title { get; set; }

    public string? DocNumber { get; set; }

    /// <summary><see cref="DocNumbers.Key"/> of <see cref="DocNumber"/>.</summary>
    public string? DocKey { get; set; }

    public int SpanStart { get; set; }

    public int SpanEnd { get; set; }
}

/// <summary>A lower plan implementing an upper one (province → city → county → school).</summary>
public sealed class PlanLink
{
    public long Id { get; set; }

    public long LowerPlanId { get; set; }

    public long UpperPlanId { get; set; }

    public LinkState State { get; set; } = LinkState.Proposed;

    /// <summary>The basis document number that proposed the link; null for a link set by hand.</summary>
    public string? DocNumber { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedByName { get; set; }
}

public enum LinkState
{
    /// <summary>Matched on a basis document number; not yet looked at.</summary>
    Proposed = 1,
    Confirmed = 2,
    /// <summary>Removed by hand: not proposed again.</summary>
    Rejected = 3,
}

/// <summary>
/// 备案 requirement: an upper plan asks subordinate plans (一县一案, 一校一案) of named organisations or of every child
/// region's government, filed with an office, by a date. One <see cref="Filing"/> per expected organisation.
/// </summary>
public sealed class FilingRequirement
{
    public long Id { get; set; }

    public long PlanId { get; set; }

    public FilingKind Kind { get; set; }

    /// <summary>The sentence of the plan, or the office's own wording.</summary>
    public required string Text { get; set; }

    /// <summary>Where the plans are filed (市教育局).</summary>
    public string? Office { get; set; }

    public DateOnly? Due { get; set; }

    /// <summary>Every child region's government files (各县（区）); otherwise the organisations of the filings.</summary>
    public bool EveryChildRegion { get; set; }

    /// <summary>Read from the plan's text at import (not yet edited by the office), or set by hand.</summary>
    public bool FromText { get; set; }

    public DateTimeOffset CreatedAt { get; set; }

    public required string CreatedByName { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum FilingKind
{
    /// <summary>一县一案.</summary>
    County = 1,
    /// <summary>一校一案.</summary>
    School = 2,
    Other = 9,
}

/// <summary>One organisation's filing of its subordinate plan under a requirement.</summary>
public sealed class Filing
{
    public long Id { get; set; }

    public long RequirementId { get; set; }

    public long OrganizationId { get; set; }

    /// <summary>The subordinate plan filed (imported in the organisation's region, or an existing plan linked).</summary>
    public long? LowerPlanId { get; set; }

    public FilingState State { get; set; } = FilingState.Pending;

    public DateTimeOffset? FiledAt { get; set; }

    public string? FiledByName { get; set; }

    public DateTimeOffset? ReviewedAt { get; set; }

    public string? ReviewedByName { get; set; }

    /// <summary>The upper office's comment with an acceptance or a return.</summary>
    public string? Comment { get; set; }

    /// <summary>When the late filing was escalated (催办 to the organisation, notice to the office); once.</summary>
    public DateTimeOffset? EscalatedAt { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();
}

public enum FilingState
{
    /// <summary>Nothing filed yet.</summary>
    Pending = 1,
    Filed = 2,
    Accepted = 3,
    /// <summary>Returned by the upper office: to be filed again.</summary>
    Returned = 4,
}

/// <summary>承接: a task of a subordinate plan carrying a task of the upper plan.</summary>
public sealed class Coverage
{
    public long Id { get; set; }

    public long UpperTaskId { get; set; }

    public long LowerPlanId { get; set; }

    public long LowerTaskId { get; set; }

    /// <summary><see cref="CoverageScorer"/>'s score, 0–1; 1 for a pair set by hand.</summary>
    public decimal Score { get; set; }

    public CoverageState State { get; set; } = CoverageState.Proposed;

    public DateTimeOffset? DecidedAt { get; set; }

    public string? DecidedByName { get; set; }
}

public enum CoverageState
{
    Proposed = 1,
    Confirmed = 2,
    Rejected = 3,
}

public static class CascadeLabels
{
    public static string Label(this LinkState state) => state switch
    {
        LinkState.Proposed => "待确认",
        LinkState.Confirmed => "已确认",
        LinkState.Rejected => "已解除",
        _ => state.ToString(),
    };

    public static string Label(this FilingKind kind) => kind switch
    {
        FilingKind.County => "一县一案",
        FilingKind.School => "一校一案",
        _ => "下级方案",
    };

    /// <summary>What a 督办单 on a filing is about (its 事项): 《plan》一县一案实施方案备案.</summary>
    public static string OrderSubject(string planTitle, FilingKind kind) => $"《{planTitle}》{kind.Label()}实施方案备案";

    public static string Label(this FilingState state) => state switch
    {
        FilingState.Pending => "未报备",
        FilingState.Filed => "已报备待审",
        FilingState.Accepted => "已通过",
        FilingState.Returned => "已退回",
        _ => state.ToString(),
    };

    public static string Label(this CoverageState state) => state switch
    {
        CoverageState.Proposed => "建议",
        CoverageState.Confirmed => "已确认",
        CoverageState.Rejected => "已否定",
        _ => state.ToString(),
    };
}

/// <summary>When a filing is late: nothing (or only a returned plan) filed and the due date passed.</summary>
public static class FilingRules
{
    public static bool AwaitsFiling(FilingState state) => state is FilingState.Pending or FilingState.Returned;

    public static bool IsLate(FilingState state, DateOnly? due, DateOnly today) => AwaitsFiling(state) && due is { } d && d < today;
}
