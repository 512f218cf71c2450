using System.Globalization;
using Duban.Core.Plans;
using Duban.Data.TaskOrder;
using Duban.Web.Operations;
using Duban.Web.Paging;

namespace Duban.Web.Plans;

/// <summary>
/// Where a page of the task list ends, as the text that next and previous links carry (<c>after=</c>, <c>before=</c>):
/// the keys of its last or first task in the list's sort (<see cref="TaskKeyset"/>). A cursor says where, never what may
/// be seen: the reader's scope and filter apply to every page.
/// </summary>
public sealed record TaskCursor(TaskSort Sort, TaskPosition Keys)
{
    public string Encode() => Sort == TaskSort.Due
        ? string.Create(CultureInfo.InvariantCulture, $"d.{Keys.DueKey}.{Keys.PlanId}.{Keys.ListOrder}.{Keys.Order}.{Keys.Id}")
        : string.Create(CultureInfo.InvariantCulture, $"n.{Keys.PlanId}.{Keys.ListOrder}.{Keys.Order}.{Keys.Id}");

    /// <summary>Reads a cursor of the given sort; a cursor of the other sort, or anything else, is no cursor.</summary>
    public static TaskCursor? Parse(string text, TaskSort sort)
    {
        var parts = text.Split('.');
        var expected = sort == TaskSort.Due ? 6 : 5;
        if (parts.Length != expected || parts[0] != (sort == TaskSort.Due ? "d" : "n")) return null;
        var numbers = new long[expected - 1];
        for (var i = 1; i < expected; i++)
            if (!long.TryParse(parts[i], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i - 1])) return null;
        var at = 0;
        var due = sort == TaskSort.Due ? numbers[at++] : 0;
        var (plan, list, order, id) = (numbers[at], numbers[at + 1], numbers[at + 2], numbers[at + 3]);
        if (due is < int.MinValue or > int.MaxValue || list is < int.MinValue or > int.MaxValue || order is < int.MinValue or > int.MaxValue) return null;
        return new(sort, new TaskPosition(id, plan, (int)due, (int)list, (int)order));
    }

    /// <summary>A cursor that is not one of this sort's (hand-edited, or of the other sort) names its parameter.</summary>
    public static OperationError? Check(TaskFilter filter, KeysetRequest request)
    {
        foreach (var (field, text) in new[] { ("after", request.After), ("before", request.Before) })
        {
            if (text is not null && Parse(text, filter.Sort) is null)
                return new(ErrorKind.Validation, $"{field}（翻页游标）无效：请使用上一次结果中的 next 或 previous，且不要改变排序方式（sort）。", field);
        }
        return null;
    }
}
