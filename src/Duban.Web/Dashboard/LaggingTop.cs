namespace Duban.Web.Dashboard;

/// <summary>The organisations beyond the first <see cref="LaggingTop.Shown"/>, summed into one row: 其他 N 个单位.</summary>
public sealed record LaggingOthers(int Organizations, int Overdue, int MissingReports);

/// <summary>
/// The 逾期与缺报 chart and table at province scale: the worst <see cref="Shown"/> organisations and one 其他 bucket
/// instead of a hundred bars; the whole table is one link away (docs/dashboard.md).
/// </summary>
public static class LaggingTop
{
    public const int Shown = 15;

    /// <summary>The first <paramref name="count"/> rows (already worst first) and the rest summed, or null when none is left.</summary>
    public static (IReadOnlyList<OrganizationLag> Top, LaggingOthers? Others) Split(IReadOnlyList<OrganizationLag> rows, int count = Shown)
    {
        if (rows.Count <= count) return (rows, null);
        var rest = rows.Skip(count).ToList();
        return (rows.Take(count).ToList(), new LaggingOthers(rest.Count, rest.Sum(r => r.Overdue), rest.Sum(r => r.MissingReports)));
    }
}
