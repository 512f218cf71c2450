using Duban.Core.Tracking.Status;
using Duban.Data.Tracking.Status;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Dashboard;

/// <summary>
/// A task status that explains itself. A task led by several organisations is 已完成 only when every lead is
/// (docs/status-rules.md): approving one lead's 已完成 changes no count, and without a word the office cannot tell why.
/// </summary>
public static class StatusExplanation
{
    /// <summary>"2 个牵头单位中 1 个已完成" when some but not all of several leads have completed; null otherwise.</summary>
    public static string? LeadsCompleted(TaskStatusRow row)
    {
        if (row.Result.Status == TrackingStatus.Completed) return null;
        var leads = row.Assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        if (leads.Count < 2) return null;
        var done = leads.Count(a => a.Result.Status == TrackingStatus.Completed);
        return done == 0 ? null : $"{leads.Count} 个牵头单位中 {done} 个已完成";
    }

    /// <summary>Whether some but not all of the task's several leads have completed.</summary>
    public static bool PartlyCompleted(TaskStatusRow row) => LeadsCompleted(row) is not null;

    /// <summary>The status as a list or a ledger shows it: 已完成（逾期完成）, 逾期（2 个牵头单位中 1 个已完成）.</summary>
    public static string Label(TaskStatusRow row) =>
        row.Result.Label + (row.Result.Late ? "（逾期完成）" : "") + (LeadsCompleted(row) is { } leads ? $"（{leads}）" : "");
}
