namespace Duban.Parsing.Units;

/// <summary>
/// The matched bracket pairs of a folded field. Only a matched pair protects its content from splitting; a stray
/// bracket (a lost half from a broken line) is ordinary punctuation and is trimmed off a unit's ends.
/// </summary>
internal sealed class BracketMap
{
    private const string Openers = "（【《";
    private const string Closers = "）】》";

    private static readonly BracketMap None = new(null);

    // Null when the field has no bracket at all, as most have.
    private readonly int[]? _partner;

    private BracketMap(int[]? partner) => _partner = partner;

    public static BracketMap Of(string key)
    {
        if (key.AsSpan().IndexOfAny(Openers) < 0) return None;
        // Plain loops and an array for the stack of open brackets, not Array.Fill and Stack<int>: generic code over int
        // that ReadyToRun leaves to the JIT, so the one-shot CLI would run it unoptimised (see Text/CharSet).
        var partner = new int[key.Length];
        for (var i = 0; i < partner.Length; i++) partner[i] = -1;
        var open = new int[key.Length];
        var depth = 0;
        for (var i = 0; i < key.Length; i++)
        {
            var c = key[i];
            if (Openers.Contains(c))
            {
                open[depth++] = i;
                continue;
            }
            var kind = Closers.IndexOf(c);
            if (kind < 0) continue;
            // A closer pairs with the nearest opener of its kind; openers left open in between stay unmatched.
            while (depth > 0 && Openers[kind] != key[open[depth - 1]]) depth--;
            if (depth == 0) continue;
            var opener = open[--depth];
            partner[opener] = i;
            partner[i] = opener;
        }
        return new BracketMap(partner);
    }

    /// <summary>The index of the bracket matching the one at <paramref name="index"/>; -1 when none.</summary>
    public int PartnerOf(int index) => _partner is null ? -1 : _partner[index];

    /// <summary>True when the character at <paramref name="index"/> opens a matched pair.</summary>
    public bool OpensPair(int index) => _partner is not null && _partner[index] > index;
}
