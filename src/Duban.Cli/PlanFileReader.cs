using Duban.Parsing;
using Duban.Parsing.Input;
using Duban.Parsing.Model;

namespace Duban.Cli;

/// <summary>Parses bytes into a plan; the seam that lets tests stand in for <see cref="PlanParser"/>.</summary>
internal delegate PlanDocument PlanParse(byte[] content, string fileName);

/// <summary>
/// Reads and parses one file, turning every failure into an <see cref="InputProblem"/> so that one bad file never
/// stops the others.
/// </summary>
internal sealed class PlanFileReader(PlanParse parse, long maxInputBytes)
{
    public static PlanFileReader Default { get; } = FromParser(new PlanParser());

    public static PlanFileReader FromParser(PlanParser parser) =>
        new((content, fileName) => parser.Parse(content, fileName), parser.Options.Limits.MaxInputBytes);

    public FileOutcome Read(string path)
    {
        try
        {
            if (Directory.Exists(path)) return new FailedFile(path, InputProblem.IsDirectory());
            var info = new FileInfo(path);
            if (!info.Exists) return new FailedFile(path, InputProblem.NotFound());
            // Checked before reading so that a huge file is refused without loading it into memory.
            if (info.Length > maxInputBytes) return new FailedFile(path, InputProblem.TooLarge(info.Length, maxInputBytes));

            var content = File.ReadAllBytes(path);
            // Only the name goes into the JSON: local directory layout is nobody else's business.
            return new ParsedFile(path, parse(content, Path.GetFileName(path)));
        }
        catch (PlanInputException e)
        {
            return new FailedFile(path, new InputProblem(e.Code, e.Message));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return new FailedFile(path, InputProblem.Unreadable(e));
        }
        catch (Exception e)
        {
            return new FailedFile(path, InputProblem.Internal(e));
        }
    }
}
