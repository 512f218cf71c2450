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
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock first || outline.NodeOf(i) is not { Kind: SectionKind.Heading } node) continue;
            var marker = HeadingMarker.Read(first.Folded)!.Value;
            var parts = new List<(MappedText, string)> { (first.Raw.Slice(marker.Length), first.Folded[marker.Length..]) };
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
                parts.Add((next.Raw, next.Folded));
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
        return items;
    }

    /// <summary>A date, a document number, the closing matter: lines that end any item. (A short line without
    /// punctuation does not: a page break can leave half a sentence on a line of its own.)</summary>
    private static bool IsTitleLike(string folded) =>
        LineShapes.IsDateLine(folded) || LineShapes.IsClosingMatter(folded) || LineShapes.IsDocNumberLine(folded);

    private static bool EndsSentence(string folded)
    {
        var t = folded.TrimEnd(' ', '”', '"', '’');
        return t.Length > 0 && t[^1] is '。' or ')' or '〕' or ';' or '!' or '?' or ':';
    }
}
