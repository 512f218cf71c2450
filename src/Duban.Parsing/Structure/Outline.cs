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

    /// <summary>True when the paragraph reads as a heading (a title, or a run-in title before 。), not as a numbered sentence.</summary>
    public required bool IsHeading { get; init; }

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
        var decimals = DecimalCandidates(blocks);
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
                outline.Add(node, stack, i);
                if (usedNext)
                {
                    outline._parentOfBlock[i + 1] = node;
                    i++;
                }
                continue;
            }

            var marker = HeadingMarker.Read(p.Folded);
            if (marker is null && decimals.TryGetValue(i, out var candidate) && FitsDecimal(candidate, stack, NextDecimal(decimals, i)))
                marker = candidate;
            if (marker is null) continue;
            var (headingTitle, isHeading, titleEnd) = HeadingTitle(p, marker.Value);
            var heading = new OutlineNode
            {
                Kind = SectionKind.Heading, Style = marker.Value.Style, Number = marker.Value.Number, Path = marker.Value.Path,
                MarkerLength = marker.Value.Length,
                Marker = p.Raw.Span[..marker.Value.Length].Trim().ToString(), Title = headingTitle,
                Span = p.Raw.ToSource(0, Math.Max(titleEnd, marker.Value.Length)), BlockIndex = i, IsHeading = isHeading,
            };
            while (stack.Count > 0 && stack[^1].Rank >= heading.Rank) stack.RemoveAt(stack.Count - 1);
            outline._parentOfBlock[i] = stack.Count > 0 ? stack[^1] : null;
            outline.Add(heading, stack, i);
        }
        return outline;
    }

    /// <summary>The paragraphs that open with something shaped like a decimal marker (1.1 …), by block, in order.</summary>
    private static SortedList<int, HeadingMarker> DecimalCandidates(IReadOnlyList<Block> blocks)
    {
        var found = new SortedList<int, HeadingMarker>();
        for (var i = 0; i < blocks.Count; i++)
            if (blocks[i] is ParagraphBlock p && HeadingMarker.ReadDecimal(p.Folded) is { } m) found.Add(i, m);
        return found;
    }

    private static string? NextDecimal(SortedList<int, HeadingMarker> decimals, int block)
    {
        var at = decimals.IndexOfKey(block) + 1;
        return at < decimals.Count ? decimals.GetValueAtIndex(at).Path : null;
    }

    /// <summary>
    /// Whether a paragraph opening with a decimal number (2.1, 2.1.1) is numbered by it, judged from the numbers around
    /// it rather than from the number alone, so that a figure at the start of a line (92.5分…, 1.2 所…) is not taken:
    /// the next decimal number in the document is its next sibling or its first child (2.1 then 2.2 or 2.1.1); or its
    /// sibling before it is open (2.1 for 2.2); or, for a first child, its parent is open (2. or 二、 for 2.1, 2.1 for
    /// 2.1.1).
    /// </summary>
    private static bool FitsDecimal(HeadingMarker candidate, List<OutlineNode> stack, string? next)
    {
        var path = candidate.Path!;
        var prefix = path[..path.LastIndexOf('.')];
        var number = candidate.Number;
        if (next == $"{prefix}.{number + 1}" || next == $"{path}.1") return true;
        if (number > 1) return stack.Any(n => n.Path == $"{prefix}.{number - 1}");
        if (candidate.Depth > 2) return stack.Any(n => n.Path == prefix);
        // 2.1 under 2. or 二、 (or 第二章): the nearest such heading above it has the number before the dot.
        var parent = stack.LastOrDefault(n => n.Style is MarkerStyle.Arabic or MarkerStyle.ChineseNumeral or MarkerStyle.Chapter);
        return parent is not null && parent.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == prefix;
    }

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
