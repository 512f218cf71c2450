using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Metadata;

/// <summary>Finds cited documents: 《title》 optionally followed by （document number）.</summary>
internal static class Citations
{
    public static IEnumerable<BasisDocument> FindAll(MappedText raw, string folded)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            if (folded[i] != '《') continue;
            var close = Close(folded, i);
            if (close < 0) yield break;
            var title = TitleText.Clean(raw.Value[(i + 1)..close]);
            var end = close + 1;
            string? number = null;
            var j = end;
            while (j < folded.Length && folded[j] == ' ') j++;
            if (j < folded.Length && folded[j] == '(')
            {
                var paren = folded.IndexOf(')', j);
                if (paren > j && paren - j < 40 && DocNumberReader.First(folded[(j + 1)..paren]) is { } dn)
                {
                    number = dn.Standard;
                    end = paren + 1;
                }
            }
            if (title.Length > 0) yield return new BasisDocument(title, number, raw.ToSource(i, end));
            i = close;
        }
    }

    /// <summary>The 》 closing the 《 at <paramref name="open"/>, with nested 《》 counted.</summary>
    private static int Close(string folded, int open)
    {
        var depth = 0;
        for (var j = open; j < folded.Length && j - open < 300; j++)
        {
            if (folded[j] == '《') depth++;
            else if (folded[j] == '》' && --depth == 0) return j;
        }
        return -1;
    }
}
