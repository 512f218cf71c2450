namespace Duban.Parsing.Text;

/// <summary>
/// Finds the first of a few rare characters in a long text: one vectorised scan per code point range they lie in,
/// the rule asked only of the characters inside a range. A plan is mostly ideographs from U+4E00 and punctuation from
/// U+3000, which the ranges of the text passes (radicals, invisible characters) do not hold, so almost nothing is asked.
/// </summary>
internal static class CharRanges
{
    /// <summary>The index of the first character of <paramref name="text"/> inside one of <paramref name="ranges"/> that <paramref name="accept"/> takes; -1 when none.</summary>
    public static int First(ReadOnlySpan<char> text, (char Low, char High)[] ranges, Func<char, bool> accept)
    {
        var first = -1;
        foreach (var (low, high) in ranges)
        {
            var limit = first < 0 ? text.Length : first;
            for (var at = text[..limit].IndexOfAnyInRange(low, high); at >= 0;)
            {
                if (accept(text[at]))
                {
                    first = at;
                    break;
                }

                var next = text[(at + 1)..limit].IndexOfAnyInRange(low, high);
                at = next < 0 ? -1 : at + 1 + next;
            }
        }

        return first;
    }
}
