using Duban.Parsing.Model;
using Duban.Parsing.Serialization;

namespace Duban.Cli;

/// <summary>Writes the JSON form of a plan (docs/plan-json.md), indented so that it reads and diffs well.</summary>
internal static class JsonOutput
{
    private static readonly byte[] NewLine = System.Text.Encoding.UTF8.GetBytes(Environment.NewLine);

    public static void Write(CliConsole console, PlanDocument document)
    {
        if (console.OutStream is { } stdout)
        {
            // Whatever the text writer holds must come first; then the serializer writes UTF-8 through one buffer.
            console.Out.Flush();
            // Not disposed: that would close standard output.
            var buffered = new BufferedStream(stdout, 1 << 16);
            PlanJson.Serialize(buffered, document, indented: true);
            buffered.Write(NewLine);
            buffered.Flush();
            return;
        }
        console.Out.WriteLine(PlanJson.Serialize(document, indented: true));
        console.Out.Flush();
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
