using System.Text.RegularExpressions;

namespace Duban.Parsing.Input.Pdf;

/// <summary>
/// Drops running headers, footers and page numbers. Only lines in the top or bottom 12% of a page, among its first or
/// last two lines, are candidates. A candidate goes if it is a page number (— 3 —, - 3 -, 第3页 共9页, 3/9, 3) or if its
/// text, digits ignored, recurs in the same band on at least half of the pages (and on two or more).
/// </summary>
internal static partial class PdfRunningText
{
    private const double Band = 0.12;

    [GeneratedRegex(@"^[\s\-—–―－·•]*(第\s*)?[0-9０-９]+\s*(页)?\s*([/／]\s*[0-9０-９]+|共\s*[0-9０-９]+\s*页)?[\s\-—–―－·•]*$")]
    private static partial Regex PageNumber();

    [GeneratedRegex(@"[0-9０-９]+")]
    private static partial Regex Digits();

    public static void Remove(List<PdfPageLines> pages)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var page in pages)
            foreach (var key in Candidates(page).Select(c => Key(page, c)).Distinct())
                counts[key] = counts.GetValueOrDefault(key) + 1;

        var threshold = Math.Max(2, (pages.Count + 1) / 2);
        foreach (var page in pages)
        {
            var drop = Candidates(page)
                .Where(line => PageNumber().IsMatch(line.Text) || counts.GetValueOrDefault(Key(page, line)) >= threshold)
                .ToHashSet();
            page.Lines.RemoveAll(drop.Contains);
        }
    }

    private static IEnumerable<PdfLine> Candidates(PdfPageLines page)
    {
        var lines = page.Lines;
        for (var i = 0; i < Math.Min(2, lines.Count); i++)
            if (lines[i].Baseline >= page.Height * (1 - Band)) yield return lines[i];
        for (var i = Math.Max(0, lines.Count - 2); i < lines.Count; i++)
            if (lines[i].Baseline <= page.Height * Band) yield return lines[i];
    }

    private static string Key(PdfPageLines page, PdfLine line) =>
        (line.Baseline >= page.Height / 2 ? "top:" : "bottom:") + Digits().Replace(line.Text.Replace(" ", ""), "#");
}
