using Duban.Data.Tracking;

namespace Duban.Web.Components.Pages.Assessments;

/// <summary>A refused write on an assessment page: the status the API would answer, so that pages and API agree.</summary>
internal static class AssessmentOutcome
{
    public static int Status(TrackingError error) => error.Kind switch
    {
        TrackingErrorKind.NotFound => StatusCodes.Status404NotFound,
        TrackingErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        TrackingErrorKind.Stale => StatusCodes.Status412PreconditionFailed,
        TrackingErrorKind.Conflict => StatusCodes.Status409Conflict,
        _ => StatusCodes.Status400BadRequest,
    };

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
