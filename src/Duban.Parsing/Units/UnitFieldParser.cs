using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Units;

/// <summary>
/// Reads a responsible-units field (责任单位, 牵头单位, 配合单位…) into the organisations it names: splits it, restores
/// prefixes and shared tails that the writer left out, recognises collectives and looks up each unit's canonical name.
/// See docs/parsing-rules.md, "Responsible units", for the rules.
/// </summary>
/// <remarks>Thread-safe and stateless apart from the immutable alias table. Never throws; runs in linear time.</remarks>
public sealed class UnitFieldParser(UnitAliasTable aliases)
{
    public UnitAliasTable Aliases { get; } = aliases ?? UnitAliasTable.Default;

    /// <param name="field">The field's text without its label, e.g. "市发展改革委、财政局，中宁、海原县人民政府".</param>
    /// <param name="role">The role every unit of this field takes.</param>
    /// <param name="fromTableCell">True for a table cell, where spaces and line breaks also separate units.</param>
    public IReadOnlyList<ResponsibleUnit> Parse(MappedText field, UnitRole role, bool fromTableCell)
    {
        if (field is null || field.Length == 0) return [];

        var text = field.Value;
        var key = ChineseFolding.Fold(text);
        var brackets = BracketMap.Of(key);

        var drafts = new List<UnitDraft>();
        foreach (var piece in FieldSplitter.Split(key, brackets, fromTableCell))
            if (PieceReader.Read(text, key, brackets, piece) is { } draft)
                drafts.Add(draft);

        SharedTailRestorer.Restore(drafts);
        // A restored prefix never turns a unit into a collective or back, so the kinds are read once.
        var kinds = drafts.ConvertAll(d => CollectiveClassifier.Classify(d.Name.Key));
        PrefixRestorer.Restore(drafts, kinds.ConvertAll(k => k is not null));

        var units = new List<ResponsibleUnit>(drafts.Count);
        for (var i = 0; i < drafts.Count; i++)
        {
            var (draft, kind) = (drafts[i], kinds[i]);
            units.Add(new ResponsibleUnit
            {
                Name = draft.Name.Written,
                // A name the alias table does not know is its own canonical name, in simplified characters: a plan mirrored
                // in traditional characters (市財政局) matches the organisation it names (市财政局) when imported.
                Canonical = Aliases.Canonicalize(draft.Name) ?? Simplified(draft.Name.Written),
                Role = role,
                Collective = kind is not null,
                CollectiveKind = kind,
                Span = field.ToSource(draft.Span.Start, draft.Span.End),
            });
        }
        return units;
    }

    private static string Simplified(string name) => string.Create(name.Length, name, static (chars, source) =>
    {
        for (var i = 0; i < source.Length; i++) chars[i] = Text.TraditionalChinese.ToSimplified(source[i]);
    });
}
