using Duban.Web.Ledger;
using Duban.Web.Security;

namespace Duban.Web.Cascade;

/// <summary>The cascade as an .xlsx: the tree (one row per node, indented by level), the filings, and the coverage of each task.</summary>
public sealed class CascadeExport(CascadeQueries queries, TimeProvider time)
{
    public sealed record File(byte[] Content, string FileName);

    public async Task<File?> WriteAsync(DubanUser user, long planId, CancellationToken ct)
    {
        var tree = await queries.CascadeAsync(user, planId, ct);
        if (tree is null) return null;
        var requirements = (await queries.RequirementsAsync(user, planId, ct))!;
        var coverage = (await queries.CoverageAsync(user, planId, ct))!;

        var treeSheet = new XlsxSheet("承接树",
            [new("层级", 6), new("计划或单位", 50), new("文号", 20), new("地区", 12), new("报备单位", 24), new("报备状态", 12), new("逾期", 6), new("报备期限", 16), new("承接上级任务", 14)],
            [.. tree.Nodes.Select(n => (IReadOnlyList<XlsxValue>)
            [
                n.Depth, new string('　', n.Depth * 2) + n.Title, n.DocNumber, n.RegionName, n.OrganizationName, n.FilingStateName, n.Late ? "逾期" : "",
                n.Due is { } d ? d : XlsxValue.Empty, n.Depth == 0 ? $"{n.Carried}/{n.Tasks} 项有下级承接" : $"{n.Carried}/{n.Tasks}",
            ])]);
        var filingSheet = new XlsxSheet("备案情况",
            [new("要求", 10), new("备案要求", 50), new("备案机关", 14), new("报备期限", 16), new("报备单位", 24), new("状态", 12), new("逾期", 6), new("报备的计划", 40), new("审核意见", 30)],
            [.. requirements.SelectMany(r => r.Filings.Select(f => (IReadOnlyList<XlsxValue>)
            [
                r.KindName, r.Text, r.Office, r.Due is { } d ? d : XlsxValue.Empty, f.OrganizationName, f.StateName, f.Late ? "逾期" : "", f.LowerPlanTitle, f.Comment,
            ]))]);
        var coverageSheet = new XlsxSheet("任务承接",
            [new("任务编号", 8), new("任务", 50), new("承接情况", 24), new("下级计划", 40), new("下级任务", 50), new("相似度", 8), new("确认", 8), new("下级进展", 10)],
            [.. coverage.Tasks.SelectMany(t => t.Items.Count == 0
                ? [(IReadOnlyList<XlsxValue>)[t.No, t.Text, t.Summary, null, null, XlsxValue.Empty, null, null]]
                : t.Items.Select(i => (IReadOnlyList<XlsxValue>)[t.No, t.Text, t.Summary, i.LowerPlanTitle, $"{i.LowerTaskNo} {i.LowerTaskText}", i.Score, i.StateName, i.LowerStatus]))]);
        var content = XlsxWorkbook.Write(treeSheet, filingSheet, coverageSheet);
        return new File(content, $"计划承接-{planId}-{Core.Tracking.Status.TrackingDay.Today(time):yyyyMMdd}.xlsx");
    }
}
