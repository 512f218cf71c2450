using System.Text.RegularExpressions;
using Duban.Parsing.Model;

namespace Duban.Parsing.Metadata;

/// <summary>A document number found in text: its standard form, its parts, where it stands.</summary>
internal sealed record DocNumberMatch(string Standard, DocNumberParts Parts, int Index, int Length);

/// <summary>
/// Reads 发文字号 in any bracket style (〔〕 [] 【】 （） ()) and normalises it to the GB/T 9704 form 平政发〔2020〕76号.
/// </summary>
internal static partial class DocNumberReader
{
    // Source-generated (docs/benchmarks.md, issue 12): building it at run time cost a one-shot `duban parse` tens of
    // milliseconds. Backtracking is bounded here: every loop has a fixed upper count or is followed by a character it
    // cannot match, so the work per start position is bounded by the run of spaces after it.
    internal const string PatternText =
        @"([\u4e00-\u9fff][\u4e00-\u9fff ]{0,14}) *[〔(] *((19|20)[0-9]{2}) *[〕)] *第? *([0-9]{1,5}) *号";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    /// <summary>Every document number in <paramref name="folded"/> (text folded by CharFolding).</summary>
    public static IEnumerable<DocNumberMatch> FindAll(string folded)
    {
        foreach (Match m in Pattern().Matches(folded))
        {
            var code = new string(m.Groups[1].Value.Where(c => c != ' ').ToArray());
            // The code is the last run of characters before the bracket; prose in front of it ("印发了平政发…") is not.
            code = TrimProse(code);
            if (code.Length == 0) continue;
            var year = int.Parse(m.Groups[2].Value);
            var serial = int.Parse(m.Groups[4].Value);
            var codeStart = m.Groups[1].Index + m.Groups[1].Length - CodeSpanLength(m.Groups[1].Value, code.Length);
            yield return new DocNumberMatch($"{code}〔{year}〕{serial}号", new DocNumberParts(code, year, serial),
                codeStart, m.Index + m.Length - codeStart);
        }
    }

    public static DocNumberMatch? First(string folded) => FindAll(folded).FirstOrDefault();

    /// <summary>Issuer codes are short (平政发, 甘政办发, 教职成厅); cut a longer run to its last words.</summary>
    private static string TrimProse(string code)
    {
        foreach (var stop in new[] { "印发", "文件", "关于", "根据", "按照", "依据" })
        {
            var at = code.LastIndexOf(stop, StringComparison.Ordinal);
            if (at >= 0) code = code[(at + stop.Length)..];
        }
        return code.Length > 8 ? code[^8..] : code;
    }

    private static int CodeSpanLength(string group, int codeChars)
    {
        var seen = 0;
        for (var i = group.Length - 1; i >= 0; i--)
        {
            if (group[i] != ' ') seen++;
            if (seen == codeChars) return group.Length - i;
        }
        return group.Length;
    }
}
