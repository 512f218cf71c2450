namespace Duban.Core.Assessments;

/// <summary>
/// What an indicator of an assessment scheme is computed from. Each kind reads facts the platform already keeps
/// (docs/assessment.md, "Rules"); only <see cref="Bonus"/> and <see cref="Manual"/> read what people enter for the
/// assessment itself.
/// </summary>
public enum IndicatorKind
{
    /// <summary>任务完成: the organisation's assignments judged by the status rules as of the assessment day.</summary>
    TaskCompletion = 1,

    /// <summary>按时报送: the reporting periods of its lead assignments, on time / late / missing.</summary>
    ReportTimeliness = 2,

    /// <summary>报送质量: its reviewed reports, approved without being returned.</summary>
    ReportQuality = 3,

    /// <summary>目标达成: the targets it reports on, judged by the attainment rules (direction-aware).</summary>
    TargetAttainment = 4,

    /// <summary>督办响应: the 督办单 addressed to it, answered by the reply date and closed.</summary>
    OrderResponse = 5,

    /// <summary>扣分项: 约谈 and 通报 flags on its work, each worth a fixed deduction, capped.</summary>
    Deduction = 6,

    /// <summary>加分项: items the office records with evidence (awards, demonstration projects), capped.</summary>
    Bonus = 7,

    /// <summary>人工评分: a score an inspector or the office enters (现场督导), with comment and evidence.</summary>
    Manual = 8,
}

public static class IndicatorKindLabels
{
    public static string Label(this IndicatorKind kind) => kind switch
    {
        IndicatorKind.TaskCompletion => "任务完成",
        IndicatorKind.ReportTimeliness => "按时报送",
        IndicatorKind.ReportQuality => "报送质量",
        IndicatorKind.TargetAttainment => "目标达成",
        IndicatorKind.OrderResponse => "督办响应",
        IndicatorKind.Deduction => "扣分项",
        IndicatorKind.Bonus => "加分项",
        IndicatorKind.Manual => "人工评分",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    /// <summary>The indicators whose points are added to the base total (their 分值 sum to the base, 100 by default).</summary>
    public static bool IsBase(this IndicatorKind kind) => kind is not (IndicatorKind.Deduction or IndicatorKind.Bonus);

    /// <summary>The kinds whose facts are entered for the assessment by the office or an inspector (录入).</summary>
    public static bool IsEntered(this IndicatorKind kind) => kind is IndicatorKind.Bonus or IndicatorKind.Manual;
}
