namespace Duban.Parsing.Units;

/// <summary>
/// Gives a department written without its prefix the prefix of the nearest earlier unit in the same field that has
/// one: 市发展改革委、财政局 → 市财政局; 县委编办、财政局 → 县财政局 (the prefix is 县: 委 belongs to the party
/// organ 县委编办, not to the government bureau 财政局).
/// </summary>
internal static class PrefixRestorer
{
    /// <param name="collective">Per draft, whether it is a collective.</param>
    public static void Restore(List<UnitDraft> drafts, IReadOnlyList<bool> collective)
    {
        UnitName? prefix = null;
        for (var i = 0; i < drafts.Count; i++)
        {
            var draft = drafts[i];
            var key = draft.Name.Key;
            // A collective (县（市、区）政府, 市直有关部门) names many bodies: it neither lends nor takes a prefix.
            if (collective[i]) continue;

            var length = AdministrativePrefix.Length(key);
            if (length > 0)
            {
                if (length < key.Length) prefix = draft.Name.Slice(0, length);
                continue;
            }
            if (prefix is not { } lent || !UnitShape.NeedsPrefix(key)) continue;

            // Party organs sit under the party committee: 县委编办、组织部 → 县委组织部.
            var name = UnitShape.IsPartyOrgan(key) ? lent + UnitName.Of("委") + draft.Name : lent + draft.Name;
            drafts[i] = draft with { Name = name };
        }
    }
}
