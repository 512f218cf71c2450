using System.Text.RegularExpressions;
using Duban.Parsing.Bodies;
using Duban.Parsing.Metadata;
using Duban.Parsing.Tests.Support;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Text;

/// <summary>
/// The date, 发文字号 and meeting-cadence patterns were built at run time with <see cref="RegexOptions.NonBacktracking"/>
/// and are now source-generated backtracking patterns (issue 12, start-up of `duban parse`). They must find exactly the
/// same matches, groups included, in every sample and seed and in the shapes where the two engines could part: long
/// runs of spaces, alternatives that are prefixes of each other, optional words.
/// </summary>
public class GeneratedPatternTests
{
    public static TheoryData<string> Patterns => new() { "date", "docNumber", "cadence" };

    private static (Regex Generated, Regex Reference) Pair(string name) => name switch
    {
        "date" => (DateReader.Pattern(), Reference(DateReader.PatternText)),
        "docNumber" => (DocNumberReader.Pattern(), Reference(DocNumberReader.PatternText)),
        "cadence" => (CadenceReader.Pattern(), Reference(CadenceReader.NonBacktrackingText)),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    private static Regex Reference(string pattern) => new(pattern, RegexOptions.NonBacktracking | RegexOptions.CultureInvariant);

    private static readonly string[] Crafted =
    [
        "2020年12月3日", "二〇二〇年十二月三日", "2020 年 1 月 31 日印发", "20201年12月3日", "二〇二〇年十二月三十一日",
        "平政发〔2020〕76号", "印发了平政发〔2020〕 第 76 号", "关于印发青禾市教育局文件 青教发 ( 2021 ) 3 号的通知",
        "甘政办发〔1999〕1号、甘政办发〔2023〕12号", "教职成厅〔2019〕" + new string(' ', 300) + "号",
        "每年召开一次", "每年度召开2次全体会议", "每半年至少召开一次", "每季度原则上召开1次例会", "每月 不少于 两 次",
        "每年" + new string(' ', 200) + "至少" + new string(' ', 200) + "召开" + new string(' ', 200) + "x次",
        "每年" + new string(' ', 400) + "次", "每 年 原则上 至少 召开 会议 不少于 3 次", "每季召开会议至少十次", "每年度年召开一次",
    ];

    [Theory]
    [MemberData(nameof(Patterns))]
    public void The_generated_pattern_matches_as_the_NonBacktracking_one_did(string name)
    {
        var (generated, reference) = Pair(name);
        var texts = Crafted.Concat(Corpus()).ToList();
        var compared = 0;
        foreach (var text in texts)
        {
            var expected = Describe(reference.Matches(text));
            Describe(generated.Matches(text)).ShouldBe(expected, $"{name} in \"{Excerpt(text)}\"");
            compared += expected.Count;
        }
        compared.ShouldBeGreaterThan(0, $"no text matched {name}: the comparison proved nothing");
    }

    /// <summary>Every sample and seed, folded as the parser folds it, whole and line by line.</summary>
    private static IEnumerable<string> Corpus()
    {
        var files = Directory.EnumerateFiles(RepositoryPaths.Samples, "*.txt").ToList();
        if (RepositoryPaths.SeedsPresent) files.AddRange(Directory.EnumerateFiles(RepositoryPaths.SeedsFolder, "*.txt"));
        foreach (var file in files)
        {
            var folded = CharFolding.Fold(File.ReadAllText(file));
            yield return folded;
            foreach (var line in folded.Split('\n')) yield return line;
        }
    }

    private static List<string> Describe(MatchCollection matches) =>
        matches.Select(m => string.Join(" ", m.Groups.Cast<Group>().Select(g => g.Success ? $"{g.Index}+{g.Length}:{g.Value}" : "-"))).ToList();

    private static string Excerpt(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
