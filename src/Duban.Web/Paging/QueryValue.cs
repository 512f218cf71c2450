using System.Globalization;

namespace Duban.Web.Paging;

/// <summary>
/// Numbers and flags of a list page's address, read by the page itself so that a hand-edited value becomes a message
/// on the page instead of a failed request. Empty means "not given".
/// </summary>
public static class QueryValue
{
    public static bool TryLong(string? text, out long? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!long.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    public static bool TryInt(string? text, out int? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!int.TryParse(text.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var parsed)) return false;
        value = parsed;
        return true;
    }

    /// <summary>A page number where any unreadable one means the first page.</summary>
    public static int? IntOrNull(string? text) => TryInt(text, out var value) ? value : null;

    public static bool TryBool(string? text, out bool? value)
    {
        value = null;
        if (string.IsNullOrWhiteSpace(text)) return true;
        if (!bool.TryParse(text.Trim(), out var parsed)) return false;
        value = parsed;
        return true;
    }
}
