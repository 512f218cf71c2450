using Duban.Core.Assessments;
using Duban.Data.Assessments;
using Duban.Web.Ledger;
using Duban.Web.Security;

namespace Duban.Web.Assessments;

/// <summary>
/// The ranking as an .xlsx workbook (the ledger's <see cref="XlsxWorkbook"/>): one sheet with the ranking as the page
/// shows it to the reader, one with each indicator's arithmetic for the organisations whose cards the reader may open.
/// </summary>
public sealed class RankingExport(AssessmentQueries queries, AssessmentResults results, AssessmentAccess access)
{
    public sealed record File(byte[] Content, string FileName);

    public async Task<File?> WriteAsync(DubanUser user, long id, CancellationToken ct)
    {
        var ranking = await queries.RankingAsync(user, id, ct);
        if (ranking is null) return null;
        var columns = new List<XlsxColumn> { new("名次", 6), new("单位", 28), new("总分", 9), new("等次", 8), new("计算得分", 10) };
        columns.AddRange(ranking.Indicators.Select(i => new XlsxColumn($"{i.Name}（{Points.Text(i.MaxPoints)}分）", 12)));
        columns.AddRange([new XlsxColumn("上年总分", 10), new XlsxColumn("同比", 8), new XlsxColumn("上年名次", 8)]);
        var rows = ranking.Rows.Select(r =>
        {
            var row = new List<XlsxValue> { r.Rank, r.Name, r.Total, r.GradeLabel, r.ComputedTotal };
            row.AddRange(ranking.Indicators.Select(i => r.Indicators.FirstOrDefault(x => x.Code == i.Code) is { } x ? (XlsxValue)x.Final : XlsxValue.Empty));
            row.Add(r.PreviousTotal is { } p ? p : XlsxValue.Empty);
            row.Add(r.Change is { } c ? c : XlsxValue.Empty);
            row.Add(r.PreviousRank is { } pr ? pr : XlsxValue.Empty);
            return (IReadOnlyList<XlsxValue>)row;
        }).ToList();
        var sheetName = ranking.Frozen ? "考核排名（已公示）" : "考核排名（未公示）";

        var assessment = (await access.FindAsync(user, id, ct))!;
        var explained = new List<IReadOnlyList<XlsxValue>>();
        foreach (var row in ranking.Rows.Where(r => r.CardVisible))
        {
            if (assessment.CurrentRunId is not { } runId || await results.ScoreAsync(runId, row.OrganizationId, ct) is not { } score) continue;
            foreach (var i in score.Indicators)
            {
                var final = row.Indicators.FirstOrDefault(x => x.Code == i.Code);
                explained.Add([row.Name, i.Name, i.Points, final?.Reviewed is { } reviewed ? reviewed : XlsxValue.Empty, i.Arithmetic, i.Rule]);
            }
        }
        var explanation = new XlsxSheet("计算说明",
            [new("单位", 24), new("指标", 16), new("计算得分", 10), new("复核得分", 10), new("算式", 50), new("规则", 60)], explained);
        var content = XlsxWorkbook.Write(new XlsxSheet(sheetName, columns, rows), explanation);
        return new File(content, $"{ranking.Year}年度考核排名-{id}.xlsx");
    }
}
