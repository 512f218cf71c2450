namespace Duban.Web.Plans;

/// <summary>
/// Where a task list's numbering runs on from one top-level section into the next (一、 holds tasks 1–2, 二、 holds 3–4,
/// or an annex table's section rows), the reader shows each section's heading before its first task, so that tasks 3–4
/// are not read as part of the first heading. A list inside one section shows none.
/// </summary>
public static class SectionBreaks
{
    /// <summary>For each task, the top-level heading to show before it, or null.</summary>
    public static string?[] Of(IReadOnlyList<string?> tops)
    {
        var breaks = new string?[tops.Count];
        if (tops.Where(t => !string.IsNullOrEmpty(t)).Distinct().Count() < 2) return breaks;
        for (var i = 0; i < tops.Count; i++)
            if (!string.IsNullOrEmpty(tops[i]) && (i == 0 || tops[i - 1] != tops[i])) breaks[i] = tops[i];
        return breaks;
    }

    /// <summary>The top-level heading of a stored section path ("一、总体要求 / （一）…", joined with " / ").</summary>
    public static string? Top(string sectionPath)
    {
        if (string.IsNullOrEmpty(sectionPath)) return null;
        var end = sectionPath.IndexOf(" / ", StringComparison.Ordinal);
        return end < 0 ? sectionPath : sectionPath[..end];
    }
}
