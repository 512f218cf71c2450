using Duban.Parsing.Text;

namespace Duban.Parsing.Structure;

/// <summary>
/// The paragraphs of a document that open with something shaped like a decimal marker (1.1 …), found once before the
/// outline is built, so that whether 2.1 is a marker can ask where 2.2 or 2.1.1 stand after it. Every question is a
/// binary search over the blocks of one number: no input makes the look-ahead quadratic.
/// </summary>
internal sealed class DecimalNumbers
{
    private readonly Dictionary<string, List<int>> _blocksOfPath = new(StringComparer.Ordinal);
    private readonly List<int> _annexes = [];
    private readonly int _blockCount;

    private DecimalNumbers(int blockCount) => _blockCount = blockCount;

    /// <summary>The decimal-shaped paragraphs by block.</summary>
    public Dictionary<int, HeadingMarker> Candidates { get; } = [];

    public static DecimalNumbers Find(IReadOnlyList<Block> blocks)
    {
        var found = new DecimalNumbers(blocks.Count);
        for (var i = 0; i < blocks.Count; i++)
        {
            if (blocks[i] is not ParagraphBlock p) continue;
            if (p.Folded.AsSpan().TrimStart(' ').StartsWith("附") && AnnexHeader.Read(p.Folded) is not null) found._annexes.Add(i);
            else if (HeadingMarker.ReadDecimal(p.Folded) is { } m)
            {
                found.Candidates.Add(i, m);
                if (!found._blocksOfPath.TryGetValue(m.Path!, out var list)) found._blocksOfPath[m.Path!] = list = [];
                list.Add(i);
            }
        }
        return found;
    }

    /// <summary>Whether a paragraph numbered <paramref name="path"/> stands after block <paramref name="after"/> and
    /// before block <paramref name="before"/>.</summary>
    public bool Occurs(string path, int after, int before) =>
        _blocksOfPath.TryGetValue(path, out var list) && First(list, after) is var b && b < before;

    /// <summary>Where the numbering a paragraph numbered <paramref name="path"/> belongs to ends at the latest: the next
    /// paragraph with the same number (its numbering is another one), or the next annex.</summary>
    public int NextBoundary(string path, int block) =>
        Math.Min(_blocksOfPath.TryGetValue(path, out var list) ? First(list, block) : _blockCount, NextAnnex(block));

    /// <summary>The block of the next annex after <paramref name="block"/> (the block count when none).</summary>
    public int NextAnnex(int block) => First(_annexes, block);

    /// <summary>The first entry of a sorted list greater than <paramref name="block"/>, or the block count.</summary>
    private int First(List<int> sorted, int block)
    {
        var at = sorted.BinarySearch(block + 1);
        if (at < 0) at = ~at;
        return at < sorted.Count ? sorted[at] : _blockCount;
    }
}
