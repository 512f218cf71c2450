using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Targets;

/// <summary>Finds the quantitative commitments in a sentence or paragraph. (Stub: being implemented.)</summary>
public static class TargetExtractor
{
    public static IReadOnlyList<Target> Extract(MappedText text) => [];
}
