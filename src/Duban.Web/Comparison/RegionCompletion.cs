using System.Runtime.InteropServices;
using Duban.Core.Comparison;
using Duban.Core.Tracking.Status;
using Duban.Data.Tracking.Status;
using UnitRole = Duban.Parsing.Model.UnitRole;

namespace Duban.Web.Comparison;

/// <summary>
/// 地区对比's task completion: for each region below, the tasks its organisations lead, each counted once by
/// <see cref="ComparisonRules.Part"/> on the statuses of the region's own lead assignments of the task.
/// <para>
/// One pass over the tasks, each lead placed in its region by a lookup of its organisation. Grouping every lead of a
/// province (a lookup by region, then a group by task per region) took 0.6 s of the page's 0.8 s for 250 016 tasks
/// (docs/benchmarks.md, "地区对比 and the 总览 under 300 ms"); this takes a few milliseconds and gives the same tallies
/// (<c>RegionCompletionTests</c> compares it with the grouping on varied scopes).
/// </para>
/// </summary>
public static class RegionCompletion
{
    /// <summary>The tally of each region below, in the order of its index.</summary>
    /// <param name="regionsOf">The indexes (0 to <paramref name="regionCount"/> − 1) of the regions below that hold an organisation; none for one outside them.</param>
    public static IReadOnlyList<CompletionTally> Count(IEnumerable<TaskStatusRow> tasks, Func<long, IReadOnlyList<int>> regionsOf, int regionCount)
    {
        // Counts per region: tasks, then the four states in CompletionState's order.
        var counts = new int[regionCount, 5];
        // The leads of the task being counted, per region; reused from task to task.
        var leads = new List<StatusResult>[regionCount];
        for (var r = 0; r < regionCount; r++) leads[r] = [];
        var touched = new List<int>(4);
        foreach (var task in tasks)
        {
            foreach (var a in task.Assignments)
            {
                if (a.Role != UnitRole.Lead) continue;
                foreach (var region in regionsOf(a.OrganizationId))
                {
                    if (leads[region].Count == 0) touched.Add(region);
                    leads[region].Add(a.Result);
                }
            }
            foreach (var region in touched)
            {
                var state = ComparisonRules.Part(CollectionsMarshal.AsSpan(leads[region]));
                counts[region, 0]++;
                counts[region, 1 + (int)state]++;
                leads[region].Clear();
            }
            touched.Clear();
        }
        return Enumerable.Range(0, regionCount).Select(r => new CompletionTally(counts[r, 0],
            counts[r, 1 + (int)CompletionState.DoneOnTime], counts[r, 1 + (int)CompletionState.DoneLate],
            counts[r, 1 + (int)CompletionState.Overdue], counts[r, 1 + (int)CompletionState.InProgress])).ToList();
    }
}
