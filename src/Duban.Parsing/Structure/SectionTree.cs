using Duban.Parsing.Model;

namespace Duban.Parsing.Structure;

/// <summary>Builds the public heading tree from the outline: headings and annexes, without tasks and list items.</summary>
internal static class SectionTree
{
    public static List<Section> Build(Outline outline) => Children(outline.Roots, 1);

    private static List<Section> Children(IEnumerable<OutlineNode> nodes, int level)
    {
        var sections = new List<Section>();
        foreach (var node in nodes)
        {
            // A task or a numbered sentence is not a heading; headings below it move up to its level.
            if (node.IsListItem || !node.IsHeading)
            {
                sections.AddRange(Children(node.Children, level));
                continue;
            }
            sections.Add(new Section
            {
                Kind = node.Kind,
                Level = level,
                Marker = node.Marker,
                Style = node.Style,
                Number = node.Number,
                Title = node.Title,
                Span = node.Span,
                Children = Children(node.Children, level + 1),
            });
        }
        return sections;
    }
}
