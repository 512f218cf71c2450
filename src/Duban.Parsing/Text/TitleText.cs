using System.Text;

namespace Duban.Parsing.Text;

/// <summary>Cleans a title or heading: removes the spaces that line breaks left between Chinese characters.</summary>
public static class TitleText
{
    public static string Clean(string s)
    {
        // Most titles and task texts hold no white space at all: nothing to remove, nothing to copy.
        if (!HasWhiteSpace(s)) return s;
        var sb = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (char.IsWhiteSpace(c))
            {
                // Keep one space only between two Latin letters or digits ("Word 2016"); between CJK it is debris.
                var prev = sb.Length > 0 ? sb[^1] : '\0';
                var j = i;
                while (j < s.Length && char.IsWhiteSpace(s[j])) j++;
                var next = j < s.Length ? s[j] : '\0';
                if (prev < 0x80 && char.IsLetterOrDigit(prev) && next < 0x80 && char.IsLetterOrDigit(next)) sb.Append(' ');
                i = j - 1;
                continue;
            }
            sb.Append(c);
        }
        return sb.ToString().Trim();
    }

    private static bool HasWhiteSpace(string s)
    {
        foreach (var c in s)
            if (char.IsWhiteSpace(c)) return true;
        return false;
    }
}
