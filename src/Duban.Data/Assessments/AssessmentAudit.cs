namespace Duban.Data.Assessments;

/// <summary>The audit actions of assessments; each entry is saved in the same transaction as its write, with before and after.</summary>
public static class AssessmentAuditActions
{
    public const string SchemeCreate = "assessment-scheme.create";
    public const string SchemeRevise = "assessment-scheme.revise";
    public const string AssessmentCreate = "assessment.create";
    public const string Recompute = "assessment.recompute";
    public const string SelfScore = "assessment.self-score";
    public const string Entry = "assessment.entry";
    public const string Review = "assessment.review";
    public const string Stage = "assessment.stage";
    public const string EvidenceUpload = "assessment.evidence";

    public const string SchemeEntity = "assessment-scheme";
    public const string AssessmentEntity = "assessment";

    public static string? Describe(string action) => action switch
    {
        SchemeCreate => "创建考核方案",
        SchemeRevise => "修改考核方案（新版本）",
        AssessmentCreate => "发起考核",
        Recompute => "重新计算考核结果",
        SelfScore => "填报自评",
        Entry => "录入考核评分",
        Review => "复核调整得分",
        Stage => "推进考核阶段",
        EvidenceUpload => "上传考核佐证材料",
        _ => null,
    };

    public static string? DescribeEntity(string entityType) => entityType switch
    {
        SchemeEntity => "考核方案",
        AssessmentEntity => "考核",
        _ => null,
    };
}
