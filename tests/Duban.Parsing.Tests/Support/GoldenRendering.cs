using System.Globalization;
using System.Text;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Support;

/// <summary>
/// Renders what a parse found as plain lines, one fact per line, so that an expected file can be read and reviewed
/// against the source document by a person, and a difference shows exactly which task or field changed.
/// </summary>
public static class GoldenRendering
{
    public static string Render(PlanDocument doc)
    {
        var sb = new StringBuilder();
        sb.AppendLine("# metadata");
        sb.AppendLine($"title: {doc.Title}");
        if (doc.NoticeTitle is not null) sb.AppendLine($"noticeTitle: {doc.NoticeTitle}");
        sb.AppendLine($"issuer: {doc.Issuer}");
        sb.AppendLine($"docNumber: {doc.DocNumber}{(doc.DocNumberParts is { } p ? $" ({p.IssuerCode}/{p.Year}/{p.Serial})" : "")}");
        sb.AppendLine($"issueDate: {Date(doc.IssueDate)}");
        sb.AppendLine($"recipients: {string.Join(" | ", doc.Recipients.Select(r => r.Name))}");
        foreach (var b in doc.Basis) sb.AppendLine($"basis: 《{b.Title}》 {b.DocNumber}");

        foreach (var list in doc.TaskLists)
        {
            sb.AppendLine($"# taskList {list.Name} ({list.Location}, {list.Layout}) {list.Tasks.Count} tasks");
            foreach (var t in list.Tasks)
            {
                sb.AppendLine($"{t.No} | {string.Join(" ", t.Units.Select(Unit))} | {Deadline(t.Deadline)}");
                if (t.SectionPath.Count > 0) sb.AppendLine($"  path: {string.Join(" / ", t.SectionPath)}");
                foreach (var target in t.Targets) sb.AppendLine($"  target: {Target(target)}");
            }
        }
        foreach (var list in doc.OtherLists)
            sb.AppendLine($"# otherList {list.Name} {list.Items.Count} items: {string.Join(",", list.Items.Select(i => i.No))}");
        foreach (var body in doc.Bodies)
        {
            sb.AppendLine($"# body {body.Kind} {body.Name} | office {body.Office ?? "-"} | cadence {Cadence(body.Cadence)}");
            foreach (var m in body.Members) sb.AppendLine($"  {m.Role} {m.Person ?? "-"} {m.Title} [{m.Unit ?? "-"}]");
        }
        if (doc.Targets.Count > 0) sb.AppendLine("# goal targets");
        foreach (var t in doc.Targets) sb.AppendLine(Target(t));
        sb.AppendLine("# warnings");
        foreach (var w in doc.Warnings.GroupBy(w => w.Code).OrderBy(g => g.Key)) sb.AppendLine($"{w.Key} x{w.Count()}");
        return sb.ToString();
    }

    private static string Unit(ResponsibleUnit u)
    {
        var role = u.Role == UnitRole.Lead ? (u.Primary ? "lead*" : "lead") : "coop";
        var canonical = u.Canonical != u.Name ? $"={u.Canonical}" : "";
        var collective = u.Collective ? $"#{u.CollectiveKind}" : "";
        return $"{role}:{u.Name}{canonical}{collective}";
    }

    private static string Deadline(Deadline? d)
    {
        if (d is null) return "-";
        var parts = new List<string> { d.Raw, "→" };
        if (d.Start is { } s) parts.Add($"start {Date(s)}");
        if (d.Due is { } due) parts.Add($"due {Date(due)}");
        if (d.Ongoing) parts.Add("ongoing");
        if (d.Recurrence is { } r) parts.Add($"every {r}");
        if (!d.Understood) parts.Add("UNREAD");
        return string.Join(" ", parts);
    }

    private static string Target(Target t)
    {
        var value = t.Comparator == Comparator.Range ? $"{t.Value}-{t.ValueMax}" : t.Value.ToString(CultureInfo.InvariantCulture);
        var ratio = t.Ratio is { } r ? $" ({string.Join(":", r)})" : "";
        return $"{t.Subject} {t.Comparator} {value} {t.Unit}{ratio}{(t.Year is { } y ? $" by {y}" : "")}{(t.PerYear ? " per-year" : "")}{(t.Scope is { } sc ? $" in {sc}" : "")}";
    }

    private static string Cadence(MeetingCadence? c) => c is null ? "-" : $"{c.TimesPerYear}/year{(c.AtLeast ? " at least" : "")}";

    private static string Date(DateOnly? d) => d?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "-";
}
