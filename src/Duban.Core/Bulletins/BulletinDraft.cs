using Duban.Core.Assessments;

namespace Duban.Core.Bulletins;

/// <summary>An organisation named in a 通报's 表扬 or 通报批评 list, with the reason the list states.</summary>
/// <param name="OrganizationId">The assessed organisation; null for a line the office typed about someone else.</param>
public sealed record BulletinMention(long? OrganizationId, string Name, string Reason);

/// <summary>
/// What the office may edit of a 通报 (docs/assessment.md, "通报") before it is issued: the words around the ranking.
/// The ranking table itself is not here: it is always the stored result (the published one from 公示 on), never typed.
/// </summary>
/// <param name="DocNumber">发文字号, e.g. 清教督〔2026〕5号; prefilled with blanks to fill (　〔2026〕　号).</param>
/// <param name="Recipients">主送机关, without the closing colon.</param>
/// <param name="Paragraphs">正文 before the ranking: the period, the scheme, how it was done.</param>
/// <param name="Closing">正文 after the lists: the requirements (工作要求).</param>
/// <param name="Signature">发文机关署名.</param>
/// <param name="Date">成文日期.</param>
public sealed record BulletinDraft(
    string Title,
    string DocNumber,
    string Recipients,
    IReadOnlyList<string> Paragraphs,
    IReadOnlyList<BulletinMention> Praise,
    IReadOnlyList<BulletinMention> Criticism,
    IReadOnlyList<string> Closing,
    string Signature,
    DateOnly Date);

/// <summary>One thing wrong with a draft: the JSON field (<c>praise[1].reason</c>) and why, in Chinese.</summary>
public sealed record BulletinProblem(string Field, string Message);

/// <summary>The limits of a draft and its check: every field named, nothing invisible, nothing empty that a 通报 needs.</summary>
public static class BulletinValidation
{
    public const int MaxTitle = 200, MaxDocNumber = 50, MaxRecipients = 500, MaxParagraphs = 30, MaxParagraph = 3000,
        MaxMentions = 500, MaxName = 100, MaxReason = 1000, MaxSignature = 100;

    public static (BulletinDraft? Draft, IReadOnlyList<BulletinProblem> Problems) Check(BulletinDraft? draft)
    {
        var problems = new List<BulletinProblem>();
        if (draft is null) return (null, [new("", "请提交通报的内容。")]);
        void Problem(string field, string message) => problems.Add(new(field, message));

        string Line(string? text, string field, string label, int max, bool required)
        {
            var value = (text ?? "").Trim();
            if (required && value.Length == 0) Problem(field, $"{label}（{field}）不能为空。");
            else if (value.Length > max) Problem(field, $"{label}（{field}）不能超过 {max} 个字符。");
            else if (value.Any(c => char.IsControl(c) || c is '\u200B' or '\u200C' or '\u200D' or '\u2060' or '\uFEFF'))
                Problem(field, $"{label}（{field}）含有不可见字符或换行。");
            return value;
        }

        IReadOnlyList<string> Block(IReadOnlyList<string>? texts, string field, string label)
        {
            var list = texts ?? [];
            if (list.Count > MaxParagraphs) { Problem(field, $"{label}（{field}）不能超过 {MaxParagraphs} 段。"); return []; }
            // Empty paragraphs are dropped: a blank line in the editor is not a paragraph.
            return [.. list.Select((t, i) => Line(t, $"{field}[{i}]", $"{label}第 {i + 1} 段", MaxParagraph, false)).Where(t => t.Length > 0)];
        }

        IReadOnlyList<BulletinMention> Mentions(IReadOnlyList<BulletinMention>? mentions, string field, string label)
        {
            var list = mentions ?? [];
            if (list.Count > MaxMentions) { Problem(field, $"{label}（{field}）不能超过 {MaxMentions} 项。"); return []; }
            var result = new List<BulletinMention>();
            for (var i = 0; i < list.Count; i++)
            {
                if (list[i] is not { } m) { Problem($"{field}[{i}]", $"{label}第 {i + 1} 项为空。"); continue; }
                var name = Line(m.Name, $"{field}[{i}].name", $"{label}第 {i + 1} 项的单位", MaxName, true);
                var reason = Line(m.Reason, $"{field}[{i}].reason", $"{label}第 {i + 1} 项的理由", MaxReason, true);
                result.Add(new BulletinMention(m.OrganizationId is > 0 ? m.OrganizationId : null, name, reason));
            }
            return result;
        }

        var title = Line(draft.Title, "title", "标题", MaxTitle, true);
        var number = Line(draft.DocNumber, "docNumber", "发文字号", MaxDocNumber, false);
        var recipients = Line(draft.Recipients, "recipients", "主送机关", MaxRecipients, true).TrimEnd('：', ':');
        var paragraphs = Block(draft.Paragraphs, "paragraphs", "正文");
        var praise = Mentions(draft.Praise, "praise", "表扬名单");
        var criticism = Mentions(draft.Criticism, "criticism", "通报批评名单");
        var closing = Block(draft.Closing, "closing", "工作要求");
        var signature = Line(draft.Signature, "signature", "发文机关署名", MaxSignature, true);
        if (draft.Date == default || draft.Date.Year < 2000 || draft.Date.Year > 2200) Problem("date", "成文日期（date）无效。");
        return problems.Count > 0 ? (null, problems) : (new BulletinDraft(title, number, recipients, paragraphs, praise, criticism, closing, signature, draft.Date), problems);
    }
}

/// <summary>
/// A stored 通报 of an assessment: the draft as the office last saved it, and once issued (印发) who issued it when —
/// after which nothing changes it.
/// </summary>
public sealed class Bulletin
{
    public long Id { get; set; }

    public long AssessmentId { get; set; }

    /// <summary>JSON of <see cref="BulletinDraft"/> (<see cref="AssessmentJson"/>).</summary>
    public required string Draft { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }

    public long UpdatedById { get; set; }

    public required string UpdatedByName { get; set; }

    public DateTimeOffset? IssuedAt { get; set; }

    public string? IssuedByName { get; set; }

    public Guid Version { get; set; } = Guid.NewGuid();

    public BulletinDraft Content => AssessmentJson.Read<BulletinDraft>(Draft);
}
