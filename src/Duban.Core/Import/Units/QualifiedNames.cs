namespace Duban.Core.Import.Units;

/// <summary>A department name with its place written out, and the region the department belongs to.</summary>
public sealed record QualifiedName(string Name, RegionRef Region);

/// <summary>
/// Writes the place into a name that leaves it out, the way the organisation is really called: 市教育局 in 平凉's plan is
/// 平凉市教育局, 县政府 in 平阴's is 平阴县人民政府, 市委组织部 is 中共平凉市委组织部, 团市委 is 共青团平凉市委, 省教育厅 in a
/// city plan is the province's 甘肃省教育厅. The written form stays an alias of the organisation (docs/import.md).
/// </summary>
public static class QualifiedNames
{
    /// <summary>
    /// The qualified form of <paramref name="name"/> for a plan whose region and ancestors are <paramref name="chain"/>
    /// (the plan's region first, then upwards); null when the name does not open with a level word, or no region of the
    /// chain has that level.
    /// </summary>
    public static QualifiedName? Qualify(string name, IReadOnlyList<RegionRef> chain)
    {
        var normalized = OrganizationNames.Normalize(name);
        if (LevelPrefix.Read(normalized) is not { } prefix) return null;
        if (chain.FirstOrDefault(r => prefix.Names(OrganizationNames.Normalize(r.Name))) is not { } region) return null;
        var place = OrganizationNames.Normalize(region.Name);
        var rest = prefix.Rest;
        string qualified;
        if (prefix.YouthLeague) qualified = "共青团" + place + rest;
        else if (rest[0] == '委') qualified = "中共" + place + rest;
        else qualified = place + Expand(rest);
        return new QualifiedName(qualified, region);
    }

    // 政府 is written short for the people's government and its office.
    private static string Expand(string rest) => rest switch
    {
        "政府" => "人民政府",
        "政府办" or "政府办公室" => "人民政府办公室",
        _ when rest.StartsWith("政府", StringComparison.Ordinal) && !rest.StartsWith("政府办", StringComparison.Ordinal) => "人民政府" + rest[2..],
        _ => rest,
    };
}
