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
        var hasLeadLabel = fields.Fields.Any(f => f.Kind == FieldKind.Lead && f.Value.Length > 0);
        var units = new List<ResponsibleUnit>();
        Deadline? deadline = null;
        foreach (var field in fields.Fields)
        {
            if (field.Value.Length == 0) continue;
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
            units.AddRange(context.Units.Parse(field.Value, role, fromTable));
        }
        MarkPrimary(units);

        var targets = new List<Target>();
        if (targetText is { Length: > 0 }) targets.AddRange(TargetExtractor.Extract(targetText));
        foreach (var t in TargetExtractor.Extract(fields.Text))
            if (!targets.Any(existing => existing.Span == t.Span)) targets.Add(t);

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
