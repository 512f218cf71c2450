using System.Text;
using Duban.Core.Organizations;

namespace Duban.Core.Import;

/// <summary>How organisation names are compared: documents differ in white space and in half- or full-width brackets.</summary>
public static class OrganizationNames
{
    /// <summary>The form names are compared in: no white space, brackets full-width (各县(区) and 各县（区） are one name).</summary>
    public static string Normalize(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c)) continue;
            builder.Append(c switch
            {
                '(' => '（',
                ')' => '）',
                _ => c,
            });
        }
        return builder.ToString();
    }

    /// <summary>
    /// A good first guess at what kind of body a name stands for, for the review screen to offer when a unit is new.
    /// The user can always change it; it decides nothing but the default.
    /// </summary>
    public static OrganizationKind GuessKind(string name)
    {
        var n = Normalize(name);
        if (n.EndsWith("政府", StringComparison.Ordinal)) return OrganizationKind.Government;
        if (SchoolWords.Any(w => n.Contains(w, StringComparison.Ordinal)) || n.EndsWith('校')) return OrganizationKind.School;
        if (EnterpriseWords.Any(w => n.Contains(w, StringComparison.Ordinal))) return OrganizationKind.Enterprise;
        if (DepartmentEndings.Any(e => n.EndsWith(e, StringComparison.Ordinal))) return OrganizationKind.Department;
        return OrganizationKind.Other;
    }

    private static readonly string[] SchoolWords = ["学院", "学校", "大学", "中学", "小学", "院校", "技校", "中专"];

    private static readonly string[] EnterpriseWords = ["公司", "集团", "企业", "银行"];

    // 管委会, 办公室, 教育督导室, 委员会 … are organs of government; 联合会, 总工会 and the like are not (they stay Other).
    private static readonly string[] DepartmentEndings = ["局", "委", "办", "部", "厅", "室", "署", "处", "管委会", "委员会", "中心"];
}
