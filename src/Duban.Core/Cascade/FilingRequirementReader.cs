using System.Globalization;
using System.Text.RegularExpressions;

namespace Duban.Core.Cascade;

/// <summary>What a plan's text asks of the level below: who files which plan, with whom, by when.</summary>
/// <param name="Organizations">Named filers (庆阳职业技术学院); empty with <paramref name="EveryChildRegion"/>.</param>
public sealed record FilingRequirementProposal(FilingKind Kind, string Text, string? Office, DateOnly? Due, bool EveryChildRegion, IReadOnlyList<string> Organizations);

/// <summary>
/// Finds the sentences that require subordinate plans: 一县一案 / 一校一案, or 制定…方案 with 报…备案 (各县（区）制定
/// "一县一案"实施方案，庆阳职业技术学院制定"一校一案"实施方案，报市教育局备案). Kept in Core rather than the parser: it
/// reads a policy phrase of these plans, not the structure of an official document. Pure: text in, proposals out;
/// the office confirms and completes them (a date the text does not give).
/// </summary>
public static partial class FilingRequirementReader
{
    [GeneratedRegex(@"报(?<office>[^，,。；;、]{2,20}?)备案")]
    private static partial Regex FiledWith();

    [GeneratedRegex(@"(?<y>\d{4})年(?<m>\d{1,2})月(?:(?<d>\d{1,2})日|(?<end>底))?(?:之?前)")]
    private static partial Regex ByDate();

    [GeneratedRegex(@"^(?:[（(]?[一二三四五六七八九十\d]+[)）、.．]\s*)?(?<who>[^，,。；;]*?)(?:要|应|须|分别|结合实际|根据本方案|参照本方案|对照本方案|在此基础上)*(?:制定|制订|研究制定|出台)")]
    private static partial Regex Who();

    public static IReadOnlyList<FilingRequirementProposal> Read(string text)
    {
        var proposals = new List<FilingRequirementProposal>();
        foreach (var sentence in Sentences(text))
        {
            var perCounty = sentence.Contains("一县一案", StringComparison.Ordinal);
            var perSchool = sentence.Contains("一校一案", StringComparison.Ordinal);
            var filed = FiledWith().Match(sentence);
            if (!perCounty && !perSchool && !(filed.Success && MakesPlan(sentence))) continue;
            var office = filed.Success ? filed.Groups["office"].Value.Trim() : null;
            var due = DueIn(sentence);
            var clauses = sentence.Split(['，', ',', '；', ';'], StringSplitOptions.RemoveEmptyEntries);
            var found = false;
            foreach (var clause in clauses)
            {
                var county = clause.Contains("一县一案", StringComparison.Ordinal);
                var school = clause.Contains("一校一案", StringComparison.Ordinal);
                if (!county && !school && !(MakesPlan(clause) && !perCounty && !perSchool)) continue;
                var who = Who().Match(clause.Trim()) is { Success: true } m ? m.Groups["who"].Value.Trim() : "";
                var names = who.Length == 0 ? [] : Names(who);
                var every = names.Any(IsEveryChild) || (county && names.Count == 0);
                IReadOnlyList<string> named = [.. names.Where(n => !IsEveryChild(n))];
                if (every) proposals.Add(new(county || !school ? FilingKind.County : FilingKind.School, sentence, office, due, true, []));
                if (named.Count > 0) proposals.Add(new(school || named.All(IsSchool) ? FilingKind.School : FilingKind.Other, sentence, office, due, false, named));
                if (!every && named.Count == 0) continue;
                found = true;
            }
            if (!found && (perCounty || perSchool))
                proposals.Add(new(perCounty ? FilingKind.County : FilingKind.School, sentence, office, due, perCounty, []));
        }
        // Plans say it twice (in 组织实施 and again in the task table, 庆阳职业技术学院校 and 庆阳职业技术学院): one
        // proposal per kind and reach, with the filers named anywhere, a name that only extends another dropped.
        return [.. proposals.GroupBy(p => (p.Kind, p.EveryChildRegion)).Select(g =>
        {
            var all = g.SelectMany(p => p.Organizations).Distinct().ToList();
            IReadOnlyList<string> kept = [.. all.Where(n => !all.Any(o => o != n && n.StartsWith(o, StringComparison.Ordinal)))];
            return g.First() with { Organizations = kept };
        })];
    }

    /// <summary>各县（区）, 各县市区, 各县（市、区）人民政府: every child region.</summary>
    public static bool IsEveryChild(string who) =>
        who.StartsWith('各') && (who.Contains('县') || who.Contains('区') || who.Contains('市')) && !who.Contains("学校") && !who.Contains("院校");

    private static bool IsSchool(string name) => name.Contains("学院") || name.Contains("学校") || name.Contains("院校") || name.Contains("中专") || name.EndsWith('校');

    private static bool MakesPlan(string text) =>
        (text.Contains("制定", StringComparison.Ordinal) || text.Contains("制订", StringComparison.Ordinal) || text.Contains("出台", StringComparison.Ordinal))
        && (text.Contains("方案", StringComparison.Ordinal) || text.Contains("计划", StringComparison.Ordinal) || text.Contains("意见", StringComparison.Ordinal));

    private static IReadOnlyList<string> Names(string who) =>
        [.. who.Split(['、', '和', '及'], StringSplitOptions.RemoveEmptyEntries).Select(n => n.Trim()).Where(n => n.Length >= 2)];

    private static DateOnly? DueIn(string sentence)
    {
        var m = ByDate().Match(sentence);
        if (!m.Success) return null;
        var year = int.Parse(m.Groups["y"].Value, CultureInfo.InvariantCulture);
        var month = int.Parse(m.Groups["m"].Value, CultureInfo.InvariantCulture);
        if (month is < 1 or > 12) return null;
        if (m.Groups["d"].Success)
        {
            var day = int.Parse(m.Groups["d"].Value, CultureInfo.InvariantCulture);
            return day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;
        }
        return new DateOnly(year, month, DateTime.DaysInMonth(year, month));
    }

    /// <summary>Sentences, ended by 。 or a line break; quotes normalised so that "一县一案" and ‘一县一案’ read alike.</summary>
    private static IEnumerable<string> Sentences(string text) =>
        text.Replace('\r', '\n').Split(['。', '\n', '！', '？'], StringSplitOptions.RemoveEmptyEntries)
            .Select(s => s.Trim()).Where(s => s.Length > 0);
}
