using System.Text.RegularExpressions;
using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Bodies;

/// <summary>Reads how often a body meets: 每半年召开一次 → 2 a year; 每年至少召开2次 → at least 2; 每季度召开一次 → 4.</summary>
internal static partial class CadenceReader
{
    /// <summary>The pattern as it was built at run time with <see cref="RegexOptions.NonBacktracking"/>.</summary>
    internal const string NonBacktrackingText =
        @"每 *(半年|年度|年|季度|季|月) *(原则上)? *(至少|不少于)? *(召开|举行|开展|组织)? *(会议|例会|全体会议)? *(至少|不少于)? *([0-9]{1,2}|[一二两三四五六七八九十]{1,2}) *次";

    // Source-generated (docs/benchmarks.md, issue 12): building the NonBacktracking pattern at run time cost a one-shot
    // `duban parse` tens of milliseconds. With backtracking, consecutive " *" around the optional words would try every
    // split of a long run of spaces, so each run is atomic "(?> *)": spaces are all alike, so giving some back to the
    // next loop can never make a match that taking them all could not. The matches are the same (GeneratedPatternTests).
    internal const string PatternText =
        @"每(?> *)(半年|年度|年|季度|季|月)(?> *)(原则上)?(?> *)(至少|不少于)?(?> *)(召开|举行|开展|组织)?(?> *)(会议|例会|全体会议)?(?> *)(至少|不少于)?(?> *)([0-9]{1,2}|[一二两三四五六七八九十]{1,2})(?> *)次";

    [GeneratedRegex(PatternText, RegexOptions.CultureInvariant)]
    internal static partial Regex Pattern();

    public static MeetingCadence? Read(MappedText raw, string folded)
    {
        var m = Pattern().Match(folded);
        if (!m.Success) return null;
        var count = m.Groups[7].Value;
        var times = char.IsAsciiDigit(count[0]) ? int.Parse(count) : ChineseNumber.Parse(count) ?? 0;
        if (times <= 0) return null;
        var perYear = m.Groups[1].Value switch
        {
            "半年" => 2m,
            "季度" or "季" => 4m,
            "月" => 12m,
            _ => 1m,
        };
        var atLeast = m.Groups[3].Success || m.Groups[6].Success;
        return new MeetingCadence(perYear * times, atLeast, raw.Value.Substring(m.Index, m.Length), raw.ToSource(m.Index, m.Index + m.Length));
    }
}
