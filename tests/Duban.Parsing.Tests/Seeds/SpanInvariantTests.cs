using Duban.Parsing.Model;
using Duban.Parsing.Tests.Support;

namespace Duban.Parsing.Tests.Seeds;

/// <summary>Every span points at the text it claims: a reader highlighting it sees the fact it came from.</summary>
public sealed class SpanInvariantTests
{
    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void Spans_cover_the_facts_they_belong_to(string id)
    {
        var doc = SeedCorpus.Parse(id);
        foreach (var task in doc.TaskLists.SelectMany(l => l.Tasks))
        {
            var taskSource = Compact(Slice(doc, task.Span));
            taskSource.ShouldContain(Compact(task.Text)[..Math.Min(12, Compact(task.Text).Length)], customMessage: $"task {task.No}");
            foreach (var unit in task.Units)
            {
                SpanInside(unit.Span, task.Span).ShouldBeTrue($"unit {unit.Name} of task {task.No} lies outside the task");
                Compact(Slice(doc, unit.Span)).Length.ShouldBeGreaterThan(0);
            }
            if (task.Deadline is { } d) Compact(Slice(doc, d.Span)).ShouldBe(Compact(d.Raw), $"deadline of task {task.No}");
            foreach (var target in task.Targets) Compact(Slice(doc, target.Span)).ShouldBe(Compact(target.Raw));
        }
        if (doc.DocNumberSpan is { } dn) Compact(Slice(doc, dn)).Replace('[', '〔').Replace(']', '〕').ShouldBe(doc.DocNumber);
        foreach (var r in doc.Recipients) Compact(Slice(doc, r.Span)).ShouldBe(Compact(r.Name));
    }

    private static bool SpanInside(SourceSpan inner, SourceSpan outer) => inner.Start >= outer.Start && inner.End <= outer.End;

    private static string Slice(PlanDocument doc, SourceSpan span) => doc.Text[span.Start..span.End];

    private static string Compact(string s) => new(s.Where(c => !char.IsWhiteSpace(c)).ToArray());
}
