using System.Globalization;
using Duban.Web.Operations;

namespace Duban.Web.Paging;

/// <summary>
/// Where a page of a list read by key ends, as the text its next and previous links carry (<c>after=</c>,
/// <c>before=</c>): a letter naming the list and its order, then the sort keys of the page's last or first row, whole
/// numbers that are unique together (the last is the row's id), e.g. <c>a.1733500000000.42</c>. A cursor says where,
/// never what may be seen: the reader's scope and filter apply to every page. The task list has its own
/// (<see cref="Plans.TaskCursor"/>), whose keys are typed.
/// </summary>
public sealed record ListCursor(string Kind, IReadOnlyList<long> Keys)
{
    public string Encode() => Kind + "." + string.Join('.', Keys.Select(k => k.ToString(CultureInfo.InvariantCulture)));

    /// <summary>Reads a cursor of the given kind and number of keys; anything else is no cursor.</summary>
    public static ListCursor? Parse(string text, string kind, int keys)
    {
        var parts = text.Split('.');
        if (parts.Length != keys + 1 || parts[0] != kind) return null;
        var numbers = new long[keys];
        for (var i = 0; i < keys; i++)
            if (!long.TryParse(parts[i + 1], NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out numbers[i])) return null;
        return new(kind, numbers);
    }

    /// <summary>A cursor that is not one of this list's (hand-edited, or of another order) names its parameter; <paramref name="unchanged"/> says what must stay as it was.</summary>
    public static OperationError? Check(KeysetRequest request, Func<string, ListCursor?> parse, string? unchanged = null)
    {
        foreach (var (field, text) in new[] { ("after", request.After), ("before", request.Before) })
        {
            if (text is not null && parse(text) is null)
                return new(ErrorKind.Validation,
                    $"{field}（翻页游标）无效：请使用上一次结果中的 next 或 previous{(unchanged is null ? "" : $"，且不要改变{unchanged}")}。", field);
        }
        return null;
    }

    /// <summary>An instant key (stored as Unix milliseconds) read back; out of range is no cursor.</summary>
    public static DateTimeOffset? Instant(long milliseconds) =>
        milliseconds is < -62135596800000 or > 253402300799999 ? null : DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
}

/// <summary>
/// A page cut from the rows read for it: read in the direction of travel, one more than the page size (to know whether
/// one follows), turned back into the list's order, with the rows whose keys the next and previous cursors carry.
/// </summary>
public static class KeysetSlice
{
    public static (List<T> Rows, T? NextFrom, T? PreviousFrom) Cut<T>(List<T> read, KeysetRequest request) where T : class
    {
        var size = request.Page.PageSize;
        var backwards = request.Before is not null;
        var more = read.Count > size;
        if (more) read.RemoveAt(size);
        if (backwards) read.Reverse();
        if (read.Count == 0) return (read, null, null);
        // Forward, a page has one before it when it was reached by a cursor or a page number past the first; backward,
        // one after it always (the cursor's own row), and one before it when the extra row was there.
        var next = backwards || more ? read[^1] : null;
        var previous = backwards ? (more ? read[0] : null) : request.After is not null || request.Page.Skip > 0 ? read[0] : null;
        return (read, next, previous);
    }
}
