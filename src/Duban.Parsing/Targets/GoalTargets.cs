using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Targets;

/// <summary>
/// Targets stated in the goal sections of a plan: under a heading that speaks of goals (总体目标, 具体目标, 主要目标任务,
/// 总体要求和目标), or in a paragraph that opens with 工作目标： / 主要目标： / 发展目标：.
/// </summary>
internal static class GoalTargets
{
    public static List<Target> Read(IReadOnlyList<Block> blocks, Outline outline)
    {
        var targets = new List<Target>();
        OutlineNode? goal = null;
        for (var i = 0; i < blocks.Count; i++)
        {
            if (outline.NodeOf(i) is { } node)
            {
                if (goal is not null && node.Rank <= goal.Rank || node.Kind == SectionKind.Annex) goal = null;
                if (goal is null && node.Kind == SectionKind.Heading && node.IsHeading && node.Title.Contains("目标")) goal = node;
            }
            if (blocks[i] is not ParagraphBlock p || outline.AnnexOf(i) is not null) continue;
            if (goal is null && !OpensWithGoalLabel(p.Folded)) continue;
            // "到2023年，…。…。": a paragraph of goals opened by a year sets that year for every figure in it.
            var year = OpeningYear(p.Folded);
            targets.AddRange(TargetExtractor.Extract(p.Raw).Select(t => t.Year is null && year is not null ? t with { Year = year } : t));
        }
        return targets;
    }

    private static int? OpeningYear(string folded)
    {
        var clauseEnd = folded.IndexOfAny([',', '。', ';']);
        var clause = clauseEnd < 0 ? folded : folded[..clauseEnd];
        if (clause.Length > 30) return null;
        var at = clause.IndexOf('年');
        if (at < 4) return null;
        var digits = new string(clause[..at].Where(char.IsAsciiDigit).ToArray());
        return digits.Length >= 4 && int.TryParse(digits[^4..], out var y) && y is >= 1990 and <= 2100 && clause.Contains('到') ? y : null;
    }

    private static bool OpensWithGoalLabel(string folded)
    {
        var colon = folded.IndexOf(':');
        return colon is > 1 and <= 8 && folded[..colon].EndsWith("目标", StringComparison.Ordinal);
    }
}
