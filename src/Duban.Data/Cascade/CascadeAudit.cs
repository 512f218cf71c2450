namespace Duban.Data.Cascade;

/// <summary>The audit actions of plans that cascade (docs/cascade.md); each entry is saved with its write.</summary>
public static class CascadeAuditActions
{
    public const string LinkPropose = "plan-link.propose";
    public const string LinkSet = "plan-link.set";
    public const string RequirementCreate = "filing-requirement.create";
    public const string RequirementUpdate = "filing-requirement.update";
    public const string FilingMatch = "filing.match";
    public const string FilingFile = "filing.file";
    public const string FilingAccept = "filing.accept";
    public const string FilingReturn = "filing.return";
    public const string FilingEscalate = "filing.escalate";
    public const string FilingRemind = "filing.remind";
    public const string CoverageConfirm = "coverage.confirm";
    public const string CoverageReject = "coverage.reject";

    public const string LinkEntity = "plan-link";
    public const string RequirementEntity = "filing-requirement";
    public const string FilingEntity = "filing";
    public const string CoverageEntity = "coverage";

    public static string? Describe(string action) => action switch
    {
        LinkPropose => "按依据文号关联上级计划（建议）",
        LinkSet => "确认或调整上级依据计划",
        RequirementCreate => "设定下级方案备案要求",
        RequirementUpdate => "修改下级方案备案要求",
        FilingMatch => "导入的下级方案自动对应备案",
        FilingFile => "报送备案",
        FilingAccept => "备案审核通过",
        FilingReturn => "备案退回",
        FilingEscalate => "逾期未备案催办",
        FilingRemind => "备案到期提醒",
        CoverageConfirm => "确认下级计划承接任务",
        CoverageReject => "否定下级计划承接任务",
        _ => null,
    };

    public static string? DescribeEntity(string entityType) => entityType switch
    {
        LinkEntity => "计划关联",
        RequirementEntity => "备案要求",
        FilingEntity => "备案",
        CoverageEntity => "任务承接",
        _ => null,
    };
}
