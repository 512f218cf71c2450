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
                // Following paragraphs belong to the item when they carry its labels, or when the item's own text
                // stopped mid-sentence; anything else is prose after the list.
                var previous = (ParagraphBlock)blocks[last];
                if (!startsWithLabel && (hasLabels || EndsSentence(previous.Folded))) break;
                parts.Add((next.Raw, next.Folded));
                hasLabels |= startsWithLabel;
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

    private static bool EndsSentence(string folded)
    {
        var t = folded.TrimEnd(' ', '”', '"', '’');
        return t.Length > 0 && t[^1] is '。' or ')' or ';' or '!' or '?' or ':';
    }
}
