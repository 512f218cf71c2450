namespace Duban.Cli;

/// <summary>What <c>duban parse</c> was asked to do, after the options have been checked and defaults applied.</summary>
/// <param name="Files">The inputs, as the user spelled them (that is how problems name them).</param>
/// <param name="Table">Render the readable summary to stdout.</param>
/// <param name="JsonToStdout">Write the one input's JSON to stdout.</param>
/// <param name="OutDirectory">Write one JSON file per input here.</param>
internal sealed record ParseRequest(IReadOnlyList<string> Files, bool Table, bool JsonToStdout, string? OutDirectory)
{
    public static ParseRequest From(IReadOnlyList<string> files, bool json, bool table, string? outDirectory) => new(
        files,
        // The table is the default when nothing else was asked for; with --out it must be asked for.
        Table: table || (!json && outDirectory is null),
        JsonToStdout: json && outDirectory is null,
        outDirectory);
}
