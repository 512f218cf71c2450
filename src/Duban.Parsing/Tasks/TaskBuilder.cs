using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;
using Duban.Parsing.Targets;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>Turns the fields read for one task into a <see cref="PlanTask"/>: units with roles, deadline, targets.</summary>
internal static class TaskBuilder
{
    public static PlanTask Build(
        ParseContext context, string no, IReadOnlyList<string> sectionPath, TaskFields fields, bool fromTable,
        SourceSpan span, MappedText? targetText = null)
    {
        fields = WithClauseRoles(fields);
        var hasLeadLabel = fields.Fields.Any(f => f.Kind == FieldKind.Lead && f.Value.Length > 0);
        var units = new List<ResponsibleUnit>();
        Deadline? deadline = null;
        foreach (var field in fields.Fields)
        {
            if (field.Value.Length == 0 || field.Kind == FieldKind.Person) continue;
            if (field.Kind == FieldKind.Deadline)
            {
                deadline ??= ReadDeadline(context, field.Value);
                continue;
            }
            var role = field.Kind switch
            {
                FieldKind.Lead => UnitRole.Lead,
                FieldKind.Responsible => hasLeadLabel ? UnitRole.Cooperating : UnitRole.Lead,
                _ => UnitRole.Cooperating,
            };
            // 责任单位：市人社局、市财政局，排在第一位的为牵头单位，下同: the note (and its 下同) stated inside the field is
            // no unit.
            var read = MarkedLeads(field.Value, context.Units.Parse(field.Value, role, fromTable))
                .Where(u => !LeadConvention.IsNote(u.Name)).ToList();
            if (field.Kind == FieldKind.Responsible && !hasLeadLabel && !fromTable && !context.FirstListedLeads)
                SemicolonGroups.Apply(context.SemicolonLeads, field.Value, read);
            units.AddRange(read);
        }
        MergeRepeated(units);
        if (context.FirstListedLeads) FirstListedLeads(fields, units);
        MarkPrimary(units);
        // No 完成时限 field: a date ending in 前 within the text (2024年底前，完成…).
        deadline ??= TextDeadline.Find(fields.Text, context.IssueYear, context.TitleYear);

        var targets = new List<Target>();
        if (targetText is { Length: > 0 }) targets.AddRange(TargetExtractor.Extract(targetText));
        foreach (var t in TargetExtractor.Extract(fields.Text))
            if (!HasSpan(targets, t.Span)) targets.Add(t);

        return new PlanTask
        {
            No = no,
            SectionPath = sectionPath,
            Text = TitleText.Clean(fields.Text.Value),
            Units = units,
            Deadline = deadline,
            Targets = targets,
            Span = span,
        };
    }

    private static Deadline ReadDeadline(ParseContext context, MappedText value)
    {
        var raw = value.Value.Trim();
        var deadline = DeadlineParser.Parse(raw, value.SourceSpan, context.IssueYear);
        if (!deadline.Understood)
            context.Warn(WarningCodes.UnreadableDeadline, $"无法识别完成时限“{raw}”，已保留原文。", value.SourceSpan);
        return deadline;
    }

    /// <summary>
    /// "市教育局（牵头）、市财政局、市人社局": within one field, the units marked （牵头） lead and the others cooperate.
    /// </summary>
    private static IEnumerable<ResponsibleUnit> MarkedLeads(MappedText field, IReadOnlyList<ResponsibleUnit> units)
    {
        // Nearly every field is without a 牵头 mark: its folded copy and the list are not made then.
        if (units.Count < 2 || !MayHoldLeadMarker(field.Span)) return units;
        var markers = LeadMarkers(field).ToList();
        if (markers.Count == 0 || units.Count < 2) return units;
        var leads = new HashSet<ResponsibleUnit>();
        foreach (var marker in markers)
        {
            // The marked unit is the last one that starts before the marker.
            var marked = units.Where(u => u.Span.Start < marker).MaxBy(u => u.Span.Start);
            if (marked is not null) leads.Add(marked);
        }
        if (leads.Count == 0) return units;
        return units.Select(u => u with { Role = leads.Contains(u) ? UnitRole.Lead : UnitRole.Cooperating });
    }

    /// <summary>
    /// A labelled field may itself be a clause of roles: 责任单位：市财政局牵头，市教育局、市人社局配合. Such a field is read as
    /// the clause (lead, then cooperating), as if the units had been written without the label.
    /// </summary>
    private static TaskFields WithClauseRoles(TaskFields fields)
    {
        if (!fields.Fields.Any(f => f.Kind == FieldKind.Responsible && UnitClause.NamesRoles(f.Value))) return fields;
        var expanded = new List<TaskField>();
        foreach (var field in fields.Fields)
        {
            if (field.Kind == FieldKind.Responsible && UnitClause.NamesRoles(field.Value)) expanded.AddRange(UnitClause.Roles(field.Value));
            else expanded.Add(field);
        }
        return fields with { Fields = expanded };
    }

    /// <summary>
    /// A document that says once 排在第一位的为牵头单位 (下同) lists each task's units in one field, the lead first: when
    /// the task names no 牵头 or 配合 otherwise (no 牵头单位 label, no 配合 field, no （牵头） mark), its first unit leads
    /// and the others cooperate.
    /// </summary>
    private static void FirstListedLeads(TaskFields fields, List<ResponsibleUnit> units)
    {
        if (units.Count < 2 || units.Any(u => u.Role != UnitRole.Lead)) return;
        if (fields.Fields.Any(f => f.Kind is FieldKind.Lead or FieldKind.Cooperating && f.Value.Length > 0)) return;
        if (fields.Fields.Any(f => f.Kind == FieldKind.Responsible && MayHoldLeadMarker(f.Value.Span) && LeadMarkers(f.Value).Any())) return;
        for (var i = 1; i < units.Count; i++) units[i] = units[i] with { Role = UnitRole.Cooperating };
    }

    /// <summary>
    /// Where a field marks a unit as lead: （牵头）, （牵头单位）, and the same in 〔〕, [] or 【】 (市教育局〔牵头〕), which
    /// fold to one bracket.
    /// </summary>
    private static IEnumerable<int> LeadMarkers(MappedText field)
    {
        var folded = CharFolding.Fold(field.Span);
        for (var at = folded.IndexOf("牵头", StringComparison.Ordinal); at >= 0; at = folded.IndexOf("牵头", at + 2, StringComparison.Ordinal))
            if (at > 0 && folded[at - 1] is '(' or '〔')
                yield return field.SourceOffset(at - 1);
    }

    private static bool MayHoldLeadMarker(ReadOnlySpan<char> field)
    {
        foreach (var c in field)
            if (CharFolding.Fold(c) == '牵') return true;
        return false;
    }

    // A loop, not targets.Any(…): a lambda over the loop variable allocated its closure and delegate for every task.
    private static bool HasSpan(List<Target> targets, SourceSpan span)
    {
        foreach (var existing in targets)
            if (existing.Span == span) return true;
        return false;
    }

    /// <summary>
    /// A unit named twice for one task (its measures each close with their units, 一是…（市教育局牵头）；二是…（市教育局、
    /// 市财政局配合）) is one unit, at its first place, leading if it leads anywhere in the task.
    /// </summary>
    private static void MergeRepeated(List<ResponsibleUnit> units)
    {
        for (var i = units.Count - 1; i > 0; i--)
        {
            var first = units.FindIndex(0, i, u => u.Canonical == units[i].Canonical);
            if (first < 0) continue;
            if (units[i].Role == UnitRole.Lead && units[first].Role != UnitRole.Lead) units[first] = units[first] with { Role = UnitRole.Lead };
            units.RemoveAt(i);
        }
    }

    /// <summary>The first lead unit is the primary one; every other unit is not.</summary>
    private static void MarkPrimary(List<ResponsibleUnit> units)
    {
        var first = units.FindIndex(u => u.Role == UnitRole.Lead);
        for (var i = 0; i < units.Count; i++)
        {
            var primary = i == first;
            if (units[i].Primary != primary) units[i] = units[i] with { Primary = primary };
        }
    }
}
