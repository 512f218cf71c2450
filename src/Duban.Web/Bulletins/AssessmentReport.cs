using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Duban.Data;
using Duban.Web.Assessments;
using Duban.Web.Display;
using Duban.Web.Notices;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Bulletins;

/// <summary>
/// 督导报告: one assessed organisation's result as a formal document — its total, rank and grade, each indicator's
/// points with the rule, the arithmetic and the facts, the review adjustments with their reasons, its strengths and
/// problems and the 整改要求 for the points it lost (docs/assessment.md, "督导报告"). Read from the score card, so
/// whoever may open the card may download it; nothing is computed again.
/// </summary>
public sealed class AssessmentReport(DubanDbContext db, AssessmentQueries queries, AssessmentAccess access, BulletinService bulletins, TimeProvider clock)
{
    /// <summary>How many facts of one indicator the report lists before saying how many more there are.</summary>
    public const int MaxFactsPerIndicator = 30;

    public async Task<(byte[] Docx, string FileName)?> WriteAsync(DubanUser user, long assessmentId, long organizationId, CancellationToken ct)
    {
        if (await queries.CardAsync(user, assessmentId, organizationId, ct) is not { } card) return null;
        var assessment = (await access.FindAsync(user, assessmentId, ct))!;
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().Where(s => s.Id == assessment.SchemeId).Select(s => new { s.Name, s.RegionId }).SingleAsync(ct);
        var region = await db.Regions.Where(r => r.Id == scheme.RegionId).Select(r => r.Name).SingleAsync(ct);
        var assessed = assessment.CurrentRunId is { } runId ? await db.Set<AssessmentResult>().CountAsync(r => r.RunId == runId, ct) : 0;
        var office = await bulletins.OfficeAsync(user, scheme.RegionId, region, ct);
        var today = DateOnly.FromDateTime(ChineseText.ToChinaTime(clock.GetUtcNow()).DateTime);
        var document = Compose(card, scheme.Name, assessed, office, today);
        return (DocxWriter.Write(document), $"{card.AssessmentName}-督导报告-{card.Name}.docx");
    }

    public static OfficialDocument Compose(ScoreCard card, string schemeName, int assessed, string office, DateOnly date)
    {
        var title = $"{card.Name}{card.Year}年度督导评估报告";
        var p = new List<DocumentParagraph>
        {
            new(DocumentPart.Title, title),
            new(DocumentPart.Recipient, card.Name + "："),
            new(DocumentPart.Body, $"根据《{schemeName.Trim()}》，{office}对你单位{card.Year}年度职业教育改革工作进行了督导评估。评估以督办平台记录的截至"
                + $"{ChineseText.Date(card.AsOf)}的数据为依据，按评分细则逐项计分（第 {card.Run} 次计算，当前阶段：{card.StageLabel}）。现将督导评估情况报告如下。"),
            new(DocumentPart.Heading, "一、总体情况"),
        };
        var total = card.Total == card.ComputedTotal
            ? $"你单位总分 {Points.Text(card.Total)} 分"
            : $"你单位计算得分 {Points.Text(card.ComputedTotal)} 分，经复核调整后总分 {Points.Text(card.Total)} 分";
        var rank = card.Rank is { } r ? $"，在 {assessed} 个被考核单位中列第 {r} 名" : "";
        var grade = card.Grade is { } g ? $"，等次为{g}" : "";
        p.Add(new(DocumentPart.Body, total + rank + grade + "。各项指标得分如下表。"));
        p.Add(new(DocumentPart.Table, "各项指标得分", new DocumentTable(
            ["指标", "分值", "计算得分", "复核后", "最终得分"],
            [.. card.Indicators.Select(i => (IReadOnlyList<string>)[
                i.Score.Name, Points.Text(i.Score.MaxPoints), Points.Text(i.Score.Points), i.Reviewed is { } rv ? Points.Text(rv) : "—", Points.Text(i.Final)])])));

        p.Add(new(DocumentPart.Heading, "二、各项指标得分依据"));
        for (var n = 0; n < card.Indicators.Count; n++)
        {
            var i = card.Indicators[n];
            var s = i.Score;
            p.Add(new(DocumentPart.Body, $"（{Ordinal(n + 1)}）{s.Name}：得 {Points.Text(i.Final)} 分（{(s.Kind == IndicatorKind.Deduction ? "最多扣" : "满分")} {Points.Text(s.MaxPoints)} 分）。"
                + $"评分规则：{Sentence(s.Rule)}计算：{Sentence(s.Arithmetic)}"));
            foreach (var item in s.Items.Take(MaxFactsPerIndicator))
                p.Add(new(DocumentPart.Body, $"{item.Label}：{Sentence(item.Detail)}"));
            if (s.Items.Count > MaxFactsPerIndicator)
                p.Add(new(DocumentPart.Body, $"另有 {s.Items.Count - MaxFactsPerIndicator} 项事实，见督办平台上的得分卡。"));
        }

        p.Add(new(DocumentPart.Heading, "三、复核调整"));
        var names = card.Indicators.ToDictionary(i => i.Score.Code, i => i.Score.Name);
        if (card.Reviews.Count == 0) p.Add(new(DocumentPart.Body, "考核办公室未对你单位的得分作复核调整。"));
        // Reviews are listed newest first on the card; the report tells them in the order they were made.
        foreach (var review in card.Reviews.Reverse())
            p.Add(new(DocumentPart.Body, $"{names.GetValueOrDefault(review.Indicator, review.Indicator)}：由 {Points.Text(review.PreviousPoints)} 分调整为 {Points.Text(review.Points)} 分"
                + $"（计算得分 {Points.Text(review.ComputedPoints)} 分），理由：{Sentence(review.Reason)}（{review.ReviewerName}，{ChineseText.Date(review.CreatedAt)}）"));

        var findings = ReportFindings.Of([.. card.Indicators.Select(i => i.Score)], code => card.Indicators.First(i => i.Score.Code == code).Final);
        p.Add(new(DocumentPart.Heading, "四、主要成效"));
        p.Add(new(DocumentPart.Body, findings.Strengths.Count == 0 ? "本年度没有得满分的指标或加分事项。" : string.Join("；", findings.Strengths) + "。"));

        p.Add(new(DocumentPart.Heading, "五、存在问题"));
        if (findings.Problems.Count == 0) p.Add(new(DocumentPart.Body, "各项指标均未失分。"));
        for (var n = 0; n < findings.Problems.Count; n++)
        {
            var problem = findings.Problems[n];
            p.Add(new(DocumentPart.Body, $"（{Ordinal(n + 1)}）{problem.Indicator}失 {Points.Text(problem.Lost)} 分。"
                + string.Concat(problem.Facts.Take(MaxFactsPerIndicator).Select(f => $"{f.Label}：{Sentence(f.Detail)}"))));
        }

        p.Add(new(DocumentPart.Heading, "六、整改要求"));
        if (findings.Problems.Count == 0) p.Add(new(DocumentPart.Body, "请继续保持，巩固工作成效。"));
        else
        {
            for (var n = 0; n < findings.Problems.Count; n++)
                p.Add(new(DocumentPart.Body, $"（{Ordinal(n + 1)}）{findings.Problems[n].Indicator}：{findings.Problems[n].Requirement}"));
            p.Add(new(DocumentPart.Body, $"请于收到本报告之日起30日内，将整改情况书面报送{office}。"));
        }
        p.Add(new(DocumentPart.Signature, office));
        p.Add(new(DocumentPart.Date, ChineseText.Date(date)));
        return new OfficialDocument(title, p);
    }

    private static readonly string[] Digits = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];

    /// <summary>1 → 一, 12 → 十二, 20 → 二十, 35 → 三十五 (enough for a report's numbered parts).</summary>
    public static string Ordinal(int n) => n switch
    {
        < 10 => Digits[n],
        < 20 => "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        < 100 => Digits[n / 10] + "十" + (n % 10 == 0 ? "" : Digits[n % 10]),
        _ => n.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static string Sentence(string text)
    {
        var t = text.Trim();
        return t.Length == 0 || "。！？；".Contains(t[^1]) ? t : t + "。";
    }
}
