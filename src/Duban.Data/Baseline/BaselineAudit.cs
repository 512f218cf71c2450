namespace Duban.Data.Baseline;

/// <summary>The audit actions of the tracking baseline; each entry is saved in the same transaction as its write.</summary>
public static class BaselineAuditActions
{
    public const string ReportState = "baseline.report";
    public const string TrackingStartChange = "plan.tracking-start";

    public const string ReportEntity = "baseline-report";

    public static string? Describe(string action) => action switch
    {
        ReportState => "填报摸底（初始状态）",
        TrackingStartChange => "更改跟踪起始日",
        _ => null,
    };

    public static string? DescribeEntity(string entityType) => entityType switch
    {
        ReportEntity => "摸底报告",
        _ => null,
    };
}
