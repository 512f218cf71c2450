using static Duban.Parsing.Tests.Support.Passages;
using Duban.Parsing.Model;
using Duban.Parsing.Tests.Support;

namespace Duban.Parsing.Tests.Seeds;

/// <summary>
/// An office often has only a passage of a plan (a forwarded excerpt, a page copied from a site): a run of whole lines
/// of a seed, cut before a task and after a later one, with no title, no issue date and no table header above it,
/// reads the same tasks as the whole seed there — same text, same units in the same roles, same deadlines. A passage
/// cut after the first line of the next task gains no empty task and no unit cut in two for it.
/// </summary>
public sealed class ExcerptTests
{
    private const int Window = 5;

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void A_passage_of_whole_tasks_reads_as_the_whole_document_does_there(string id)
    {
        var doc = SeedCorpus.Parse(id);
        var all = doc.TaskLists.SelectMany(l => l.Tasks).ToList();
        for (var i = 0; i + Window <= all.Count; i += 3)
        {
            var want = all.GetRange(i, Window);
            var passage = doc.Text[LineStart(doc.Text, want[0].Span.Start)..LineEnd(doc.Text, want[^1].Span.End)];
            var got = TasksOf(passage);
            var where = $"seed {id}, tasks {want[0].No}–{want[^1].No}";
            got.Select(t => Compact(t.Text)).ShouldBe(want.Select(t => Compact(t.Text)), where);
            for (var k = 0; k < Window; k++)
            {
                UnitsOf(got[k]).ShouldBe(UnitsOf(want[k]), $"{where}: units of task {want[k].No}");
                got[k].Deadline?.Due.ShouldBe(want[k].Deadline?.Due, $"{where}: deadline of task {want[k].No}");
            }
        }
    }

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void A_passage_cut_inside_the_next_task_gains_no_task_for_it(string id)
    {
        var doc = SeedCorpus.Parse(id);
        var all = doc.TaskLists.SelectMany(l => l.Tasks).ToList();
        for (var i = 0; i + Window < all.Count; i += 4)
        {
            var next = all[i + Window - 1 + 1];
            var start = LineStart(doc.Text, all[i].Span.Start);
            // Cut after the next task's first line (a table row's number, or the first line of a paragraph).
            var end = LineEnd(doc.Text, next.Span.Start + 1);
            if (end >= next.Span.End) continue;
            var got = TasksOf(doc.Text[start..end]);
            var where = $"seed {id}, tasks {all[i].No}– cut inside {next.No}";
            got.ShouldAllBe(t => Compact(t.Text).Length > 0, where);
            got.Select(t => Compact(t.Text)).Take(Window).ShouldBe(all.GetRange(i, Window).Select(t => Compact(t.Text)), where);
            got.Count.ShouldBeLessThanOrEqualTo(Window + 1, where);
            // Kept (its sentences were whole, its units not yet written), the cut task names no unit it does not have.
            if (got.Count > Window) UnitsOf(got[Window]).ShouldBeSubsetOf(UnitsOf(next), where + ": units of the cut task");
        }
    }
}
