using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Metadata;

/// <summary>
/// Reads the head of an official document (GB/T 9704): masthead (…文件), document number, title, recipients, the
/// preamble with the documents it implements, and the signature and date at the end of the main text.
/// A notice that issues a plan (关于印发《…》的通知) has two titles: the notice's and the plan's.
/// </summary>
internal static class MetadataReader
{
    // A 分工 document may be titled by its table (…重点任务分工表, …任务分解表, …工作台账) or as the breaking down of a plan
    // it implements (…行动计划责任分解, …规划任务分解): those are plan words too.
    private static readonly string[] PlanWords =
    [
        "方案", "意见", "办法", "规划", "计划", "措施", "细则", "清单", "要点", "决定", "纲要", "通知", "分工", "分解",
        "分工表", "分解表", "任务表", "责任表", "推进表", "一览表", "安排表", "台账",
    ];
    private static readonly string[] OrgEndings = ["人民政府办公室", "人民政府办公厅", "人民政府", "政府办公室", "办公室", "办公厅", "委员会", "政府", "厅", "局", "委", "部", "院", "会"];

    public static PlanMetadata Read(IReadOnlyList<Block> blocks, Outline outline)
    {
        var head = HeadParagraphs(blocks, outline);
        var docNumberLine = head.FirstOrDefault(p => LineShapes.IsDocNumberLine(p.Folded));
        var docNumber = docNumberLine is null ? null : DocNumberReader.First(docNumberLine.Folded);

        var candidates = head.Where(IsTitleCandidate).ToList();
        var notice = candidates.FirstOrDefault(IsNoticeTitle);
        var (title, titleSpan) = PlanTitle(candidates, notice);
        if (title is null) (title, titleSpan) = AnnexAsDocument(blocks, outline);

        var (issuer, issuerSpan) = Issuer(head, notice ?? candidates.FirstOrDefault(p => p.Span == titleSpan), blocks, outline);
        var (date, dateSpan) = IssueDate(docNumberLine, blocks, outline);

        return new PlanMetadata
        {
            Title = title,
            TitleSpan = titleSpan,
            NoticeTitle = notice is null ? null : TitleText.Clean(notice.Raw.Value),
            NoticeTitleSpan = notice?.Span,
            Issuer = issuer,
            IssuerSpan = issuerSpan,
            DocNumber = docNumber,
            DocNumberSpan = docNumber is null ? null : docNumberLine!.Raw.ToSource(docNumber.Index, docNumber.Index + docNumber.Length),
            IssueDate = date,
            IssueDateSpan = dateSpan,
            Recipients = Recipients(head),
            Basis = Basis(head, titleSpan, title, notice is not null),
        };
    }

    /// <summary>The paragraphs before the first heading of the main text.</summary>
    private static List<ParagraphBlock> HeadParagraphs(IReadOnlyList<Block> blocks, Outline outline)
    {
        var head = new List<ParagraphBlock>();
        for (var i = 0; i < blocks.Count && head.Count < 40; i++)
        {
            if (outline.NodeOf(i) is not null || blocks[i] is not ParagraphBlock p) break;
            head.Add(p);
        }
        return head;
    }

    private static bool IsTitleCandidate(ParagraphBlock p)
    {
        var f = p.Folded;
        if (f.Contains('。') || f.EndsWith(':') || WrapWidth.Of(f) > 120 || WrapWidth.Of(f) < 4) return false;
        if (LineShapes.IsDocNumberLine(f) || LineShapes.IsDateLine(f) || LineShapes.IsClosingMatter(f)) return false;
        if (f.StartsWith('(') && f.EndsWith(')')) return false; // (此件公开发布)
        return !f.Contains(',') || f.Contains('《');
    }

    private static bool IsNoticeTitle(ParagraphBlock p)
    {
        var f = TitleText.Clean(p.Folded);
        return f.EndsWith("通知", StringComparison.Ordinal) && (f.Contains("印发") || f.Contains("转发") || f.Contains("关于"));
    }

    private static (string?, SourceSpan?) PlanTitle(List<ParagraphBlock> candidates, ParagraphBlock? notice)
    {
        var afterNotice = notice is null ? candidates : candidates.SkipWhile(c => c != notice).Skip(1).ToList();
        var own = afterNotice.FirstOrDefault(c => EndsWithPlanWord(c) && !IsNoticeTitle(c));
        if (own is not null) return WholeTitle(candidates, own);

        if (notice is not null)
        {
            var raw = notice.Raw.Value;
            var open = raw.IndexOf('《');
            var close = raw.LastIndexOf('》');
            if (open >= 0 && close > open) return (TitleText.Clean(raw[(open + 1)..close]), notice.Raw.ToSource(open + 1, close));
            var issue = notice.Folded.IndexOf("印发", StringComparison.Ordinal);
            var end = notice.Folded.LastIndexOf("的通知", StringComparison.Ordinal);
            if (issue >= 0 && end > issue + 2) return (TitleText.Clean(raw[(issue + 2)..end]), notice.Raw.ToSource(issue + 2, end));
            return (TitleText.Clean(raw), notice.Span);
        }
        var first = candidates.FirstOrDefault(EndsWithPlanWord);
        if (first is not null) return WholeTitle(candidates, first);
        first = candidates.FirstOrDefault(c => !IsOrgName(c.Folded));
        return first is null ? (null, null) : (TitleText.Clean(first.Raw.Value), first.Span);
    }

    /// <summary>
    /// A 分工表 published by itself is often the annex of a notice printed alone: it opens with 附件 and the table's
    /// title, with nothing before. The document is the annex, and its title the annex's.
    /// </summary>
    private static (string?, SourceSpan?) AnnexAsDocument(IReadOnlyList<Block> blocks, Outline outline)
    {
        if (blocks.Count == 0 || outline.AnnexOf(0) is not { BlockIndex: 0 } annex || annex.Title.Length == 0) return (null, null);
        if (blocks.Count > 1 && outline.IsAnnexTitle(1) && blocks[1] is ParagraphBlock next)
            return (TitleText.Clean(next.Raw.Value), next.Span);
        return (annex.Title, annex.Span);
    }

    /// <summary>
    /// A long title is set over two or three lines (GB/T 9704 lets a title break where the sense allows), and a blank
    /// line or a short line keeps them apart as paragraphs: 西岭区2025年教育重点工作 / 任务分解和责任分工方案. The line
    /// ending with the plan word takes in the title lines right before it (no punctuation, not an organisation, a
    /// masthead, a notice or a title of its own), at most two.
    /// </summary>
    private static (string?, SourceSpan?) WholeTitle(List<ParagraphBlock> candidates, ParagraphBlock end)
    {
        var at = candidates.IndexOf(end);
        var start = at;
        while (start > 0 && at - start < 2 && IsTitleHead(candidates[start - 1], candidates[start])) start--;
        if (start == at) return (TitleText.Clean(end.Raw.Value), end.Span);
        var parts = candidates.GetRange(start, at - start + 1);
        return (TitleText.Clean(string.Concat(parts.Select(p => p.Raw.Value))), SourceSpan.Cover(parts[0].Span, end.Span));
    }

    private static bool IsTitleHead(ParagraphBlock line, ParagraphBlock next)
    {
        var f = TitleText.Clean(line.Folded);
        // Adjacent in the source: nothing but white space between them (the head paragraphs are consecutive blocks).
        return next.Span.Start - line.Span.End <= 8
            && f.Length is >= 4 and <= 40 && f.AsSpan().IndexOfAny(",。;:、") < 0 && !f.Contains('《')
            && !IsOrgName(f) && !f.EndsWith("文件", StringComparison.Ordinal) && !f.StartsWith("附件", StringComparison.Ordinal)
            && !IsNoticeTitle(line) && !EndsWithPlanWord(line);
    }

    private static bool EndsWithPlanWord(ParagraphBlock p)
    {
        var f = TitleText.Clean(p.Folded).TrimEnd('》', '”');
        return PlanWords.Any(w => f.EndsWith(w, StringComparison.Ordinal));
    }

    private static (string?, SourceSpan?) Issuer(List<ParagraphBlock> head, ParagraphBlock? titleBlock, IReadOnlyList<Block> blocks, Outline outline)
    {
        foreach (var p in head)
        {
            var f = TitleText.Clean(p.Folded);
            if (f.EndsWith("文件", StringComparison.Ordinal) && f.Length <= 30 && IsOrgName(f[..^2]))
                return (TitleText.Clean(p.Raw.Value)[..^2], p.Raw.ToSource(0, p.Raw.Length - 2));
        }
        if (titleBlock is not null)
        {
            var f = titleBlock.Folded;
            var at = new[] { "关于", "印发", "转发" }.Select(w => f.IndexOf(w, StringComparison.Ordinal)).Where(x => x > 0).DefaultIfEmpty(-1).Min();
            if (at > 0)
            {
                var prefix = TitleText.Clean(titleBlock.Raw.Value[..at]);
                if (IsOrgName(prefix)) return (prefix, titleBlock.Raw.ToSource(0, at));
            }
        }
        var standalone = head.FirstOrDefault(p => IsOrgName(TitleText.Clean(p.Folded)));
        if (standalone is not null) return (TitleText.Clean(standalone.Raw.Value), standalone.Span);

        // The signature: an organisation name just before the date line that closes the main text.
        for (var i = 1; i < blocks.Count; i++)
        {
            if (outline.AnnexOf(i) is not null) break;
            if (blocks[i] is ParagraphBlock d && LineShapes.IsDateLine(d.Folded) && blocks[i - 1] is ParagraphBlock s && IsOrgName(TitleText.Clean(s.Folded)))
                return (TitleText.Clean(s.Raw.Value), s.Span);
        }
        return (null, null);
    }

    private static bool IsOrgName(string s) =>
        s.Length is >= 3 and <= 30 && s.All(c => c >= 0x4e00 && c <= 0x9fff || c is '(' or ')' or '（' or '）' or ' ')
        && OrgEndings.Any(e => s.EndsWith(e, StringComparison.Ordinal));

    private static (DateOnly?, SourceSpan?) IssueDate(ParagraphBlock? docNumberLine, IReadOnlyList<Block> blocks, Outline outline)
    {
        if (docNumberLine is not null && DateReader.First(docNumberLine.Folded) is { } onNumberLine)
            return (onNumberLine.Date, docNumberLine.Raw.ToSource(onNumberLine.Index, onNumberLine.Index + onNumberLine.Length));
        ParagraphBlock? fallback = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock p || !LineShapes.IsDateLine(p.Folded)) continue;
            if (outline.AnnexOf(i) is null)
                return Date(p);
            fallback ??= p; // the 印发 date at the very end, after the annexes
        }
        return fallback is null ? (null, null) : Date(fallback);

        static (DateOnly?, SourceSpan?) Date(ParagraphBlock p) =>
            DateReader.First(p.Folded) is { } d ? (d.Date, p.Raw.ToSource(d.Index, d.Index + d.Length)) : (null, null);
    }

    private static List<Recipient> Recipients(List<ParagraphBlock> head)
    {
        var line = head.FirstOrDefault(p => p.Folded.TrimEnd().EndsWith(':') && !p.Folded.Contains('。')
                                            && WrapWidth.Of(p.Folded) <= 200 && !p.Folded.Contains('《'));
        if (line is null) return [];
        var recipients = new List<Recipient>();
        var f = line.Folded.TrimEnd();
        var depth = 0;
        var start = 0;
        for (var i = 0; i <= f.Length - 1; i++)
        {
            var c = f[i];
            if (c == '(') depth++;
            else if (c == ')') depth--;
            var last = i == f.Length - 1;
            if (depth == 0 && (c is ',' or ';' || last))
            {
                // The separator, or the closing colon, is not part of the name.
                var piece = InlineTrim(line.Raw, start, i);
                if (piece is { } r) recipients.Add(r);
                start = i + 1;
            }
        }
        return recipients;
    }

    private static Recipient? InlineTrim(MappedText raw, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(raw[start])) start++;
        while (end > start && char.IsWhiteSpace(raw[end - 1])) end--;
        if (end <= start) return null;
        return new Recipient(TitleText.Clean(raw.Value[start..end]), raw.ToSource(start, end));
    }

    /// <summary>Documents cited in the preamble of the plan: the paragraphs after the plan's title, before its first heading.</summary>
    private static List<BasisDocument> Basis(List<ParagraphBlock> head, SourceSpan? titleSpan, string? title, bool isNotice)
    {
        var preamble = titleSpan is { } span ? head.Where(p => p.Span.Start >= span.End).ToList() : head;
        var basis = new List<BasisDocument>();
        foreach (var p in preamble)
        {
            // The notice's own body (现将《…》印发给你们 / 已经…同意，现予印发) cites the plan it issues, not a basis.
            if (isNotice && IsNoticeBody(p.Folded)) continue;
            if (p.Folded.Contains('。') || p.Folded.Contains(',') || preamble.Count == 1)
                basis.AddRange(Citations.FindAll(p.Raw, p.Folded).Where(c => title is null || TitleText.Clean(c.Title) != title));
        }
        return basis;
    }

    private static bool IsNoticeBody(string folded) =>
        folded.Contains("印发给你们") || folded.Contains("现予印发") || folded.Contains("现印发") || folded.Contains("请认真贯彻")
        || folded.Contains("请结合实际") || folded.Contains("请认真组织实施");
}
