using System.Buffers;

namespace Duban.Parsing.Units;

/// <summary>
/// What the shape of a (folded) name says about it: whether it is a whole organisation name, a department that may
/// have lost its prefix, or a bare short form that only makes sense with a neighbour's tail.
/// </summary>
internal static class UnitShape
{
    // Endings of a whole organisation name, longest first (the matched length matters: 政府 alone is not a unit).
    private static readonly string[] UnitEndings =
    [
        "委员会", "办公室", "办公厅", "管委会", "供销社", "合作社",
        "政府", "部门", "单位", "机构", "中心", "院校", "学校", "学院", "大学", "医院", "集团", "公司", "银行", "基地", "报社",
        // 专班: a task force set up for one line of work (产教融合工作专班), named as a unit in 分工 documents.
        "专班",
        // 股: an office of a county bureau (职成股, 计财股), as 科 is a city's and 处 a province's.
        "局", "委", "办", "厅", "部", "处", "科", "股", "室", "所", "站", "队", "会", "联", "协", "院", "校", "组", "馆", "台",
    ];

    // The endings of an office that sits under a government or party committee and is commonly written without the
    // prefix it shares with the unit before it (市发展改革委、财政局).
    private static readonly string[] DepartmentEndings = ["委员会", "办公室", "联合会", "中心", "协会", "工会", "局", "委", "办", "厅", "部", "联", "协"];

    // Openings of a name that stands for many (各县区, 有关单位).
    private static readonly string[] CollectiveStarts = ["各", "有关", "相关", "所属", "其他", "其它"];

    // Openings of a name that is complete on its own and never takes a prefix (团市委, 中共平凉市委, 国家税务总局).
    private static readonly string[] OwnNameStarts = ["团", "共青团", "中共", "中国", "国家", "驻", "全"];

    // Marks of a named body that carries its own place (中卫工业园区管委会) or of a school (…职业教育中心).
    private static readonly string[] NamedBodyMarks = ["园区", "开发区", "新区", "示范区", "试验区", "保税区", "管委会", "学校", "学院", "院校", "大学", "职教中心", "职业教育中心"];

    // A branch office is named by the place it serves: 公安青浦分局, 税务浦东分局, 青浦公安分局. The place stands between
    // the system word and the branch ending, or before the system word; without a place (公安分局) the name still
    // needs the prefix of the unit before it.
    private static readonly string[] SystemWords = ["公安", "税务", "市场监管", "市场监督管理", "生态环境", "规划资源", "规划和自然资源", "自然资源", "交通", "交警", "消防", "气象", "人民银行", "人行", "银保监", "银监", "证监", "金融监管", "邮政", "通信管理"];
    private static readonly string[] BranchEndings = ["分局", "支局", "分院", "分中心", "支队", "大队", "中心支行", "支行", "分行", "分所"];
    private const int MinPlaceLength = 2;
    private const int MaxPlaceLength = 4;

    // Party organs: after a prefix they take 委 as well (县委编办、组织部 → 县委组织部, never 县组织部).
    private static readonly string[] PartyOrgans = ["组织部", "宣传部", "统战部", "政法委", "编办", "编委办", "机构编制委员会办公室", "网信办", "政研室", "老干部局"];

    private const int LongestBareForm = 12;

    // Most names end in none of the endings' last characters; checking that first saves the loops.
    private static readonly SearchValues<char> UnitEndingLastChars = LastChars(UnitEndings);
    private static readonly SearchValues<char> DepartmentEndingLastChars = LastChars(DepartmentEndings);

    /// <summary>The length of the unit ending <paramref name="key"/> ends with; 0 when none.</summary>
    public static int EndingLength(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || !UnitEndingLastChars.Contains(key[^1])) return 0;
        foreach (var ending in UnitEndings)
            if (key.EndsWith(ending))
                return ending.Length;
        return 0;
    }

    /// <summary>
    /// True for a whole organisation name: more than a bare ending (市教育局, 党委, but not 政府), or a collective.
    /// 社会 ends in 会 but only ever occurs inside a name (人力资源和社会保障局).
    /// </summary>
    public static bool IsComplete(ReadOnlySpan<char> key)
    {
        var ending = EndingLength(key);
        if (ending > 0 && key.Length > ending && !key.EndsWith("社会")) return true;
        return key.Length >= 2 && StartsCollective(key);
    }

    public static bool StartsCollective(ReadOnlySpan<char> key)
    {
        foreach (var start in CollectiveStarts)
            if (key.StartsWith(start))
                return true;
        return false;
    }

    /// <summary>
    /// A short form that is not a name on its own and takes a neighbour's tail: 教育 in 教育、财政等部门.
    /// </summary>
    public static bool IsBare(ReadOnlySpan<char> key) =>
        key.Length is > 0 and <= LongestBareForm
        && AllIdeographs(key)
        && !IsComplete(key)
        && AdministrativePrefix.Length(key) == 0;

    /// <summary>A place name written without its level, as 中宁 in 中宁、海原县人民政府.</summary>
    public static bool IsBarePlace(ReadOnlySpan<char> key) => key.Length is >= 2 and <= 4 && IsBare(key);

    /// <summary>
    /// True for a department written without the prefix it shares with an earlier unit: it ends like an office
    /// (局, 委, 办, 厅, 部, 委员会, 办公室, 中心, 联…) and opens with no place, level, collective or own-name word.
    /// </summary>
    public static bool NeedsPrefix(ReadOnlySpan<char> key)
    {
        if (!EndsLikeDepartment(key) || AdministrativePrefix.Length(key) > 0 || StartsCollective(key)) return false;
        foreach (var start in OwnNameStarts)
            if (key.StartsWith(start))
                return false;
        foreach (var mark in NamedBodyMarks)
            if (key.Contains(mark, StringComparison.Ordinal))
                return false;
        return !IsBranchWithPlace(key);
    }

    /// <summary>True for a branch office that names its own place: 公安青浦分局, 青浦公安分局 (not 公安分局).</summary>
    public static bool IsBranchWithPlace(ReadOnlySpan<char> key)
    {
        var branch = 0;
        foreach (var ending in BranchEndings)
            if (key.EndsWith(ending)) { branch = ending.Length; break; }
        if (branch == 0) return false;
        var body = key[..^branch];
        foreach (var system in SystemWords)
        {
            var at = body.IndexOf(system);
            if (at < 0) continue;
            var after = body.Length - at - system.Length;
            var place = at > 0 ? at : after;
            var placeText = at > 0 ? body[..at] : body[(at + system.Length)..];
            if (at > 0 && after > 0) return false;
            return place is >= MinPlaceLength and <= MaxPlaceLength && AllIdeographs(placeText);
        }
        return false;
    }

    private static bool EndsLikeDepartment(ReadOnlySpan<char> key)
    {
        if (key.IsEmpty || !DepartmentEndingLastChars.Contains(key[^1])) return false;
        foreach (var ending in DepartmentEndings)
            if (key.EndsWith(ending))
                return key.Length > ending.Length;
        return false;
    }

    public static bool IsPartyOrgan(ReadOnlySpan<char> key)
    {
        foreach (var organ in PartyOrgans)
            if (key.SequenceEqual(organ))
                return true;
        return false;
    }

    private static SearchValues<char> LastChars(string[] words) => SearchValues.Create([.. words.Select(w => w[^1]).Distinct()]);

    public static bool AllIdeographs(ReadOnlySpan<char> key)
    {
        foreach (var c in key)
            if (!ChineseFolding.IsIdeograph(c))
                return false;
        return true;
    }
}
