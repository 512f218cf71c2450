using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// A list of units parted by one semicolon, without role words: （县卫生健康局；县发展改革局、县自然资源局）. 分工 documents
/// write the lead first and part it from its partners by the semicolon — the bracket's labelled form
/// （牵头单位：…；配合单位：…） without its labels —, while a semicolon before the subordinate governments parts two
/// levels that each carry the task (（市级有关部门；各区人民政府）: the city's departments and every district). So the
/// units before the semicolon lead and those after it cooperate when the first group names departments (no collective)
/// and the second is not only subordinate governments; a note of the document (分号前为牵头单位) makes it so for every such
/// list, one saying the order carries no role (排名不分先后) for none.
/// </summary>
internal static class SemicolonGroups
{
    /// <summary>Gives the units after the semicolon the cooperating role where the rule holds; changes nothing otherwise.</summary>
    public static void Apply(SemicolonConvention convention, MappedText field, List<ResponsibleUnit> units)
    {
        if (convention == SemicolonConvention.Unordered || units.Count < 2 || units.Any(u => u.Role != UnitRole.Lead)) return;
        var at = SingleSemicolon(field);
        if (at < 0) return;
        var cut = field.SourceOffset(at);
        var before = units.Where(u => u.Span.Start < cut).ToList();
        var after = units.Where(u => u.Span.Start > cut).ToList();
        if (before.Count == 0 || after.Count == 0) return;
        if (convention == SemicolonConvention.ByShape
            && (before.Any(u => u.Collective) || after.All(u => u.CollectiveKind == CollectiveKind.SubordinateGovernments)))
            return;
        for (var i = 0; i < units.Count; i++)
            if (units[i].Span.Start > cut) units[i] = units[i] with { Role = UnitRole.Cooperating };
    }

    /// <summary>Where the field's one semicolon outside brackets stands; -1 when it has none or several.</summary>
    private static int SingleSemicolon(MappedText field)
    {
        var span = field.Span;
        int found = -1, depth = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = CharFolding.Fold(span[i]);
            if (c is '(' or '〔' or '（' or '【' or '[') depth++;
            else if (c is ')' or '〕' or '）' or '】' or ']') depth = Math.Max(0, depth - 1);
            else if (depth == 0 && c is ';' or '；')
            {
                if (found >= 0) return -1;
                found = i;
            }
        }
        return found;
    }
}
