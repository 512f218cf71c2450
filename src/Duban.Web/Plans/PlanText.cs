using Duban.Core.Plans;
using Duban.Web.Display;

namespace Duban.Web.Plans;

/// <summary>How the pages write plan statuses, deadlines and units.</summary>
public static class PlanText
{
    public static string Name(PlanStatus status) => status switch
    {
        PlanStatus.Draft => "草稿",
        PlanStatus.Published => "已发布",
        PlanStatus.Archived => "已归档",
        _ => status.ToString(),
    };

    /// <summary>2021年7月31日, 长期坚持, or the deadline as written when it has no date (每年12月底前).</summary>
    public static string Deadline(TaskView task)
    {
        if (task.Due is { } due) return task.Ongoing ? ChineseText.Date(due) + "（并长期坚持）" : ChineseText.Date(due);
        if (task.Ongoing) return "长期坚持";
        return string.IsNullOrWhiteSpace(task.DeadlineRaw) ? "—" : task.DeadlineRaw;
    }

    /// <summary>The first characters of a long text, with an ellipsis.</summary>
    public static string Shorten(string text, int length = 80) => text.Length <= length ? text : text[..length] + "…";
}
