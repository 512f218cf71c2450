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
    private static readonly Dictionary<(string Source, string Format), Loss> Known = new()
    {
        // Seed 001 lists units in a cell separated by spaces ("市教育局 西峰区政府"). Printed justified, a line may break
        // at such a space, and a PDF keeps no space at a line break: the last unit of the line and the first of the
        // next read as one name (市教育局西峰区政府), and nothing on the page tells them apart from a name wrapped in the
        // middle. Its units are compared as the same names in the same order and roles, without where they split.
        [("001", FormatParityTests.Pdf)] = new(
            "units separated by a space at a line break of a justified PDF line run together",
            line => line.StartsWith("  units ", StringComparison.Ordinal) ? line.Replace("; ", "") : line),
    };

    public static Loss? Declared(string source, string format) => Known.GetValueOrDefault((source, format));
}
