namespace Duban.Core.Assessments;

/// <summary>What one computation gives: every assessed organisation's points per indicator, each with the facts behind it.</summary>
/// <param name="BaseTotal">The sum of the base indicators' 分值 (100 in the default scheme).</param>
public sealed record ScoreSheet(int Year, DateOnly AsOf, decimal BaseTotal, IReadOnlyList<OrganizationScore> Organizations)
{
    public OrganizationScore? Of(long organizationId) => Organizations.FirstOrDefault(o => o.OrganizationId == organizationId);
}

/// <summary>An organisation's computed total: the sum of its indicators' points.</summary>
public sealed record OrganizationScore(long OrganizationId, string Name, decimal Total, IReadOnlyList<IndicatorScore> Indicators)
{
    public IndicatorScore? Indicator(string code) => Indicators.FirstOrDefault(i => i.Code == code);
}

/// <summary>
/// One indicator's points and how they came about: the rule in words, the arithmetic, and one item per fact looked at.
/// <see cref="Points"/> is the items' sum rounded to two decimals (四舍五入); items not counted add 0 and say why.
/// </summary>
public sealed record IndicatorScore(
    string Code,
    string Name,
    IndicatorKind Kind,
    decimal MaxPoints,
    decimal Points,
    string Rule,
    string Arithmetic,
    IReadOnlyList<ExplanationItem> Items);

/// <summary>What kind of record an explanation item names, so that a page can link to it.</summary>
public enum FactKind
{
    /// <summary>A task (its organisation's assignment): /tasks/{TaskId}.</summary>
    Task,

    /// <summary>A progress report, or its missing: /tasks/{TaskId}.</summary>
    Report,

    /// <summary>A target: /targets/{RefId}.</summary>
    Target,

    /// <summary>A 督办单: /supervision/{RefId}.</summary>
    Order,

    /// <summary>A 约谈 or 通报 flag on the task's timeline: /tasks/{TaskId}/timeline.</summary>
    Flag,

    /// <summary>An entry made for the assessment (a score, a bonus item), with its evidence.</summary>
    Entry,

    /// <summary>A line of the computation itself: nothing to assess, a cap applied.</summary>
    Note,
}

/// <summary>
/// One fact behind an indicator's points: what it is, what the rule made of it and what it adds (a share of the
/// indicator's points, four decimals; 0 when it was looked at and not counted, <see cref="Counted"/> false).
/// </summary>
/// <param name="RefId">The record: the report, target, order, timeline event or entry; null for a task or a note.</param>
/// <param name="TaskId">The task the fact belongs to, when it belongs to one.</param>
/// <param name="EvidenceId">An entry's evidence file.</param>
public sealed record ExplanationItem(
    FactKind Fact,
    long? RefId,
    long? TaskId,
    string Label,
    string Detail,
    decimal Points,
    bool Counted = true,
    long? EvidenceId = null);
