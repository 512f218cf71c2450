using Duban.Parsing.Model;
using Duban.Parsing.Serialization;

namespace Duban.Cli;

/// <summary>Writes the JSON form of a plan (docs/plan-json.md), indented so that it reads and diffs well.</summary>
internal static class JsonOutput
{
    public static void Write(TextWriter output, PlanDocument document)
    {
        output.WriteLine(PlanJson.Serialize(document, indented: true));
        output.Flush();
    }

    /// <summary>
    /// Writes to a temporary file next to <paramref name="path"/> and then renames it, so that an interrupted run
    /// never leaves a truncated JSON file behind under the final name. An existing file is replaced.
    /// </summary>
    public static void WriteFile(string path, PlanDocument document)
    {
        var temporary = path + ".tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.Create, FileAccess.Write, FileShare.None))
            {
                PlanJson.Serialize(stream, document, indented: true);
            }
            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }
}
