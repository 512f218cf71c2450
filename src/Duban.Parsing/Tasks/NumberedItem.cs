using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>A numbered paragraph with the unnumbered paragraphs that belong to it (label lines, a closing unit clause).</summary>
internal sealed class NumberedItem
{
    public required OutlineNode Node { get; init; }
    public required OutlineNode? Annex { get; init; }
    public required TaskFields Fields { get; init; }
    public required SourceSpan Span { get; init; }
    public required int FirstBlock { get; init; }
    public required int LastBlock { get; init; }

    /// <summary>True when the item's last paragraph stops mid-sentence (an excerpt cut off).</summary>
    public required bool EndsOpen { get; init; }

    /// <summary>Collects every numbered item of the document, in order.</summary>
    public static List<NumberedItem> Collect(IReadOnlyList<Block> blocks, Outline outline)
    {
        var items = new List<NumberedItem>();
        // One list of parts for every item: InlineFieldReader reads it and keeps nothing of it.
        var parts = new List<(MappedText, ReadOnlyMemory<char>)>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock first || outline.NodeOf(i) is not { Kind: SectionKind.Heading } node) continue;
            parts.Clear();
            parts.Add((first.Raw.Slice(node.MarkerLength), first.Folded.AsMemory(node.MarkerLength)));
            var hasLabels = FieldLabels.FindAll(first.Folded).Count > 0;
            var last = i;
            for (var j = i + 1; j < blocks.Count; j++)
            {
                if (blocks[j] is not ParagraphBlock next || outline.NodeOf(j) is not null || outline.IsAnnexTitle(j)) break;
                var startsWithLabel = FieldLabels.AtStart(next.Folded) is not null;
                // Until its fields are found, an item runs on over unnumbered paragraphs: a wrapped document may
                // break a task's text into paragraphs wherever a line happened to end with 。. Once they are found,
                // only further field lines belong to it; anything else is prose after the list.
                if (hasLabels ? !startsWithLabel : IsTitleLike(next.Folded)) break;
                parts.Add((next.Raw, next.Folded.AsMemory()));
                hasLabels |= FieldLabels.FindAll(next.Folded).Count > 0;
                last = j;
            }
            var lastBlock = (ParagraphBlock)blocks[last];
            items.Add(new NumberedItem
            {
                Node = node,
                Annex = outline.AnnexOf(i),
                Fields = InlineFieldReader.Read(parts),
                Span = SourceSpan.Cover(first.Span, lastBlock.Span),
                FirstBlock = i,
                LastBlock = last,
                EndsOpen = !EndsSentence(lastBlock.Folded),
            });
        }
        return FoldSubItems(items, blocks);
    }

    /// <summary>
    /// A task may list its parts as sub-items and name its fields once, on label lines after the last part:
    /// "1.推进中职学校达标建设。主要包括：" / "①改善办学条件；" / "②补充实训设备。" / "责任单位：…". The parts are then
    /// the task's text, not tasks of their own: an item without units whose numbered children (two or more, right after
    /// it) name no units either, except the last, whose units stand on label lines of their own, takes the children in.
    /// Children that name units of their own, or a last child with its fields inside its own paragraph, stay items.
    /// </summary>
    private static List<NumberedItem> FoldSubItems(List<NumberedItem> items, IReadOnlyList<Block> blocks)
    {
        var result = new List<NumberedItem>(items.Count);
        for (var i = 0; i < items.Count; i++)
        {
            var parent = items[i];
            var end = i + 1;
            while (end < items.Count && items[end].Node.Parent == parent.Node && items[end].FirstBlock == items[end - 1].LastBlock + 1)
                end++;
            var children = end - i - 1;
            if (parent.Fields.HasUnits && children > 0 && OwnFieldsBeforeChildren(parent, items[i + 1])
                && Enumerable.Range(i + 1, children).All(k => !items[k].Fields.HasUnits && !HasChildren(items, k)))
            {
                result.Add(WithParts(parent, items[i + 1].FirstBlock, items[end - 1], blocks));
                for (var k = i + 1; k < end; k++) items[k].Node.IsListItem = true;
                i = end - 1;
                continue;
            }
            if (parent.Fields.HasUnits || children < 2
                || Enumerable.Range(i + 1, children - 1).Any(k => items[k].Fields.HasUnits)
                || !HasOwnFieldLines(items[end - 1], blocks)
                || !(SaysSomething(parent, blocks) || HasStandaloneFieldGroup(items[end - 1], blocks)))
            {
                result.Add(parent);
                continue;
            }
            var last = items[end - 1];
            // The parts are the task's text now: not headings either (a short last part ending with 。 reads as one).
            for (var k = i + 1; k < end; k++) items[k].Node.IsListItem = true;
            var first = (ParagraphBlock)blocks[parent.FirstBlock];
            var skip = parent.Node.MarkerLength;
            var parts = new List<(MappedText, ReadOnlyMemory<char>)> { (first.Raw.Slice(skip), first.Folded.AsMemory(skip)) };
            for (var b = parent.FirstBlock + 1; b <= last.LastBlock; b++)
                if (blocks[b] is ParagraphBlock p) parts.Add((p.Raw, p.Folded.AsMemory()));
            result.Add(new NumberedItem
            {
                Node = parent.Node,
                Annex = parent.Annex,
                Fields = InlineFieldReader.Read(parts),
                Span = SourceSpan.Cover(parent.Span, last.Span),
                FirstBlock = parent.FirstBlock,
                LastBlock = last.LastBlock,
                EndsOpen = last.EndsOpen,
            });
            i = end - 1;
        }
        return result;
    }

    /// <summary>
    /// A task that names its units on its own line — a heading-level task （一）推进政务云资源整合。（牵头单位：…） —
    /// may list its measures as numbered parts below, each without units: "1.2025年6月底前完成…迁移上云。" /
    /// "2.建立…机制。". The parts are the task's text (their dates and figures are the task's), not a list of their own.
    /// </summary>
    private static NumberedItem WithParts(NumberedItem parent, int firstPartBlock, NumberedItem last, IReadOnlyList<Block> blocks)
    {
        var text = new List<MappedText> { parent.Fields.Text };
        for (var b = firstPartBlock; b <= last.LastBlock; b++)
            if (blocks[b] is ParagraphBlock p) text.Add(p.Raw.Trim());
        return new NumberedItem
        {
            Node = parent.Node,
            Annex = parent.Annex,
            Fields = parent.Fields with { Text = MappedText.Concat(text) },
            Span = SourceSpan.Cover(parent.Span, last.Span),
            FirstBlock = parent.FirstBlock,
            LastBlock = last.LastBlock,
            EndsOpen = last.EndsOpen,
        };
    }

    /// <summary>The parent's units were read from its own paragraphs, which end right before its first part.</summary>
    private static bool OwnFieldsBeforeChildren(NumberedItem parent, NumberedItem first) =>
        parent.LastBlock + 1 == first.FirstBlock;

    private static bool HasChildren(List<NumberedItem> items, int k) =>
        k + 1 < items.Count && items[k + 1].Node.Parent == items[k].Node;

    /// <summary>The parent's own text is a sentence or introduces a list (…。 / …：), not a short group title.</summary>
    private static bool SaysSomething(NumberedItem item, IReadOnlyList<Block> blocks)
    {
        var folded = ((ParagraphBlock)blocks[item.FirstBlock]).Folded.TrimEnd();
        return folded.Contains('。') || folded.EndsWith(':');
    }

    /// <summary>
    /// The item's units come from paragraphs after its first one: label lines (责任单位：… on a line of its own) or a
    /// field group standing alone (（责任单位：…） / （市教育局牵头，…配合） as a paragraph of its own).
    /// </summary>
    private static bool HasOwnFieldLines(NumberedItem item, IReadOnlyList<Block> blocks) =>
        item.Fields.HasUnits
        && FieldLabels.FindAll(((ParagraphBlock)blocks[item.FirstBlock]).Folded).Count == 0
        && Enumerable.Range(item.FirstBlock + 1, item.LastBlock - item.FirstBlock)
            .Any(b => blocks[b] is ParagraphBlock p
                      && (FieldLabels.AtStart(p.Folded) is { Kind: not FieldKind.Deadline and not FieldKind.Person } || IsFieldGroup(p)));

    /// <summary>
    /// The last part's fields stand as a bracketed group on a paragraph of their own, set apart from the part's
    /// sentence: "1.完善贯通培养机制" / "（1）…。" / "（2）…。" / "（责任单位：市教育局、市人社局）". Documents that
    /// break a task down (责任分解) close the whole task so under its parts; a part that is a task of its own carries its
    /// bracket at the end of its sentence. With such a group the parent may be a short title line.
    /// </summary>
    private static bool HasStandaloneFieldGroup(NumberedItem item, IReadOnlyList<Block> blocks) =>
        !((ParagraphBlock)blocks[item.FirstBlock]).Folded.TrimEnd().EndsWith(')')
        && Enumerable.Range(item.FirstBlock + 1, item.LastBlock - item.FirstBlock)
            .Any(b => blocks[b] is ParagraphBlock p && IsFieldGroup(p));

    /// <summary>A paragraph that is one bracketed group (…) of fields or of a units clause, nothing else.</summary>
    private static bool IsFieldGroup(ParagraphBlock paragraph)
    {
        var t = paragraph.Folded.AsSpan().Trim().TrimEnd("。.;；");
        if (t.Length < 4 || t[0] is not ('(' or '[' or '【' or '〔') || t[^1] is not (')' or ']' or '】' or '〕')) return false;
        // One group: the first opening bracket closes only at the end.
        var depth = 0;
        for (var k = 0; k < t.Length; k++)
        {
            if (t[k] is '(' or '[' or '【' or '〔') depth++;
            else if (t[k] is ')' or ']' or '】' or '〕' && --depth == 0 && k < t.Length - 1) return false;
        }
        if (FieldLabels.AtStart(t[1..^1].ToString()) is { Kind: not FieldKind.Person }) return true;
        var (remainder, fields) = UnitClause.Read(paragraph.Raw);
        return fields.Count > 0 && remainder.Value.Trim().Length == 0;
    }

    /// <summary>A date, a document number, the closing matter: lines that end any item. (A short line without
    /// punctuation does not: a page break can leave half a sentence on a line of its own.)</summary>
    private static bool IsTitleLike(string folded) =>
        LineShapes.IsDateLine(folded) || LineShapes.IsClosingMatter(folded) || LineShapes.IsDocNumberLine(folded);

    private static bool EndsSentence(string folded)
    {
        var t = folded.AsSpan().TrimEnd(" ”\"’");
        return t.Length > 0 && t[^1] is '。' or ')' or '〕' or ';' or '!' or '?' or ':';
    }
}
