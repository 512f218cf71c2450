using Duban.Parsing.Model;
using Duban.Parsing.Targets;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Targets;

/// <summary>Runs the extractor on a literal, as the parser would on one paragraph taken from the source as it stands.</summary>
internal static class Read
{
    public static IReadOnlyList<Target> Targets(string text) => TargetExtractor.Extract(MappedText.Contiguous(text, 0));

    public static Target Single(string text)
    {
        var targets = Targets(text);
        targets.Count.ShouldBe(1, "targets: " + string.Join(" | ", targets.Select(t => t.Raw)));
        return targets[0];
    }
}
