using Duban.Core.Tracking.Status;
using Duban.Web.Display;

namespace Duban.Web.Calendar;

/// <summary>【截止】 the completion deadline (完成时限) of each open task of the feed, on the task's page.</summary>
public sealed class TaskDeadlineEvents(OpenTasks tasks) : ICalendarEventSource
{
    /// <summary>Summaries show this much of a task's text; the description holds all of it.</summary>
    public const int SummaryTextLength = 40;

    public async Task<IReadOnlyList<CalendarEvent>> EventsAsync(CalendarRequest request, CancellationToken ct) =>
        (await tasks.ForAsync(request, ct))
            .Where(t => t.Due is { } due && request.Covers(due))
            .Select(t => new CalendarEvent(
                $"task-deadline-{t.Id}",
                t.Due!.Value,
                $"【截止】任务 {t.No} {Shorten(t.Text, SummaryTextLength)}",
                $"{t.PlanTitle}\n任务 {t.No}：{t.Text}\n完成时限：{ChineseText.Date(t.Due.Value)}\n当前状态：{t.Status.Label()}",
                $"tasks/{t.Id}"))
            .ToList();

    public static string Shorten(string text, int length)
    {
        var flat = string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return flat.Length <= length ? flat : flat[..length] + "…";
    }
}
