namespace Duban.Web.Components.Pages.Assessments;

/// <summary>What the assessment pages read from their forms: a version, points.</summary>
internal static class AssessmentOutcome
{
    /// <summary>A form's version field: unreadable is treated as stale rather than skipping the check.</summary>
    public static Guid VersionOf(string? text) => Guid.TryParseExact(text, "N", out var version) ? version : Guid.Empty;

    /// <summary>Points typed on a form: 12, 12.5, ８.５ (full-width digits typed by Chinese input methods); null when unreadable.</summary>
    public static decimal? Points(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var normalized = text.Trim().Normalize(System.Text.NormalizationForm.FormKC);
        return decimal.TryParse(normalized, System.Globalization.NumberStyles.AllowDecimalPoint | System.Globalization.NumberStyles.AllowLeadingSign,
            System.Globalization.CultureInfo.InvariantCulture, out var value) ? value : null;
    }
}
