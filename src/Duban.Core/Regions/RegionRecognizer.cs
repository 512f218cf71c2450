using Duban.Core.Import;
using Duban.Divisions;

namespace Duban.Core.Regions;

/// <summary>A region of the database (<see cref="RegionId"/>) or a division of the catalogue not in it yet (<see cref="Code"/> only).</summary>
public readonly record struct PlaceRef(long? RegionId, string? Code);

/// <summary>
/// A place recognition may choose: a region of the database or a division of the catalogue the database lacks.
/// </summary>
/// <param name="Lineage">The names of the places above it, from the top down (山东省, 济南市 for 平阴县).</param>
/// <param name="InScope">Whether the importer may file plans there (for a division not in the database: may create it).</param>
public sealed record KnownPlace(PlaceRef Ref, string Name, RegionLevel Level, string? Code, IReadOnlyList<string> Lineage, bool InScope)
{
    /// <summary>The name without its administrative suffix (平阴县 → 平阴), as titles often write it; null when that leaves one character.</summary>
    public string? ShortName => RegionRecognizer.ShortNameOf(Name);
}

/// <summary>
/// What recognition found. <see cref="Name"/> null: the document names no place. A name with no
/// <see cref="Candidates"/>: a place no region or division is called (a new one). One candidate chosen
/// (<see cref="Chosen"/>): recognised. Several and none chosen: ambiguous, someone has to pick one of them.
/// </summary>
/// <param name="Clue">Where the name was read, in Chinese, for the review screen: 发文机关「平阴县人民政府」.</param>
public sealed record RegionRecognition(string? Name, string? Clue, IReadOnlyList<KnownPlace> Candidates, KnownPlace? Chosen)
{
    public static RegionRecognition None { get; } = new(null, null, [], null);

    public bool IsAmbiguous => Chosen is null && Candidates.Count > 1;
}

/// <summary>
/// Recognises the region a plan belongs to from its clues (<see cref="RegionClues"/>) among the known places: the name
/// the issuer, else the title, else the notice's title opens with (平凉市人民政府 → 平凉市); failing a full name, a place
/// written without its suffix where a typical word follows it (提质培优建设平阴职业教育… → 平阴县). Names repeat across
/// the country (市中区, 朝阳区, 鼓楼区), so the places of that name are narrowed: to those within the importer's scope
/// when any is, then by the other clues — the first character of the 发文字号's issuer code (平政字 → 平), the issuer
/// codes of the documents implemented (济政发 → 济南, 鲁政发 → Shandong), the level the recipients imply (各镇人民政府 → a
/// county). A single best place is chosen; otherwise the candidates are handed back, best first, for someone to choose.
/// Pure: the caller supplies the places, from the database and the catalogue.
/// </summary>
public static class RegionRecognizer
{
    private const string Suffixes = "省市县区州盟旗";

    // Words that follow a place written without its suffix in a title: 平阴职业教育, 平凉教育.
    private static readonly string[] ShortNameFollowers = ["职业", "教育", "人民政府", "政府", "贯彻", "推进", "深化", "落实", "经济"];

    public static RegionRecognition Recognize(RegionClues clues, IReadOnlyList<KnownPlace> places)
    {
        var (name, clue) = FullName(clues);
        List<KnownPlace> candidates;
        if (name is not null)
        {
            candidates = [.. places.Where(p => p.Name == name)];
            if (candidates.Count == 0) return new RegionRecognition(name, clue, [], null);
        }
        else
        {
            (candidates, clue) = ByShortName(clues, places);
            if (candidates.Count == 0) return RegionRecognition.None;
            name = candidates[0].Name;
        }

        candidates = Preferred(candidates);
        var ranked = candidates.Select(c => (Place: c, Score: Score(c, clues))).OrderByDescending(x => x.Score).ToList();
        var chosen = ranked.Count == 1 || ranked[0].Score > ranked[1].Score ? ranked[0].Place : null;
        return new RegionRecognition(name, clue, [.. ranked.Select(x => x.Place)], chosen);
    }

    /// <summary>
    /// The places of one name worth choosing among: those within the importer's scope when any is (a county's
    /// administrator means its own 东川区, not Kunming's), and of those, the regions that exist rather than divisions the
    /// database lacks (an old import's 庆阳市 rather than a second one from the catalogue).
    /// </summary>
    public static List<KnownPlace> Preferred(IEnumerable<KnownPlace> places)
    {
        var list = places.ToList();
        if (list.Any(c => c.InScope)) list = [.. list.Where(c => c.InScope)];
        if (list.Any(c => c.Ref.RegionId is not null)) list = [.. list.Where(c => c.Ref.RegionId is not null)];
        return list;
    }

    /// <summary>The name with its suffix removed: 平阴县 → 平阴, 宁夏回族自治区 → 宁夏回族; null when fewer than two characters remain.</summary>
    public static string? ShortNameOf(string name)
    {
        var cut = name.EndsWith("自治区", StringComparison.Ordinal) || name.EndsWith("自治州", StringComparison.Ordinal) || name.EndsWith("自治县", StringComparison.Ordinal)
            ? 3
            : name.EndsWith("地区", StringComparison.Ordinal) ? 2
            : name.Length > 0 && Suffixes.Contains(name[^1]) ? 1 : 0;
        var rest = name[..^cut];
        return cut > 0 && rest.Length >= 2 ? rest : null;
    }

    private static (string? Name, string? Clue) FullName(RegionClues clues)
    {
        if (RegionNames.FromHeading(clues.Issuer) is { } issuer) return (issuer, $"发文机关「{clues.Issuer}」");
        if (RegionNames.FromHeading(clues.Title) is { } title) return (title, $"标题「{clues.Title}」");
        if (RegionNames.FromHeading(clues.NoticeTitle) is { } notice) return (notice, $"通知标题「{clues.NoticeTitle}」");
        return (null, null);
    }

    /// <summary>The places whose short name the issuer, title or notice title writes with a typical word after it (earliest first, then longest).</summary>
    private static (List<KnownPlace> Places, string? Clue) ByShortName(RegionClues clues, IReadOnlyList<KnownPlace> places)
    {
        foreach (var (text, label) in new[] { (clues.Issuer, "发文机关"), (clues.Title, "标题"), (clues.NoticeTitle, "通知标题") })
        {
            if (string.IsNullOrEmpty(text)) continue;
            var normalized = OrganizationNames.Normalize(text);
            var found = places
                .Where(p => p.Level != RegionLevel.Province && p.ShortName is not null)
                .Select(p => (Place: p, At: ShortNameAt(normalized, p.ShortName!)))
                .Where(x => x.At >= 0)
                .ToList();
            if (found.Count == 0) continue;
            var first = found.OrderBy(x => x.At).ThenByDescending(x => x.Place.ShortName!.Length).First();
            return ([.. found.Where(x => x.At == first.At && x.Place.ShortName == first.Place.ShortName).Select(x => x.Place)], $"{label}「{text}」中的“{first.Place.ShortName}”");
        }
        return ([], null);
    }

    /// <summary>Where the short name stands in the text followed by a typical word (or opens the text and is followed by one); −1 when nowhere.</summary>
    private static int ShortNameAt(string text, string shortName)
    {
        for (var at = text.IndexOf(shortName, StringComparison.Ordinal); at >= 0; at = text.IndexOf(shortName, at + 1, StringComparison.Ordinal))
        {
            var rest = text.AsSpan(at + shortName.Length);
            foreach (var follower in ShortNameFollowers)
                if (rest.StartsWith(follower, StringComparison.Ordinal)) return at;
        }
        return -1;
    }

    /// <summary>How well the other clues fit a place: the issuer code, the implemented documents' codes, the recipients' level.</summary>
    private static int Score(KnownPlace place, RegionClues clues)
    {
        var score = 0;
        var own = place.Name[0];
        var above = string.Concat(place.Lineage.Select(n => n[0])) + ProvinceAbbreviations.Of(place.Code);
        if (clues.IssuerCode is { Length: > 0 } code)
        {
            if (code[0] == own) score += 2;
            else if (above.Contains(code[0])) score += 1;
        }
        // Each implemented document of a place above counts: 鲁政发 fits every 市中区 of Shandong, 济政发 only Jinan's.
        score += clues.BasisIssuerCodes.Distinct().Count(b => b.Length > 0 && above.Contains(b[0]));
        if (clues.IssuerLevel is { } level) score += level == place.Level ? 1 : -1;
        return score;
    }
}
