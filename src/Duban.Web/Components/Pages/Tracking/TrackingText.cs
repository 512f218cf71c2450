using Duban.Core.Tracking.Reporting;

namespace Duban.Web.Components.Pages.Tracking;

/// <summary>How the tracking pages name report states and review statuses, and how they colour them.</summary>
public static class TrackingText
{
    public static string Name(ProgressState state) => state switch
    {
        ProgressState.NotStarted => "未启动",
        ProgressState.InProgress => "推进中",
        ProgressState.Completed => "已完成",
        ProgressState.Ongoing => "长期推进",
        _ => state.ToString(),
    };

    public static string Name(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "草稿",
        ReportStatus.Submitted => "待审核",
        ReportStatus.Returned => "已退回",
        ReportStatus.Approved => "已通过",
        _ => status.ToString(),
    };

    public static string Badge(ReportStatus status) => status switch
    {
        ReportStatus.Draft => "text-bg-secondary",
        ReportStatus.Submitted => "text-bg-info",
        ReportStatus.Returned => "text-bg-warning",
        _ => "text-bg-success",
    };

    public static string Name(ReviewDecision decision) => decision == ReviewDecision.Approved ? "通过" : "退回";

    public static string Name(WorkState state) => state switch
    {
        WorkState.Returned => "已退回",
        WorkState.Due => "待填报",
        WorkState.Missing => "缺报",
        WorkState.AwaitingReview => "待审核",
        _ => "已通过",
    };

    public static string Badge(WorkState state) => state switch
    {
        WorkState.Returned => "text-bg-warning",
        WorkState.Due => "text-bg-primary",
        WorkState.Missing => "text-bg-danger",
        WorkState.AwaitingReview => "text-bg-info",
        _ => "text-bg-success",
    };

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes / 1024.0 / 1024.0:0.#} MB",
    };

    /// <summary>The download address of an evidence file, relative to the page's base.</summary>
    public static string Download(long evidenceId) => $"api/v1/evidence/{evidenceId}";
}

public static class ReportSummaryText
{
    /// <summary>The report's period as the UI names it: 2026年3月, 2026年第1季度.</summary>
    public static string PeriodLabel(this Duban.Web.Tracking.ReportSummary report) =>
        new Duban.Core.Tracking.Periods.PeriodSpan(report.PeriodKind, report.PeriodStart, report.PeriodEnd).Label;
}
