using System.Text;

namespace Duban.Parsing.Tests.Properties;

/// <summary>
/// Mutations that real copies of the same document show and that must not change what is extracted: lines wrapped at
/// another width (with page-break blank lines), full-width and half-width punctuation swapped, spaces inserted
/// around numbers and after separators. Table lines (tabs, '|') are left alone: wrapping a table row makes another table.
/// </summary>
public static class TextMutations
{
    private static readonly (char Full, char Half)[] Pairs = [('（', '('), ('）', ')'), ('：', ':'), ('；', ';'), ('，', ',')];

    public static string Rewrap(string text, int width, Random random)
    {
        var sb = new StringBuilder(text.Length + text.Length / width * 2);
        foreach (var line in text.Split('\n'))
        {
            if (line.Contains('\t') || line.Contains('|') || line.Length <= width)
            {
                sb.Append(line).Append('\n');
                continue;
            }
            for (var i = 0; i < line.Length; i += width)
            {
                sb.Append(line, i, Math.Min(width, line.Length - i)).Append('\n');
                if (random.Next(12) == 0) sb.Append('\n'); // a page ended here
            }
        }
        return sb.ToString();
    }

    public static string SwapWidths(string text, Random random)
    {
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            foreach (var (full, half) in Pairs)
            {
                if (chars[i] == full && random.Next(2) == 0) { chars[i] = half; break; }
                if (chars[i] == half && random.Next(2) == 0) { chars[i] = full; break; }
            }
        }
        return new string(chars);
    }

    public static string InsertSpaces(string text, Random random)
    {
        var sb = new StringBuilder(text.Length * 11 / 10);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var next = i + 1 < text.Length ? text[i + 1] : '\0';
            var table = c is '\t' or '|' || next is '\t' or '|';
            // "2021 年 6 月": spaces between a number and 年/月/日, and after separators in running text.
            var numberEdge = char.IsAsciiDigit(c) && next is '年' or '月' || c is '年' or '月' && char.IsAsciiDigit(next);
            sb.Append(c);
            if (!table && (numberEdge || c is '，' or '：' or '；') && random.Next(3) == 0) sb.Append(' ');
        }
        return sb.ToString();
    }
}
