using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Work divided by unit (按单位分工): each unit is a heading of its own (一、区教育局 / 二、区人社局 / 三、区财政局) and
/// its tasks are the numbered items under it, naming no unit themselves. The heading's units are then the items'
/// responsible units, as a 责任单位 field would be. Only headings that are nothing but unit names count, and only where
/// at least two sibling headings are (a lone heading such as 三、市教育局 among topics is not a division by unit).
/// </summary>
internal static class UnitHeadings
{
    public static List<NumberedItem> Apply(List<NumberedItem> items)
    {
        var unitsOf = new Dictionary<Structure.OutlineNode, List<TaskField>>();
        foreach (var item in items)
        {
            if (item.Fields.HasUnits || item.Fields.Fields.Count > 0) continue;
            var title = item.Fields.Text.Trim();
            var end = title.Length;
            while (end > 0 && title.Value[end - 1] is '：' or ':' or '。' or '；' or ';') end--;
            if (end == 0) continue;
            var units = UnitClause.BareUnits(title.Slice(0, end));
            if (units.Count > 0 && units.All(f => f.Kind != FieldKind.Deadline)) unitsOf[item.Node] = units;
        }
        if (unitsOf.Count < 2) return items;
        // Sibling unit headings: the same parent and numbering style.
        var siblings = unitsOf.Keys.GroupBy(n => (n.Parent, n.Style)).Where(g => g.Count() >= 2).SelectMany(g => g).ToHashSet();
        if (siblings.Count == 0) return items;

        var result = new List<NumberedItem>(items.Count);
        foreach (var item in items)
        {
            if (item.Node.Parent is { } parent && siblings.Contains(parent) && !item.Fields.HasUnits)
            {
                result.Add(new NumberedItem
                {
                    Node = item.Node,
                    Annex = item.Annex,
                    Fields = item.Fields with { Fields = [.. unitsOf[parent], .. item.Fields.Fields] },
                    Span = item.Span,
                    FirstBlock = item.FirstBlock,
                    LastBlock = item.LastBlock,
                    EndsOpen = item.EndsOpen,
                });
                continue;
            }
            result.Add(item);
        }
        return result;
    }
}
