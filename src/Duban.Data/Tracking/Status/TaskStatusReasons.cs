using Duban.Core.Tracking.Status;

namespace Duban.Data.Tracking.Status;

/// <summary>A computed task status in the words of <see cref="StatusReasons"/>, for the lists, the dashboard and the ledger.</summary>
public static class TaskStatusReasons
{
    /// <summary>"2 个牵头单位中 1 个已完成" when some but not all of the task's several leads have completed; null otherwise.</summary>
    public static string? LeadsCompleted(this TaskStatusRow row) =>
        StatusReasons.LeadsCompleted(row.Result.Status, row.Assignments.Select(a => (a.Role, a.Result.Status)));

    /// <summary>Whether some but not all of the task's several leads have completed.</summary>
    public static bool PartlyCompleted(this TaskStatusRow row) => row.LeadsCompleted() is not null;

    /// <summary>已完成（逾期完成）, 逾期（2 个牵头单位中 1 个已完成）.</summary>
    public static string StatusLabel(this TaskStatusRow row) => StatusReasons.Label(row.Result, row.LeadsCompleted());
}
