using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Duban.Core.Security;
using Duban.Data;
using Duban.Data.Assessments;
using Duban.Data.Bulletins;
using Duban.Web.Assessments;
using Duban.Web.Display;
using Duban.Web.Notices;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;
using Assessment = Duban.Core.Assessments.Assessment;

namespace Duban.Web.Bulletins;

/// <summary>
/// A 通报 as the page and the API read it: the draft (stored, or prefilled from the result when nothing was saved yet),
/// the ranking it shows (the stored standings: the published ones from 公示 on), whether it is issued and whether the
/// reader may edit it.
/// </summary>
/// <param name="Stored">Whether a draft was saved; otherwise <see cref="Draft"/> is the prefilled one.</param>
/// <param name="Version">The ETag for If-Match (an empty id while nothing is stored).</param>
public sealed record BulletinView(
    long AssessmentId, string AssessmentName, int Year, AssessmentStage Stage, string StageLabel, bool Frozen,
    bool Stored, bool Issued, DateTimeOffset? IssuedAt, string? IssuedByName, DateTimeOffset? UpdatedAt, string? UpdatedByName,
    bool CanEdit, BulletinDraft Draft, IReadOnlyList<IndicatorView> Indicators, IReadOnlyList<Standing> Ranking, Guid Version);

/// <summary>The 成效明显县、校 selection of an assessment as the assessment page shows it.</summary>
public sealed record SelectionView(string Rule, IReadOnlyList<Standing> Selected);

/// <summary>
/// 通报 (docs/assessment.md, "通报"): who may read it — before 公示 only the administrators responsible for the
/// assessment, from 公示 on everyone who sees the assessment — its prefilled draft, and its .docx.
/// </summary>
public sealed class BulletinService(DubanDbContext db, AssessmentAccess access, AssessmentResults results, BulletinDesk desk, TimeProvider clock)
{
    public const string NotPublic = "考核结果公示后才能查看通报。";

    /// <summary>The assessment when the user may read its bulletin, and whether the user may edit it.</summary>
    public async Task<(Assessment Assessment, bool Administers)?> ReadableAsync(DubanUser user, long assessmentId, CancellationToken ct)
    {
        if (await access.FindAsync(user, assessmentId, ct) is not { } assessment) return null;
        var administers = user.Role == Role.Admin && await access.AdministersAsync(user, assessment, ct);
        return administers || assessment.Stage.Frozen() ? (assessment, administers) : null;
    }

    public async Task<BulletinView?> ReadAsync(DubanUser user, long assessmentId, CancellationToken ct)
    {
        if (await ReadableAsync(user, assessmentId, ct) is not var (assessment, administers)) return null;
        var stored = await desk.FindAsync(assessmentId, ct);
        var (facts, definition) = await FactsAsync(user, assessment, ct);
        var draft = stored?.Content ?? BulletinPrefill.Draft(facts);
        return new BulletinView(assessment.Id, assessment.Name, assessment.Year, assessment.Stage, assessment.Stage.Label(), assessment.Stage.Frozen(),
            stored is not null, stored?.IssuedAt is not null, stored?.IssuedAt, stored?.IssuedByName, stored?.UpdatedAt, stored?.UpdatedByName,
            administers && stored?.IssuedAt is null, draft, [.. definition.Indicators.Select(IndicatorView.Of)], facts.Standings, stored?.Version ?? Guid.Empty);
    }

    /// <summary>The selection, for those who see the whole ranking: everyone from 公示 on, the responsible administrators before.</summary>
    public async Task<SelectionView?> SelectionAsync(DubanUser user, long assessmentId, CancellationToken ct)
    {
        if (await ReadableAsync(user, assessmentId, ct) is not var (assessment, _) || assessment.CurrentRunId is not { } runId) return null;
        var definition = await DefinitionOfRunAsync(runId, ct);
        var selection = definition.EffectiveSelection;
        return new SelectionView(selection.Describe(), selection.Select(await results.StandingsAsync(assessment, ct)));
    }

    private async Task<SchemeDefinition> DefinitionOfRunAsync(long runId, CancellationToken ct) =>
        await results.DefinitionAsync(await db.Set<AssessmentRun>().Where(r => r.Id == runId).Select(r => r.SchemeVersionId).SingleAsync(ct), ct);

    /// <summary>What the prefilled draft is drawn from: the stored standings and scores of the current (from 公示 on, the published) run.</summary>
    private async Task<(BulletinFacts Facts, SchemeDefinition Definition)> FactsAsync(DubanUser user, Assessment assessment, CancellationToken ct)
    {
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleAsync(s => s.Id == assessment.SchemeId, ct);
        var region = await db.Regions.Where(r => r.Id == scheme.RegionId).Select(r => r.Name).SingleAsync(ct);
        var plan = scheme.PlanId is { } planId ? await db.Plans.Where(p => p.Id == planId).Select(p => p.Title).SingleOrDefaultAsync(ct) : null;
        var sheet = await results.SheetAsync(assessment.CurrentRunId, ct);
        var definition = assessment.CurrentRunId is { } runId ? await DefinitionOfRunAsync(runId, ct) : new SchemeDefinition([], [], GradeBands.Default);
        var standings = await results.StandingsAsync(assessment, ct);
        DateOnly? published = assessment.PublishedAt is { } at ? DateOnly.FromDateTime(ChineseText.ToChinaTime(at).DateTime) : null;
        var facts = new BulletinFacts(assessment.Year, scheme.Name, region, plan, sheet?.AsOf ?? Today, published, standings, definition.Indicators,
            definition.EffectiveSelection, (sheet?.Organizations ?? []).ToDictionary(o => o.OrganizationId), await OfficeAsync(user, scheme.RegionId, region, ct), Today);
        return (facts, definition);
    }

    private DateOnly Today => DateOnly.FromDateTime(ChineseText.ToChinaTime(clock.GetUtcNow()).DateTime);

    /// <summary>
    /// Who signs: the education bureau of the scheme's region (清河市教育局), which runs 督导评估; without one, the
    /// organisation of the administrator reading it; failing both, the region's name with 教育局, to be corrected.
    /// </summary>
    public async Task<string> OfficeAsync(DubanUser user, long regionId, string regionName, CancellationToken ct)
    {
        var bureaus = await db.Organizations.AsNoTracking().Where(o => o.RegionId == regionId && o.IsActive)
            .OrderBy(o => o.Id).Select(o => o.Name).ToListAsync(ct);
        if (bureaus.FirstOrDefault(n => n.EndsWith("教育局", StringComparison.Ordinal) || n.EndsWith("教育厅", StringComparison.Ordinal)) is { } bureau) return bureau;
        if (user is { Role: Role.Admin, OrganizationId: { } own }
            && await db.Organizations.Where(o => o.Id == own).Select(o => o.Name).SingleOrDefaultAsync(ct) is { Length: > 0 } name) return name;
        return regionName + "教育局";
    }

    public static string FileName(BulletinView view) => $"{view.AssessmentName}-通报.docx";

    /// <summary>The 通报 in the order and words offices use, its ranking table from the stored standings.</summary>
    public static OfficialDocument Compose(BulletinView view)
    {
        var d = view.Draft;
        var paragraphs = new List<DocumentParagraph> { new(DocumentPart.Title, d.Title) };
        if (d.DocNumber.Length > 0) paragraphs.Add(new(DocumentPart.Number, d.DocNumber));
        paragraphs.Add(new(DocumentPart.Recipient, d.Recipients + "："));
        paragraphs.AddRange(d.Paragraphs.Select(p => new DocumentParagraph(DocumentPart.Body, p)));
        var heading = 0;
        string Next(string text) => $"{Numerals[heading++]}、{text}";

        paragraphs.Add(new(DocumentPart.Heading, Next("考核结果")));
        var counts = Enum.GetValues<Grade>().Select(g => (Grade: g, Count: view.Ranking.Count(s => s.Grade == g))).Where(x => x.Count > 0)
            .Select(x => $"{x.Grade.Label()} {x.Count} 个");
        paragraphs.Add(new(DocumentPart.Body, $"本次共考核 {view.Ranking.Count} 个单位，其中{string.Join("、", counts)}。各单位得分和名次如下表。"));
        paragraphs.Add(new(DocumentPart.Table, "考核结果排名", RankingTable(view)));
        if (d.Praise.Count > 0)
        {
            paragraphs.Add(new(DocumentPart.Heading, Next("通报表扬")));
            paragraphs.Add(new(DocumentPart.Body, "对以下单位予以通报表扬："));
            paragraphs.AddRange(d.Praise.Select((m, i) => new DocumentParagraph(DocumentPart.Body, $"{i + 1}. {m.Name}：{Sentence(m.Reason)}")));
        }
        if (d.Criticism.Count > 0)
        {
            paragraphs.Add(new(DocumentPart.Heading, Next("通报批评")));
            paragraphs.Add(new(DocumentPart.Body, "对以下单位予以通报批评："));
            paragraphs.AddRange(d.Criticism.Select((m, i) => new DocumentParagraph(DocumentPart.Body, $"{i + 1}. {m.Name}：{Sentence(m.Reason)}")));
        }
        if (d.Closing.Count > 0)
        {
            paragraphs.Add(new(DocumentPart.Heading, Next("工作要求")));
            paragraphs.AddRange(d.Closing.Select(p => new DocumentParagraph(DocumentPart.Body, p)));
        }
        paragraphs.Add(new(DocumentPart.Signature, d.Signature));
        paragraphs.Add(new(DocumentPart.Date, ChineseText.Date(d.Date)));
        return new OfficialDocument(d.Title, paragraphs);
    }

    /// <summary>名次, 单位, 总分, 等次 and each indicator's final points, as the results give them.</summary>
    public static DocumentTable RankingTable(BulletinView view) => new(
        ["名次", "单位", "总分", "等次", .. view.Indicators.Select(i => $"{i.Name}（{Points.Text(i.MaxPoints)}分）")],
        [.. view.Ranking.Select(s => (IReadOnlyList<string>)[
            s.Rank.ToString(System.Globalization.CultureInfo.InvariantCulture), s.Name, Points.Text(s.Total), s.GradeLabel,
            .. view.Indicators.Select(i => s.Indicators.FirstOrDefault(x => x.Code == i.Code) is { } x ? Points.Text(x.Final) : "—")])]);

    private static readonly string[] Numerals = ["一", "二", "三", "四", "五", "六", "七", "八", "九", "十"];

    private static string Sentence(string text) => text.EndsWith('。') ? text : text + "。";
}
