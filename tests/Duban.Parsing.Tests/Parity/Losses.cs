namespace Duban.Parsing.Tests.Parity;

/// <summary>
/// What one format cannot carry for one document, said where it is allowed: the comparison drops or rewrites only the
/// lines this loss names, for that (document, format) only.
/// </summary>
internal sealed record Loss(string Reason, Func<string, string?> Line)
{
    public IReadOnlyList<string> Apply(IReadOnlyList<string> lines) => lines.Select(Line).OfType<string>().ToList();
}

internal static class Losses
{
    private static readonly Dictionary<(string Source, string Format), Loss> Known = new();

    public static Loss? Declared(string source, string format) => Known.GetValueOrDefault((source, format));
}
