namespace Duban.Web.Plans;

/// <summary>
/// Two texts as what they share at the start and the end, and the middle each has of its own: enough to show a reader
/// where an edited task changed without a full diff, since most edits are one place in a short text.
/// </summary>
public sealed record TextChange(string Prefix, string Removed, string Inserted, string Suffix)
{
    public static TextChange Between(string before, string after)
    {
        var prefix = 0;
        var limit = Math.Min(before.Length, after.Length);
        while (prefix < limit && before[prefix] == after[prefix]) prefix++;
        var suffix = 0;
        while (suffix < limit - prefix && before[before.Length - 1 - suffix] == after[after.Length - 1 - suffix]) suffix++;
        return new TextChange(before[..prefix], before[prefix..(before.Length - suffix)], after[prefix..(after.Length - suffix)], before[(before.Length - suffix)..]);
    }
}
