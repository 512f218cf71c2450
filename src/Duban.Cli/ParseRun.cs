namespace Duban.Cli;

/// <summary>Carries out a <see cref="ParseRequest"/>: parse each file, write its JSON, report, pick the exit code.</summary>
internal sealed class ParseRun(CliConsole console, PlanFileReader reader)
{
    public int Execute(ParseRequest request)
    {
        IReadOnlyList<string>? outputs = null;
        if (request.OutDirectory is { } directory)
        {
            try
            {
                Directory.CreateDirectory(directory);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                console.Error.WriteLine(InputProblem.OutDirectoryUnusable(e).ToLine(directory));
                return ExitCodes.InputError;
            }
            outputs = OutputNames.Assign(directory, request.Files);
        }

        // Reporting waits until every file is parsed: the progress bar owns the terminal until then.
        var results = new FileResult[request.Files.Count];
        new FileProgress(console.Progress).ForEach(request.Files, i => results[i] = Process(request, request.Files[i], outputs?[i]));
        Report(request, results);

        if (results.Any(r => r.Problem is not null)) return ExitCodes.InputError;
        return results.Any(r => r.WarningCount > 0) ? ExitCodes.Warnings : ExitCodes.Success;
    }

    private FileResult Process(ParseRequest request, string path, string? output)
    {
        // The reader turns its own failures into problems; this guard is for the writing and summarising that follow.
        try
        {
            var outcome = reader.Read(path);
            if (outcome is FailedFile failed) return new FileResult(path, failed.Problem);
            var document = ((ParsedFile)outcome).Document;
            if (output is not null)
            {
                try
                {
                    JsonOutput.WriteFile(output, document);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return new FileResult(path, InputProblem.Unwritable(output, e));
                }
            }
            return new FileResult(
                path,
                WarningCount: document.Warnings.Count,
                Summary: request.Table ? PlanSummary.From(path, document) : null,
                Document: request.JsonToStdout ? document : null);
        }
        catch (Exception e)
        {
            return new FileResult(path, InputProblem.Internal(e));
        }
    }

    private void Report(ParseRequest request, IReadOnlyList<FileResult> results)
    {
        var table = new TableRenderer(console.Table);
        foreach (var result in results)
        {
            if (result.Problem is { } problem) console.Error.WriteLine(problem.ToLine(result.Path));
            if (result.Summary is { } summary) table.Render(summary);
            if (result.Document is { } document) JsonOutput.Write(console, document);
        }
        if (request.Table && results.Count > 1)
        {
            table.RenderTotals(
                parsed: results.Count(r => r.Problem is null),
                withWarnings: results.Count(r => r.Problem is null && r.WarningCount > 0),
                failed: results.Count(r => r.Problem is not null));
        }
        console.Out.Flush();
        console.Error.Flush();
    }
}

/// <summary>What is kept of one file until the run reports: the whole document only when it is to be printed.</summary>
/// <param name="Problem">Why the file failed; null when it was parsed (and written, with --out).</param>
internal sealed record FileResult(
    string Path,
    InputProblem? Problem = null,
    int WarningCount = 0,
    PlanSummary? Summary = null,
    Duban.Parsing.Model.PlanDocument? Document = null);
