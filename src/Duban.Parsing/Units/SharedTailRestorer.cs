namespace Duban.Parsing.Units;

/// <summary>
/// Completes bare pieces from the piece after them, which carries the tail they share:
/// 中宁、海原县人民政府 → 中宁县人民政府; 市、县人民政府教育督导室 → 市人民政府教育督导室;
/// 教育、财政等部门 → 教育部门, 财政部门.
/// </summary>
internal static class SharedTailRestorer
{
    // 市、县两级政府 names two levels at once: 两级 is not a tail 市 can take.
    private const string LevelCounts = "级两三";

    public static void Restore(List<UnitDraft> drafts)
    {
        // Right to left: a tail passes over a run of bare pieces to its left, so each piece is visited a bounded
        // number of times and the run stops at the first piece that is whole.
        for (var i = drafts.Count - 1; i > 0; i--)
        {
            var giver = drafts[i];
            if (giver.SharedTail is { } tail)
                LendTail(drafts, i, tail);
            else
                LendPlaceTail(drafts, i);
        }
    }

    private static void LendTail(List<UnitDraft> drafts, int giver, UnitName tail)
    {
        for (var j = giver - 1; j >= 0; j--)
        {
            var taker = drafts[j];
            if (taker.SharedTail is not null || !UnitShape.IsBare(taker.Name.Key)) return;
            drafts[j] = taker with { Name = taker.Name + tail, SharedTail = tail };
        }
    }

    private static void LendPlaceTail(List<UnitDraft> drafts, int giver)
    {
        var name = drafts[giver].Name;
        var segment = AdministrativePrefix.FirstSegment(name.Key);
        if (!segment.Found || segment.Length >= name.Length) return;
        // The shared tail is read on the folded key; its strings are made only when a piece to the left takes it, which
        // most givers never meet (the piece before them is whole).
        var restStart = segment.Length;
        var restKey = name.Key.AsSpan(restStart);
        // 市、县（区）政府: the bracket lists the giver's own levels; the taker shares only what follows it.
        if (restKey[0] == '（')
        {
            var close = restKey.IndexOf('）');
            if (close < 0 || close == restKey.Length - 1) return;
            restStart += close + 1;
            restKey = name.Key.AsSpan(restStart);
        }
        if (LevelCounts.Contains(restKey[0]) || UnitShape.EndingLength(restKey) == 0) return;
        // Made on first use (default until then; a plain struct, not UnitName?, whose Nullable code the CLI would JIT).
        UnitName rest = default, level = default;

        for (var j = giver - 1; j >= 0; j--)
        {
            var taker = drafts[j];
            var key = taker.Name.Key.AsSpan();
            bool withLevel;
            if (!segment.HasPlace && AdministrativePrefix.IsBareLevel(key)) withLevel = false; // 市 + 人民政府教育督导室
            else if (segment.HasPlace && IsPlaceWithLevel(key)) withLevel = false; // 中宁县 + 人民政府
            else if (segment.HasPlace && UnitShape.IsBarePlace(key)) withLevel = true; // 中宁 + 县 + 人民政府
            else return;
            if (rest.Written is null) rest = name.Slice(restStart);
            if (withLevel && level.Written is null) level = name.Slice(segment.LevelStart, segment.Length - segment.LevelStart);
            var completed = withLevel ? taker.Name + level + rest : taker.Name + rest;
            drafts[j] = taker with { Name = completed };
        }
    }

    private static bool IsPlaceWithLevel(ReadOnlySpan<char> key)
    {
        var segment = AdministrativePrefix.FirstSegment(key);
        return segment.HasPlace && segment.Length == key.Length;
    }
}
