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
        UnitMatchKind.Placeholder => "泛指，不作为单位",
        _ => "需要选择",
    };

    /// <summary>The select's value the proposal preselects: map:ID, expand, create or nothing. A match the administrator may not choose is not preselected.</summary>
    public static string DefaultChoice(UnitProposal proposal, ImportChoices choices) => proposal.Kind switch
    {
        UnitMatchKind.Exact or UnitMatchKind.Alias when proposal.OrganizationIds.Count == 1 =>
            choices.Allows(proposal.OrganizationIds[0]) ? $"map:{proposal.OrganizationIds[0]}" : "",
        UnitMatchKind.Collective => "expand",
        UnitMatchKind.Placeholder or UnitMatchKind.NeedsChoice => "none",
        UnitMatchKind.New => "create",
        _ => "",
    };

    /// <summary>The name, kind and region a new organisation gets unless the administrator changes them.</summary>
    public static NewOrganization DefaultNew(UnitProposal proposal) =>
        proposal.Suggestion ?? new NewOrganization(proposal.Unit.Canonical, Core.Organizations.OrganizationKind.Other, null);

    /// <summary>The decision the posted row stands for; null for no choice.</summary>
    public static UnitDecision? Decision(UnitProposal proposal, PostedUnit? posted)
    {
        if (posted is null || string.IsNullOrEmpty(posted.Choice)) return null;
        var choice = posted.Choice;
        if (choice == "none") return new NotAUnit();
        if (choice == "expand" && proposal.Kind == UnitMatchKind.Collective)
        {
            // Only the ticked members get the assignment (and only the ticked new ones are created); none ticked is
            // refused by the importer, naming the unit.
            var create = posted.ExpandNew is { } ticked
                ? [.. ticked.Where(i => i >= 0 && i < proposal.MembersToCreate.Count).Distinct().Select(i => proposal.MembersToCreate[i])]
                : proposal.MembersToCreate;
            return new ExpandCollective(posted.Expand ?? proposal.OrganizationIds, create);
        }
        if (choice == "create")
        {
            var suggested = DefaultNew(proposal);
            var name = string.IsNullOrWhiteSpace(posted.NewName) ? suggested.Name : posted.NewName.Trim();
            var kind = Enum.TryParse<Core.Organizations.OrganizationKind>(posted.NewKind, out var k) && Enum.IsDefined(k) ? k : suggested.Kind;
            var region = posted.NewRegion is null ? suggested.RegionId : long.TryParse(posted.NewRegion, out var r) ? r : null;
            return new CreateOrganization(name, kind, region);
        }
        if (choice.StartsWith("map:", StringComparison.Ordinal) && long.TryParse(choice[4..], out var id)) return new MapToOrganizations([id], RememberAlias: true);
        return null;
    }
}

/// <summary>
/// One unit's row of the wizard's confirmation form: the select's value, the new organisation's fields, and the
/// organisations ticked for a collective (null when the form had no boxes for it: all of the proposal's), and the new
/// members ticked, by their index in the proposal's list. <paramref name="NewRegion"/> is the posted value: empty for the
/// plan's region, null when the form had no such field.
/// </summary>
public sealed record PostedUnit(string Choice, string? NewName = null, string? NewKind = null, string? NewRegion = null, IReadOnlyList<long>? Expand = null,
    IReadOnlyList<int>? ExpandNew = null);
