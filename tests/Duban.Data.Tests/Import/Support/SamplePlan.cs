using System.Text;
using System.Text.RegularExpressions;

namespace Duban.Data.Tests.Import.Support;

/// <summary>
/// samples/deadline-forms.txt (西岭市, 12 tasks, no document number) taken apart into its numbered tasks, so that tests
/// can write revisions of it: tasks edited, removed, added, and the rest renumbered as a drafter would.
/// </summary>
public sealed partial class SamplePlan
{
    public const string FileName = "deadline-forms.txt";
    public const string Region = "西岭市";

    private readonly string head;
    private readonly string tail;

    private SamplePlan(string head, List<string> tasks, string tail)
    {
        this.head = head;
        Tasks = tasks;
        this.tail = tail;
    }

    /// <summary>The task paragraphs without their numbers, in order.</summary>
    public List<string> Tasks { get; }

    public static SamplePlan Load()
    {
        var text = Encoding.UTF8.GetString(ImportSeedFiles.Sample(FileName)).Replace("\r\n", "\n");
        var matches = TaskLine().Matches(text);
        var head = text[..matches[0].Index];
        var last = matches[^1];
        var tail = text[(last.Index + last.Length)..];
        return new SamplePlan(head, [.. matches.Select(m => m.Groups["body"].Value)], tail);
    }

    public static byte[] Original => ImportSeedFiles.Sample(FileName);

    public SamplePlan With(Action<List<string>> edit)
    {
        var tasks = Tasks.ToList();
        edit(tasks);
        return new SamplePlan(head, tasks, tail);
    }

    public byte[] Bytes() =>
        Encoding.UTF8.GetBytes(head + string.Join("\n\n", Tasks.Select((t, i) => $"{i + 1}.{t}")) + tail);

    [GeneratedRegex(@"^(?<no>\d+)\.(?<body>.+)$", RegexOptions.Multiline)]
    private static partial Regex TaskLine();
}
