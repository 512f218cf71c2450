using Duban.Parsing.Model;
using Duban.Parsing.Text;
using Duban.Parsing.Units;

namespace Duban.Parsing.Tests.Units;

/// <summary>Parses fields the way the tests need them: whole units, or just names, canonicals and written pieces.</summary>
internal static class UnitFields
{
    private static readonly UnitFieldParser Parser = new(UnitAliasTable.Default);

    public static IReadOnlyList<ResponsibleUnit> Parse(string field, bool table = false, UnitRole role = UnitRole.Lead) =>
        Parser.Parse(MappedText.Contiguous(field, 0), role, table);

    public static string[] Names(string field, bool table = false) => [.. Parse(field, table).Select(u => u.Name)];

    public static string[] Canonicals(string field, bool table = false) => [.. Parse(field, table).Select(u => u.Canonical)];

    /// <summary>The text each unit's span covers in <paramref name="field"/> (the field starts at source offset 0).</summary>
    public static string[] Written(string field, bool table = false) =>
        [.. Parse(field, table).Select(u => field[u.Span.Start..u.Span.End])];
}
