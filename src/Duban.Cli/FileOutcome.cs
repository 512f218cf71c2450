using Duban.Parsing.Model;

namespace Duban.Cli;

/// <summary>What became of one input file.</summary>
internal abstract record FileOutcome(string Path);

internal sealed record ParsedFile(string Path, PlanDocument Document) : FileOutcome(Path);

internal sealed record FailedFile(string Path, InputProblem Problem) : FileOutcome(Path);
