namespace Duban.Parsing.Text;

/// <summary>
/// Builds the text of a table cell from a range of the source: markup that converters leave in cells
/// (&lt;p&gt;, &lt;/p&gt;, &lt;br/&gt;) becomes a space, runs of white space collapse, and the ends are trimmed.
/// </summary>
internal static class CellText
{
    public static MappedText From(string source, int start, int end)
    {
        // Scratch buffers, returned below: only the cell's string and its source map (a few segments) are kept.
        var chars = System.Buffers.ArrayPool<char>.Shared.Rent(Math.Max(1, end - start));
        var offsets = System.Buffers.ArrayPool<int>.Shared.Rent(Math.Max(1, end - start));
        var n = 0;
        var i = start;
        while (i < end)
        {
            var c = source[i];
            var tagEnd = c == '<' ? TagEnd(source, i, end) : -1;
            if (tagEnd > 0)
            {
                Append(' ', i);
                i = tagEnd;
                continue;
            }
            Append(c is '\t' or '\u3000' ? ' ' : c, i);
            i++;
        }
        var from = 0;
        while (from < n && chars[from] == ' ') from++;
        while (n > from && chars[n - 1] == ' ') n--;
        var length = n - from;
        // Usually the cell is a piece of the source as it stands (nothing dropped, nothing replaced): a window on it.
        var cell = length > 0 && offsets[from + length - 1] - offsets[from] == length - 1
            && source.AsSpan(offsets[from], length).SequenceEqual(chars.AsSpan(from, length))
                ? MappedText.Window(source, offsets[from], length)
                : new MappedText(new string(chars, from, length), offsets.AsSpan(from, length));
        System.Buffers.ArrayPool<char>.Shared.Return(chars);
        System.Buffers.ArrayPool<int>.Shared.Return(offsets);
        return cell;

        void Append(char ch, int at)
        {
            if (ch == ' ' && n > 0 && chars[n - 1] == ' ') return;
            chars[n] = ch;
            offsets[n] = at;
            n++;
        }
    }

    /// <summary>The index after a simple tag (&lt;p&gt;, &lt;/p&gt;, &lt;br /&gt;) starting at <paramref name="i"/>, or -1.</summary>
    private static int TagEnd(string s, int i, int end)
    {
        var j = i + 1;
        if (j < end && s[j] == '/') j++;
        var nameStart = j;
        while (j < end && j - nameStart < 10 && char.IsAsciiLetter(s[j])) j++;
        if (j == nameStart) return -1;
        while (j < end && j - nameStart < 40 && s[j] != '>' && s[j] != '<' && s[j] != '\n') j++;
        return j < end && s[j] == '>' ? j + 1 : -1;
    }
}
