using Duban.Core.Tracking.Attainment;
using Duban.Web.Ledger;
using Duban.Web.Security;

namespace Duban.Web.Comparison;

/// <summary>
/// The comparison as an .xlsx workbook (the ledger's <see cref="XlsxWorkbook"/>): the grid as the page shows it, each
/// cell's value, 达成度 and band filled with the band's colour; the task completion by region; the legend.
/// </summary>
public sealed class ComparisonExport(ComparisonQueries queries)
{
    public const string GridSheet = "指标对比", CompletionSheet = "任务完成情况", LegendSheet = "图例";

    public sealed record File(byte[] Content, string FileName);

    public static XlsxFill FillOf(TargetStatus band) => band switch
    {
        TargetStatus.Achieved => XlsxFill.Green,
        TargetStatus.OnTrack => XlsxFill.Yellow,
        TargetStatus.Lagging => XlsxFill.Red,
        _ => XlsxFill.Grey,
    };

    /// <summary>What the 状态 cell says: the band and the trend's arrow (已达成 ↑).</summary>
    public static string StateText(ComparisonCell cell) => cell.Arrow.Length == 0 ? cell.BandLabel : $"{cell.BandLabel} {cell.Arrow}";

    public async Task<File?> WriteAsync(DubanUser user, long regionId, ComparisonFilter filter, CancellationToken ct)
    {
        if (await queries.BuildAsync(user, regionId, filter, ct) is not { } view) return null;
        var byTarget = filter.Orientation == ComparisonOrientation.Targets;
        var columns = new List<XlsxColumn> { new(byTarget ? "指标" : "地区", 24) };
        if (byTarget) columns.AddRange([new XlsxColumn("目标", 40), new XlsxColumn("单位", 8)]);
        foreach (var c in view.Columns)
            columns.AddRange([new XlsxColumn(c.Label, 12), new XlsxColumn($"{c.Label}·达成度", 10), new XlsxColumn($"{c.Label}·状态", 10)]);
        var rows = view.Rows.Select(r =>
        {
            var row = new List<XlsxValue> { r.Axis.Label };
            if (byTarget) row.AddRange([r.Axis.Detail, r.Axis.Unit]);
            foreach (var cell in r.Cells)
            {
                var fill = FillOf(cell.Band);
                // A ratio is written as offices write it (4.2:5.8), every other value as a number Excel can sum.
                row.Add(cell.Value is not { } value ? new XlsxValue(null, Fill: fill)
                    : cell.ValueText.Contains(':') ? new XlsxValue(cell.ValueText, Fill: fill) : new XlsxValue(value, Fill: fill));
                row.Add(new XlsxValue(cell.Rate, Percent: true, Fill: fill));
                row.Add(new XlsxValue(StateText(cell), Fill: fill));
            }
            return (IReadOnlyList<XlsxValue>)row;
        }).ToList();

        var completion = view.Completion.Select(c => (IReadOnlyList<XlsxValue>)
            [c.Name, c.Tasks, c.DoneOnTime, c.DoneLate, c.Overdue, c.InProgress, XlsxValue.Rate(c.Rate), XlsxValue.Rate(c.OnTimeRate)]).ToList();
        var legend = view.Legend.Select(b => (IReadOnlyList<XlsxValue>)[new XlsxValue(b.Label, Fill: FillOf(b.Band)), b.Description, b.Cells]).ToList();
        // The grid is capped as the page's (ComparisonQueries.MaxTargets): the file says so, as the page does.
        if (view.MoreTargets)
            legend.Add(["说明", $"所选范围内的量化指标超过 {ComparisonQueries.MaxTargets} 个，只列出 {ComparisonQueries.MaxTargets} 个（有填报值的在先）；请选择一个计划导出其全部指标。", (string?)null]);

        var content = XlsxWorkbook.Write(
            new XlsxSheet(GridSheet, columns, rows),
            new XlsxSheet(CompletionSheet,
                [new("地区", 16), new("牵头任务", 10), new("按时完成", 10), new("逾期完成", 10), new("逾期未完成", 10), new("进行中", 10), new("完成率", 10), new("按时完成率", 10)],
                completion),
            new XlsxSheet(LegendSheet, [new("状态", 10), new("含义", 40), new("单元格数", 10)], legend));
        return new File(content, $"地区对比-{view.RegionName}-{view.AsOf:yyyyMMdd}.xlsx");
    }
}
