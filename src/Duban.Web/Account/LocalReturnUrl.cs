namespace Duban.Web.Account;

/// <summary>
/// Where sign-in and sign-out may send the browser back to: a path of this site only. Anything else would make the
/// forms an open redirect, and browsers read more into an address than a server does — they drop tabs and line feeds
/// (<c>/\t/evil.example</c> becomes <c>//evil.example</c>, another host) and take a backslash for a slash.
/// </summary>
public static class LocalReturnUrl
{
    public const string Home = "/";

    /// <summary>The address when it is a local path, otherwise the start page.</summary>
    public static string OrHome(string? url) => IsLocalPath(url) ? url! : Home;

    /// <summary>
    /// One leading slash and not two (<c>//host</c> is another site), no backslash anywhere, no control character and
    /// no white space anywhere (a browser removes some and the rest have no business in a path of ours).
    /// </summary>
    public static bool IsLocalPath(string? url) =>
        url is { Length: > 0 } && url[0] == '/'
        && (url.Length == 1 || url[1] is not ('/' or '\\'))
        && !url.Any(c => c == '\\' || char.IsControl(c) || char.IsWhiteSpace(c) || IsInvisibleFormat(c));

    /// <summary>Bidi controls and zero-width characters (U+202E, U+200B, U+FEFF): invisible, they make an address read as another.</summary>
    private static bool IsInvisibleFormat(char c) => char.GetUnicodeCategory(c) == System.Globalization.UnicodeCategory.Format;
}
