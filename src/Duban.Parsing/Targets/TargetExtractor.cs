using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Targets;

/// <summary>
/// Finds the quantitative commitments in a sentence, a paragraph or a task's text: 双师型教师比例达到50%以上,
/// 建设10个教师企业流动站, 职普比不低于4:6. The rules are in docs/parsing-rules.md ("Targets").
/// </summary>
public static class TargetExtractor
{
    /// <summary>Every target in <paramref name="text"/>, in order of appearance. Never throws; an empty list when there are none.</summary>
    public static IReadOnlyList<Target> Extract(MappedText text) =>
        text is null || text.Length == 0 ? [] : new TargetScanner(text).Run();
}
