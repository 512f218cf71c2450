namespace Duban.Data.Import;

/// <summary>
/// Fits document text into the model's column lengths. SQLite ignores them but PostgreSQL refuses longer values, and a
/// freak document (a 300-character "unit") must not make the whole import fail on one provider only.
/// </summary>
internal static class ColumnText
{
    public static string Fit(string value, int maxLength) => value.Length <= maxLength ? value : value[..maxLength];

    public static string? FitOrNull(string? value, int maxLength) => value is null ? null : Fit(value, maxLength);
}
