using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Structure;

/// <summary>A numbered paragraph or an annex, as placed in the document's outline.</summary>
internal sealed class OutlineNode
{
    public required SectionKind Kind { get; init; }
    public required MarkerStyle Style { get; init; }
    public required int Number { get; init; }
    public required string Marker { get; init; }
    public required string Title { get; init; }
    public required SourceSpan Span { get; init; }

    /// <summary>A decimal marker's whole number ("2.1"); null for other styles.</summary>
    public string? Path { get; init; }

    /// <summary>Characters the marker takes at the start of its paragraph, with the spaces after it (0 for an annex).</summary>
    public int MarkerLength { get; init; }

    /// <summary>The paragraph block the node stands on (-1 for an annex without a paragraph of its own).</summary>
    public required int BlockIndex { get; init; }

    /// <summary>
    /// True when the paragraph reads as a heading (a title, or a run-in title before 。), not as a numbered sentence. Set
    /// later for a run-in title with a comma that turns out to head tasks (<see cref="IsRunInTitle"/>).
    /// </summary>
    public required bool IsHeading { get; set; }

    /// <summary>
    /// The paragraph opens with a short sentence that may be a run-in title although it holds a comma
    /// (（一）规范审批事项管理，提升行政效能。…): 40 characters at most before its first 。, no semicolon. It is read as a
    /// heading only once numbered tasks stand under it (<see cref="Tasks.ParagraphTaskLists"/>).
    /// </summary>
    public bool IsRunInTitle { get; init; }

    /// <summary>Set when the paragraph turned out to be a task or a list item: it then leaves the heading tree.</summary>
    public bool IsListItem { get; set; }

    public OutlineNode? Parent { get; set; }
    public List<OutlineNode> Children { get; } = [];

    public int Rank => HeadingMarker.Rank(Style, HeadingMarker.DepthOf(Path));

    /// <summary>The number a task or list item takes from the node: "3", or "2.1" for a decimal marker.</summary>
    public string NumberText => Path ?? Number.ToString(System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>The heading as it reads in a path: marker and title ("三、重点任务及分工").</summary>
    public string PathText => Kind == SectionKind.Annex ? Title : Marker + Title;
}

/// <summary>The outline of a document: the annexes and numbered paragraphs, and, for every block, where it stands.</summary>
internal sealed class Outline
{
    private readonly OutlineNode?[] _nodeOfBlock;
    private readonly OutlineNode?[] _parentOfBlock;
    private readonly bool[] _isAnnexTitle;

    private Outline(int blockCount)
    {
        _nodeOfBlock = new OutlineNode?[blockCount];
        _parentOfBlock = new OutlineNode?[blockCount];
        _isAnnexTitle = new bool[blockCount];
    }

    public List<OutlineNode> Roots { get; } = [];

    /// <summary>The node a paragraph block opens (its marker), if any.</summary>
    public OutlineNode? NodeOf(int block) => _nodeOfBlock[block];

    /// <summary>The innermost node containing a block (for a numbered paragraph, the node above its own).</summary>
    public OutlineNode? ParentOf(int block) => _parentOfBlock[block];

    /// <summary>True for the paragraph that gives an annex its title.</summary>
    public bool IsAnnexTitle(int block) => _isAnnexTitle[block];

    /// <summary>The annex a block stands in, or null in the main text.</summary>
    public OutlineNode? AnnexOf(int block)
    {
        for (var n = _nodeOfBlock[block] ?? _parentOfBlock[block]; n is not null; n = n.Parent)
            if (n.Kind == SectionKind.Annex) return n;
        return null;
    }

    /// <summary>The headings above a block, outermost first, annexes excluded.</summary>
    public List<string> HeadingPath(int block)
    {
        var path = new List<string>();
        for (var n = _parentOfBlock[block]; n is not null; n = n.Parent)
            if (n.Kind == SectionKind.Heading && n.IsHeading && !n.IsListItem) path.Add(n.PathText);
        path.Reverse();
        return path;
    }

    public static Outline Build(IReadOnlyList<Block> blocks)
    {
        var outline = new Outline(blocks.Count);
        var stack = new List<OutlineNode>();
        var inAnnexIndex = false;
        var numbers = DecimalNumbers.Find(blocks);
        var undotted = UndottedHeadings(blocks, numbers);
        // Whether a decimal marker has been read in this part of the document (the main text, or the annex so far).
        var decimalRead = false;
        for (var i = 0; i < blocks.Count; i++)
        {
            outline._parentOfBlock[i] = stack.Count > 0 ? stack[^1] : null;
            if (blocks[i] is not ParagraphBlock p) continue;

            // "附件：1. …" followed by "2. …", "3. …": the list of annexes closing the main text, not headings.
            if (IsAnnexIndex(p.Folded)) { inAnnexIndex = true; continue; }
            if (inAnnexIndex && HeadingMarker.Read(p.Folded) is { Style: MarkerStyle.Arabic } && !p.Folded.Contains('。')) continue;
            inAnnexIndex = false;

            if (AnnexHeader.Read(p.Folded) is { } annex)
            {
                var (title, titleSpan, usedNext) = AnnexTitle(blocks, i, p, annex.TitleStart);
                if (usedNext) outline._isAnnexTitle[i + 1] = true;
                var node = new OutlineNode
                {
                    Kind = SectionKind.Annex, Style = MarkerStyle.Annex, Number = annex.Number,
                    Marker = Compact(p.Raw.Value[..(annex.TitleStart >= 0 ? annex.TitleStart : p.Raw.Length)]).TrimEnd(':', '：'),
                    Title = title, Span = SourceSpan.Cover(p.Span, titleSpan), BlockIndex = i, IsHeading = true,
                };
                stack.Clear();
                decimalRead = false;
                outline.Add(node, stack, i);
                if (usedNext)
                {
                    outline._parentOfBlock[i + 1] = node;
                    i++;
                }
                continue;
            }

            var marker = HeadingMarker.Read(p.Folded);
            if (marker is null && undotted.TryGetValue(i, out var parent)) marker = parent;
            if (marker is null && numbers.Candidates.TryGetValue(i, out var candidate) && FitsDecimal(candidate, p.Folded, i, stack, numbers, decimalRead))
                marker = candidate;
            if (marker is null) continue;
            decimalRead |= marker.Value.Style == MarkerStyle.Decimal;
            var (headingTitle, isHeading, titleEnd) = HeadingTitle(p, marker.Value);
            var runIn = IsRunIn(p.Folded.AsSpan(marker.Value.Length));
            var heading = new OutlineNode
            {
                Kind = SectionKind.Heading, Style = marker.Value.Style, Number = marker.Value.Number, Path = marker.Value.Path,
                MarkerLength = marker.Value.Length,
                Marker = p.Raw.Span[..marker.Value.Length].Trim().ToString(), Title = headingTitle,
                Span = p.Raw.ToSource(0, Math.Max(titleEnd, marker.Value.Length)), BlockIndex = i, IsHeading = isHeading,
                IsRunInTitle = !isHeading && runIn,
            };
            while (stack.Count > 0 && stack[^1].Rank >= heading.Rank) stack.RemoveAt(stack.Count - 1);
            outline._parentOfBlock[i] = stack.Count > 0 ? stack[^1] : null;
            outline.Add(heading, stack, i);
        }
        return outline;
    }

    /// <summary>
    /// Whether a paragraph opening with a decimal number (2.1, 2.1.1) is numbered by it, judged from the numbers around
    /// it rather than from the number alone, so that a figure at the start of a line (92.5分…, 1.2 所…, 2.1公顷…) is not
    /// taken: its next sibling or its first child follows (2.1 then 2.2 or 2.1.1, before 2.1 comes again or an annex
    /// starts); or its sibling before it is open (2.1 for 2.2); or, for a first child, its parent is open (2. or 二、 or
    /// 2 总体要求 for 2.1, 2.1 for 2.1.1) — a first child alone, with no sibling after it, only where the document
    /// already numbers decimally here (1.1 under 一、 before 2.1 under 二、; its parent 2.1 for 2.1.1) and its text does
    /// not open with a unit of measure (<see cref="MeasureWords"/>).
    /// </summary>
    private static bool FitsDecimal(HeadingMarker candidate, string folded, int block, List<OutlineNode> stack,
        DecimalNumbers numbers, bool decimalRead)
    {
        var path = candidate.Path!;
        var prefix = path[..path.LastIndexOf('.')];
        var number = candidate.Number;
        var until = numbers.NextBoundary(path, block);
        if (numbers.Occurs($"{prefix}.{number + 1}", block, until) || numbers.Occurs($"{path}.1", block, until)) return true;
        if (number > 1) return stack.Any(n => n.Path == $"{prefix}.{number - 1}");
        if (!decimalRead || MeasureWords.Opens(folded.AsSpan(candidate.Length))) return false;
        if (candidate.Depth > 2) return stack.Any(n => n.Path == prefix);
        // 2.1 under 2. or 二、 (or 第二章): the nearest such heading above it has the number before the dot.
        var parent = stack.LastOrDefault(n => n.Style is MarkerStyle.Arabic or MarkerStyle.ChineseNumeral or MarkerStyle.Chapter);
        return parent is not null && parent.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == prefix;
    }

    /// <summary>
    /// The paragraphs numbered like 1 总体要求 (no dot, a space, a short title) that are parent headings of decimal
    /// numbers: a run of two or more such lines numbered in turn (1, 2, 3 …) of which at least two have their first
    /// child (1.1 after 1 …, 2.1 after 2 …) before the next of them. A figure (3 年内…, 2 所学校…) is refused by its
    /// unit; a sentence, by being one (a title has no clause punctuation and is short).
    /// </summary>
    private static Dictionary<int, HeadingMarker> UndottedHeadings(IReadOnlyList<Block> blocks, DecimalNumbers numbers)
    {
        var found = new List<(int Block, HeadingMarker Marker)>();
        for (var i = 0; i < blocks.Count; i++)
            if (blocks[i] is ParagraphBlock p && HeadingMarker.Read(p.Folded) is null && HeadingMarker.ReadUndotted(p.Folded) is { } m
                && IsShortTitle(p.Folded.AsSpan(m.Length)))
                found.Add((i, m));

        var read = new Dictionary<int, HeadingMarker>();
        for (var start = 0; start < found.Count;)
        {
            var end = start + 1;
            while (end < found.Count && found[end].Marker.Number == found[end - 1].Marker.Number + 1) end++;
            var withChildren = 0;
            for (var k = start; k < end; k++)
            {
                var until = Math.Min(k + 1 < found.Count ? found[k + 1].Block : blocks.Count, numbers.NextAnnex(found[k].Block));
                if (numbers.Occurs($"{found[k].Marker.Number}.1", found[k].Block, until)) withChildren++;
            }
            if (end - start >= 2 && withChildren >= 2)
                for (var k = start; k < end; k++) read[found[k].Block] = found[k].Marker;
            start = end;
        }
        return read;
    }

    /// <summary>A heading's text as 1 总体要求 writes it: no clause punctuation, at most 30 cells (15 characters).</summary>
    private static bool IsShortTitle(ReadOnlySpan<char> body) =>
        body.IndexOfAny(",。;:!?") < 0 && WrapWidth.Of(body) <= 30;

    private static bool IsAnnexIndex(string folded)
    {
        var t = folded.TrimStart();
        if (!t.StartsWith("附件", StringComparison.Ordinal)) return false;
        var rest = t.AsSpan(2).TrimStart();
        return rest.StartsWith(":") && AnnexHeader.Read(folded) is null;
    }

    private void Add(OutlineNode node, List<OutlineNode> stack, int block)
    {
        node.Parent = stack.Count > 0 ? stack[^1] : null;
        (node.Parent?.Children ?? Roots).Add(node);
        _nodeOfBlock[block] = node;
        stack.Add(node);
    }

    /// <summary>
    /// The heading text of a numbered paragraph: the whole paragraph when it has no full stop and is short (a title);
    /// the part before the first 。 when that part is short and has no commas (a run-in title: "（七）加强组织领导。…").
    /// </summary>
    private static (string Title, bool IsHeading, int TitleEnd) HeadingTitle(ParagraphBlock p, HeadingMarker marker)
    {
        var body = p.Folded.AsSpan(marker.Length);
        var stop = body.IndexOf('。');
        // From the raw text's characters: a heading paragraph's whole string is not needed for its title.
        if (stop < 0 && body.IndexOf(';') < 0 && WrapWidth.Of(body) <= 60)
            return (Clean(p.Raw.Span[marker.Length..].ToString()), true, p.Raw.Length);
        if (stop > 0 && stop <= 40 && body[..stop].IndexOfAny(",;") < 0)
            return (Clean(p.Raw.Span.Slice(marker.Length, stop).ToString()), true, marker.Length + stop + 1);
        var cut = stop > 0 ? stop : Math.Min(body.Length, 40);
        return (Clean(p.Raw.Span.Slice(marker.Length, cut).ToString()), false, marker.Length + cut);
    }

    /// <summary>A short first sentence that may title what follows although it holds a comma: at most 40 characters before its 。, no semicolon.</summary>
    private static bool IsRunIn(ReadOnlySpan<char> body)
    {
        var stop = body.IndexOf('。');
        return stop is > 0 and <= 40 && body[..stop].IndexOf(';') < 0;
    }

    private static (string Title, SourceSpan Span, bool UsedNext) AnnexTitle(IReadOnlyList<Block> blocks, int i, ParagraphBlock p, int titleStart)
    {
        if (titleStart >= 0 && titleStart < p.Raw.Length)
        {
            var t = p.Raw.Slice(titleStart).Trim();
            if (t.Length > 0) return (Clean(t.Value), t.SourceSpan, false);
        }
        if (i + 1 < blocks.Count && blocks[i + 1] is ParagraphBlock next && LooksLikeTitle(next))
            return (Clean(next.Raw.Value), next.Span, true);
        return ("", p.Span, false);
    }

    private static bool LooksLikeTitle(ParagraphBlock p) =>
        !p.Folded.Contains('。') && WrapWidth.Of(p.Folded) <= 80 && HeadingMarker.Read(p.Folded) is null
        && AnnexHeader.Read(p.Folded) is null && !LineShapes.IsMemberLine(p.Folded);

    /// <summary>Heading text as read: trailing punctuation dropped, spaces left over from line breaks between CJK removed.</summary>
    public static string Clean(string s) => TitleText.Clean(s).TrimEnd('。', '；', ';', '，', ',', '：', ':', ' ');

    private static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
