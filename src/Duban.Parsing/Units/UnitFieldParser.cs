using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Units;

/// <summary>Splits a responsible-units field into units. (Stub: being implemented.)</summary>
public sealed class UnitFieldParser(UnitAliasTable aliases)
{
    public UnitAliasTable Aliases { get; } = aliases;

    /// <param name="field">The field's text without its label, e.g. "市发展改革委、财政局，中宁、海原县人民政府".</param>
    /// <param name="role">The role every unit of this field takes.</param>
    /// <param name="fromTableCell">True for a table cell, where spaces and line breaks also separate units.</param>
    public IReadOnlyList<ResponsibleUnit> Parse(MappedText field, UnitRole role, bool fromTableCell) => [];
}

/// <summary>Groups of names that mean the same organisation. (Stub: being implemented.)</summary>
public sealed class UnitAliasTable
{
    public static UnitAliasTable Default { get; } = new();

    /// <summary>The canonical name for <paramref name="name"/>, or <paramref name="name"/> itself when unknown.</summary>
    public string Canonicalize(string name) => name;
}
