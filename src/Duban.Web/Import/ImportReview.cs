using Duban.Core.Import;
using Duban.Data.Import;

namespace Duban.Web.Import;

/// <summary>A piece of the plan's text: plain, or the source of a task (its anchor id and label).</summary>
public sealed record TextPiece(string Text, string? TaskAnchor, string? Label);

/// <summary>The review screen's view of an analysis: the text cut at the task spans, and the unit choices.</summary>
public static class ImportReview
{
    public static string Anchor(int list, int task) => $"task-{list + 1}-{task + 1}";

    /// <summary>The document's text in pieces, each task's span one piece (overlapping spans are cut where the earlier ends).</summary>
    public static IReadOnlyList<TextPiece> Pieces(ImportAnalysis analysis)
    {
        var text = analysis.Document.Text;
        var spans = analysis.Document.TaskLists
            .SelectMany((l, li) => l.Tasks.Select((t, ti) => (t.Span, Anchor: Anchor(li, ti), Label: $"{l.Name} 第 {t.No} 项")))
            .Where(s => s.Span.Start >= 0 && s.Span.End <= text.Length && s.Span.Length > 0)
            .OrderBy(s => s.Span.Start)
            .ToList();
        var pieces = new List<TextPiece>();
        var at = 0;
        foreach (var (span, anchor, label) in spans)
        {
            if (span.End <= at) continue;
            var start = Math.Max(span.Start, at);
            if (start > at) pieces.Add(new TextPiece(text[at..start], null, null));
            pieces.Add(new TextPiece(text[start..span.End], anchor, label));
            at = span.End;
        }
        if (at < text.Length) pieces.Add(new TextPiece(text[at..], null, null));
        return pieces;
    }

    public static string KindText(UnitMatchKind kind) => kind switch
    {
        UnitMatchKind.Exact => "已有单位（名称一致）",
        UnitMatchKind.Alias => "已有单位（别名）",
        UnitMatchKind.Collective => "集合单位，展开",
        UnitMatchKind.Ambiguous => "有多个可能的单位，请选择",
        UnitMatchKind.New => "新单位",
        _ => "需要选择",
    };

    /// <summary>The select's value the proposal preselects: map:ID, expand, create or nothing.</summary>
    public static string DefaultChoice(UnitProposal proposal) => proposal.Kind switch
    {
        UnitMatchKind.Exact or UnitMatchKind.Alias when proposal.OrganizationIds.Count == 1 => $"map:{proposal.OrganizationIds[0]}",
        UnitMatchKind.Collective => "expand",
        UnitMatchKind.New or UnitMatchKind.NeedsChoice => "create",
        _ => "",
    };

    /// <summary>The decision a select's value stands for; null for no choice.</summary>
    public static UnitDecision? Decision(UnitProposal proposal, string? choice)
    {
        if (string.IsNullOrEmpty(choice)) return null;
        if (choice == "expand" && proposal.OrganizationIds.Count > 0) return new ExpandCollective(proposal.OrganizationIds);
        if (choice == "create")
            return proposal.Suggestion is { } s
                ? new CreateOrganization(s.Name, s.Kind, s.RegionId)
                : new CreateOrganization(proposal.Unit.Canonical, Core.Organizations.OrganizationKind.Other);
        if (choice.StartsWith("map:", StringComparison.Ordinal) && long.TryParse(choice[4..], out var id)) return new MapToOrganizations([id], RememberAlias: true);
        return null;
    }
}
