namespace Duban.Divisions;

/// <summary>The three levels of the catalogue: 省级, 地级 (市、州、盟、地区) and 县级 (区、县、县级市、旗, functional zones).</summary>
public enum DivisionLevel
{
    Province = 1,
    City = 2,
    County = 3,
}

/// <summary>
/// One administrative division (GB/T 2260, as the statistical division codes list it) with its full 6-digit code:
/// 甘肃省 620000, 平凉市 620800, 崆峒区 620802.
/// </summary>
/// <param name="ParentCode">The division it lies in; null for a province. The districts of a municipality (北京市 …) and the
/// counties a province governs directly (济源市, 仙桃市, 石河子市 …) lie directly in the province.</param>
public sealed record Division(string Code, string Name, DivisionLevel Level, string? ParentCode)
{
    /// <summary>
    /// A functional zone (development zone, new area: 济南高新技术产业开发区 370176) rather than a county of its own: listed
    /// in the catalogue, but left out by default where 各县（市、区） is meant.
    /// </summary>
    public bool IsFunctionalZone => DivisionCodes.IsFunctionalZone(Code);
}
