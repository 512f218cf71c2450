using System.Text.RegularExpressions;
using Duban.Parsing.Model;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// The checks every sample document gets: its task lists and their numbers, the units with their roles, the deadlines,
/// clean task texts, spans that point at what was read, collectives, the title and the warnings. Each sample derives
/// from this class with its expected table; checks specific to one sample (metadata, bodies) live in its class.
/// </summary>
public abstract class SampleTest
{
    /// <summary>The file under samples/.</summary>
    protected abstract string FileName { get; }

    protected abstract IReadOnlyList<ExpectedList> ExpectedLists { get; }

    /// <summary>The plan's title, as <see cref="PlanDocument.Title"/> should read it.</summary>
    protected abstract string ExpectedTitle { get; }

    /// <summary>The warning codes the sample must produce (each at least once), and no others.</summary>
    protected virtual IReadOnlyList<string> ExpectedWarningCodes => [];

    /// <summary>Units that stand for many, by name; every other unit must not be collective.</summary>
    protected virtual IReadOnlyDictionary<string, CollectiveKind> ExpectedCollectives => new Dictionary<string, CollectiveKind>();

    protected virtual PlanDocument Load() => SampleFiles.Parse(FileName);

    protected PlanDocument Doc => Load();

    protected IEnumerable<PlanTask> AllTasks => Doc.TaskLists.SelectMany(l => l.Tasks);

    protected static ExpectedTask T(string no, string textStart, string units, string? raw, string deadline = "") =>
        new(no, textStart, units, raw, deadline);

    protected static ExpectedList List(TaskListLayout layout, TaskListLocation location, string? name, params ExpectedTask[] tasks) =>
        new(layout, location, name, tasks);

    [Fact]
    public void Task_lists_and_task_numbers()
    {
        var actual = Doc.TaskLists.Select(l => $"{l.Layout} {l.Location} list \"{l.Name}\": {string.Join(" ", l.Tasks.Select(t => t.No))}").ToList();
        var expected = ExpectedLists.Select(l => $"{l.Layout} {l.Location} list \"{l.Name ?? "?"}\": {string.Join(" ", l.Tasks.Select(t => t.No))}").ToList();
        // A list whose name the sample does not pin down matches any name.
        for (var i = 0; i < Math.Min(actual.Count, expected.Count); i++)
            if (ExpectedLists[i].Name is null) actual[i] = actual[i].Replace($"\"{Doc.TaskLists[i].Name}\"", "\"?\"");
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Units_with_roles_and_primary()
    {
        var actual = Doc.TaskLists.SelectMany(l => l.Tasks).Select(Render.Units).ToList();
        var expected = ExpectedLists.SelectMany(l => l.Tasks).Select(t => t.RenderUnits()).ToList();
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Deadlines()
    {
        var actual = AllTasks.Select(Render.Deadline).ToList();
        var expected = ExpectedLists.SelectMany(l => l.Tasks).Select(t => t.RenderDeadline()).ToList();
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Task_texts_start_right_and_carry_no_fields()
    {
        var tasks = AllTasks.ToList();
        var expected = ExpectedLists.SelectMany(l => l.Tasks).ToList();
        tasks.Count.ShouldBe(expected.Count, "number of tasks");
        for (var i = 0; i < tasks.Count; i++)
        {
            var text = tasks[i].Text;
            var context = $"task {tasks[i].No}: \"{text}\"";
            text.ShouldStartWith(expected[i].TextStart, Case.Sensitive, context);
            // No field label (责任单位：, 完成時限: …) and no line break is left in a task's text.
            FieldLabel.IsMatch(CharFolding.Fold(text)).ShouldBeFalse(context);
            text.ShouldNotContain("\n", Case.Sensitive, context);
            text.TrimEnd().ShouldNotEndWith("（", context, Case.Sensitive);
            text.TrimEnd().ShouldNotEndWith("(", context, Case.Sensitive);
            text.ShouldBe(text.Trim(), context);
        }
    }

    [Fact]
    public void Spans_point_at_what_was_read()
    {
        var source = Doc.Text;
        var expected = ExpectedLists.SelectMany(l => l.Tasks).ToList();
        var tasks = AllTasks.ToList();
        tasks.Count.ShouldBe(expected.Count, "number of tasks");
        for (var i = 0; i < tasks.Count; i++)
        {
            var task = tasks[i];
            Compact(At(source, task.Span)).ShouldContain(Compact(expected[i].TextStart), Case.Sensitive, $"task {task.No}'s span");
            foreach (var unit in task.Units)
            {
                // A restored prefix or shared tail is not written where the unit is: what is written is part of the name.
                var written = Compact(At(source, unit.Span));
                written.Length.ShouldBeGreaterThan(0, $"task {task.No}, unit {unit.Name}: empty span");
                Compact(unit.Name).ShouldContain(written, Case.Sensitive, $"task {task.No}, unit {unit.Name}: span reads \"{written}\"");
            }
            if (task.Deadline is { } d)
                Compact(At(source, d.Span)).ShouldBe(Compact(d.Raw), $"task {task.No}: deadline span");
        }
    }

    [Fact]
    public void Collective_units()
    {
        var actual = AllTasks.SelectMany(t => t.Units).Where(u => u.Collective || u.CollectiveKind is not null)
            .Select(u => $"{u.Name}: {u.CollectiveKind}").Distinct().Order(StringComparer.Ordinal).ToList();
        var expected = ExpectedCollectives.Select(kv => $"{kv.Key}: {kv.Value}").Order(StringComparer.Ordinal).ToList();
        actual.ShouldBe(expected);
    }

    [Fact]
    public void Title() => Doc.Title.ShouldBe(ExpectedTitle);

    [Fact]
    public void Warnings()
    {
        var actual = Doc.Warnings.Select(w => w.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        actual.ShouldBe(ExpectedWarningCodes.Distinct().Order(StringComparer.Ordinal).ToList(),
            string.Join("\n", Doc.Warnings.Select(w => $"{w.Code}: {w.Message}")));
    }

    private static readonly Regex FieldLabel = new(@"(单位|部门|时限|完成时间|进度) *:|(^|[(\[【〔;；,，。 ])时间 *:", RegexOptions.CultureInvariant);

    protected static string At(string source, SourceSpan span)
    {
        span.Start.ShouldBeInRange(0, source.Length);
        span.End.ShouldBeInRange(span.Start, source.Length);
        return source[span.Start..span.End];
    }

    /// <summary>
    /// Text without white space, folded (full-width and half-width punctuation alike), for comparing spans. Angle
    /// brackets read as round ones, as in unit names (各县&lt;市、区&gt;人民政府 is named 各县（市、区）人民政府).
    /// </summary>
    protected static string Compact(string s) => CharFolding.Fold(new string(s.Where(c => !char.IsWhiteSpace(c))
        .Select(c => c switch { '<' or '〈' or '＜' => '(', '>' or '〉' or '＞' => ')', _ => c }).ToArray()));
}
