namespace Duban.Core.Import.Units;

/// <summary>
/// A collective naming one kind of body in every region directly below the plan's: 各县（市、区）人民政府 and 各县市 are
/// the county governments, 各县（区）教育局 each county's education bureau. <see cref="Body"/> is what each region's body is
/// called after its place: 人民政府, 教育局.
/// </summary>
public sealed record SubordinateUnits(string Body)
{
    public const string Government = "人民政府";

    public bool IsGovernment => Body == Government;

    // Lists of levels as documents write them, longest first so that 县（市、区） is not read as 县 followed by （市、区）.
    private static readonly string[] Levels =
    [
        "县（市、区）", "县（区、市）", "市（县、区）", "区（县、市）", "县（市区）", "县（区）", "县（市）", "区（县）", "市（县）",
        "县市区", "县区市", "市县区", "区县市", "县市", "县区", "区县", "市县", "市区", "县", "区", "市", "州", "盟", "旗",
    ];

    private static readonly string[] GovernmentWords = ["", "政府", "人民政府", "党委政府", "党委和政府"];

    /// <summary>The collective's reading; null when the name is not a level list followed by at most a body name.</summary>
    public static SubordinateUnits? Read(string name)
    {
        var n = OrganizationNames.Normalize(name);
        var each = n.StartsWith('各');
        if (each) n = n[1..];
        foreach (var level in Levels)
        {
            if (!n.StartsWith(level, StringComparison.Ordinal)) continue;
            var rest = n[level.Length..];
            // A single level word without 各 is one body (县政府, 区教育局): LevelPrefix reads those.
            var list = level.Length > 1;
            if (!each && !list) return null;
            if (GovernmentWords.Contains(rest)) return new SubordinateUnits(Government);
            // 各县（区）教育局: a department; 各县（区）有关部门 and 各县区职业学校 are not one body per region.
            if (rest.Length < 2 || !DepartmentEndings.Any(e => rest.EndsWith(e, StringComparison.Ordinal))) return null;
            if (rest.StartsWith("有关", StringComparison.Ordinal) || rest.StartsWith("相关", StringComparison.Ordinal) || rest.Contains('各')) return null;
            return new SubordinateUnits(rest);
        }
        return null;
    }

    private static readonly string[] DepartmentEndings = ["局", "委", "办", "厅", "委员会", "办公室", "中心"];

    /// <summary>The name of the body in one region: 崆峒区 + 人民政府.</summary>
    public string NameIn(RegionRef region) => OrganizationNames.Normalize(region.Name) + Body;
}
