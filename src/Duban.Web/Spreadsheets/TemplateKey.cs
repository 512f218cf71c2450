using System.Globalization;

namespace Duban.Web.Spreadsheets;

/// <summary>What a template row fills in: a progress report of an assignment, or an indicator value of a target.</summary>
public enum TemplateRowKind
{
    Report,
    Indicator,
}

/// <summary>
/// The hidden key of a template row: the assignment (or target), the first day of the period, and the version of the
/// report (or value) when the template was made, empty when there was none. The period is named by its first day, not
/// by its id, because a period is stored only when something is first filed for it.
/// </summary>
public sealed record TemplateKey(TemplateRowKind Kind, long Id, DateOnly PeriodStart, Guid? Version)
{
    private const string ReportTag = "R", IndicatorTag = "T", NoVersion = "-";

    public string Format() => string.Join('|',
        Kind == TemplateRowKind.Report ? ReportTag : IndicatorTag,
        Id.ToString(CultureInfo.InvariantCulture),
        PeriodStart.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        Version is { } v ? v.ToString("N") : NoVersion);

    /// <summary>The key, or null when the text is not one this system wrote.</summary>
    public static TemplateKey? Parse(string? text)
    {
        var parts = (text ?? "").Trim().Split('|');
        if (parts.Length != 4) return null;
        TemplateRowKind? kind = parts[0] switch { ReportTag => TemplateRowKind.Report, IndicatorTag => TemplateRowKind.Indicator, _ => null };
        if (kind is null
            || !long.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            || !DateOnly.TryParseExact(parts[2], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start))
            return null;
        if (parts[3] == NoVersion) return new(kind.Value, id, start, null);
        return Guid.TryParseExact(parts[3], "N", out var version) ? new(kind.Value, id, start, version) : null;
    }
}
