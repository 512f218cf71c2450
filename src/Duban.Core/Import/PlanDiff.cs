using Duban.Parsing.Model;

namespace Duban.Core.Import;

public enum TaskDiffKind
{
    Unchanged,
    Changed,
    Added,
    Removed,
}

/// <summary>What changed in a task that is in both versions.</summary>
[Flags]
public enum TaskChanges
{
    None = 0,
    Text = 1,
    Units = 2,
    Deadline = 4,
}

/// <summary>How a task of the new version was found in the old one.</summary>
public enum TaskPairing
{
    /// <summary>Same list and number, and the same text, or text still similar enough to be an edit.</summary>
    SameKey,
    /// <summary>The same text under another number or list: the task was renumbered or moved.</summary>
    SameText,
    /// <summary>Similar text under another number: edited and renumbered.</summary>
    SimilarText,
}

/// <summary>One task's fate between two versions.</summary>
public sealed record TaskDiff(TaskDiffKind Kind, TaskSnapshot? Before, TaskSnapshot? After, TaskChanges Changes = TaskChanges.None, TaskPairing? PairedBy = null)
{
    /// <summary>In both versions, under another key: its number or list changed (which alone is no change).</summary>
    public bool Renumbered => Before is not null && After is not null && Before.Key != After.Key;
}

/// <summary>
/// The difference between the tasks of two versions of a plan. Tasks are paired in four passes, each over what the
/// earlier ones left: (1) same key and same text; (2) same text under another key — renumbered or moved, which is
/// what inserting or removing a task does to every task after it; (3) same key, text at least
/// <see cref="SameKeySimilarity"/> alike — edited in place; (4) any key, text at least <see cref="MovedSimilarity"/>
/// alike, most similar pairs first — edited and renumbered. Paired tasks are Changed when their text, units
/// (canonical name, role, primary) or deadline differ, else Unchanged; the rest are Added or Removed. Similarity is the
/// Dice coefficient of character bigrams, which suits Chinese text without word segmentation.
/// </summary>
public sealed record PlanDiff(IReadOnlyList<TaskDiff> Tasks)
{
    /// <summary>
    /// A task under the same number must still share this much text to count as the same task edited: a new task put
    /// where a removed one stood is an addition and a removal, not a change that would carry the old task's history.
    /// </summary>
    public const double SameKeySimilarity = 0.3;

    /// <summary>A task under another number needs more: there is no number to vouch for it.</summary>
    public const double MovedSimilarity = 0.6;

    public int Added => Tasks.Count(t => t.Kind == TaskDiffKind.Added);

    public int Removed => Tasks.Count(t => t.Kind == TaskDiffKind.Removed);

    public int Changed => Tasks.Count(t => t.Kind == TaskDiffKind.Changed);

    public int Unchanged => Tasks.Count(t => t.Kind == TaskDiffKind.Unchanged);

    /// <summary>True when no task was added, removed or changed (renumbering aside).</summary>
    public bool IsEmpty => Added == 0 && Removed == 0 && Changed == 0;

    public static PlanDiff Compare(PlanDocument before, PlanDocument after) => Compare(TaskSnapshot.Of(before), TaskSnapshot.Of(after));

    public static PlanDiff Compare(IReadOnlyList<TaskSnapshot> before, IReadOnlyList<TaskSnapshot> after)
    {
        var pairs = new TaskPairs(before, after);
        pairs.PairByKey(SameText);
        pairs.PairByText();
        pairs.PairByKey((b, a) => Similarity(b.Text, a.Text) >= SameKeySimilarity);
        pairs.Pair(TaskPairing.SimilarText, (b, a) => Similarity(b.Text, a.Text) is var s && s >= MovedSimilarity ? s : null);
        return new PlanDiff(pairs.ToDiffs());
    }

    public static TaskChanges ChangesBetween(TaskSnapshot before, TaskSnapshot after)
    {
        var changes = TaskChanges.None;
        if (!SameText(before, after)) changes |= TaskChanges.Text;
        if (!SameUnits(before.Units, after.Units)) changes |= TaskChanges.Units;
        if (Normalize(before.Deadline ?? "") != Normalize(after.Deadline ?? "")) changes |= TaskChanges.Deadline;
        return changes;
    }

    /// <summary>Dice coefficient of the character bigrams of the two texts (white space ignored): 1 for equal texts, 0 for nothing in common.</summary>
    public static double Similarity(string a, string b)
    {
        var x = Normalize(a);
        var y = Normalize(b);
        if (x == y) return 1;
        if (x.Length < 2 || y.Length < 2) return 0;
        var bigrams = new Dictionary<(char, char), int>();
        for (var i = 0; i + 1 < x.Length; i++) bigrams[(x[i], x[i + 1])] = bigrams.GetValueOrDefault((x[i], x[i + 1])) + 1;
        var shared = 0;
        for (var i = 0; i + 1 < y.Length; i++)
        {
            var bigram = (y[i], y[i + 1]);
            if (bigrams.TryGetValue(bigram, out var n) && n > 0)
            {
                bigrams[bigram] = n - 1;
                shared++;
            }
        }
        return 2.0 * shared / (x.Length - 1 + y.Length - 1);
    }

    private static bool SameText(TaskSnapshot a, TaskSnapshot b) => Normalize(a.Text) == Normalize(b.Text);

    private static bool SameUnits(IReadOnlyList<UnitSnapshot> a, IReadOnlyList<UnitSnapshot> b)
    {
        static IEnumerable<string> Keys(IReadOnlyList<UnitSnapshot> units) =>
            units.Select(u => $"{OrganizationNames.Normalize(u.Canonical)}|{u.Role}|{u.Primary}").Order(StringComparer.Ordinal);
        return Keys(a).SequenceEqual(Keys(b));
    }

    private static string Normalize(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));

    /// <summary>The pairing passes' shared state: which tasks of each side are still unpaired.</summary>
    private sealed class TaskPairs(IReadOnlyList<TaskSnapshot> before, IReadOnlyList<TaskSnapshot> after)
    {
        private readonly int?[] partnerOfAfter = new int?[after.Count];
        private readonly bool[] beforePaired = new bool[before.Count];
        private readonly TaskPairing[] pairingOfAfter = new TaskPairing[after.Count];

        /// <summary>Pairs the unpaired tasks whose score is not null, best scores first, ties in document order; compares every unpaired pair, so it runs last, over what the cheaper passes left.</summary>
        public void Pair(TaskPairing pairing, Func<TaskSnapshot, TaskSnapshot, double?> score)
        {
            var candidates = new List<(double Score, int Before, int After)>();
            for (var a = 0; a < after.Count; a++)
            {
                if (partnerOfAfter[a] is not null) continue;
                for (var b = 0; b < before.Count; b++)
                {
                    if (beforePaired[b]) continue;
                    if (score(before[b], after[a]) is { } s) candidates.Add((s, b, a));
                }
            }
            foreach (var (_, b, a) in candidates.OrderByDescending(c => c.Score).ThenBy(c => c.After).ThenBy(c => c.Before))
            {
                if (beforePaired[b] || partnerOfAfter[a] is not null) continue;
                Link(b, a, pairing);
            }
        }

        /// <summary>Pairs unpaired tasks under the same key (unique within a version) that <paramref name="accept"/> accepts.</summary>
        public void PairByKey(Func<TaskSnapshot, TaskSnapshot, bool> accept)
        {
            var unpaired = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var b = 0; b < before.Count; b++)
            {
                if (!beforePaired[b]) unpaired.TryAdd(before[b].Key, b);
            }
            for (var a = 0; a < after.Count; a++)
            {
                if (partnerOfAfter[a] is not null || !unpaired.TryGetValue(after[a].Key, out var b) || beforePaired[b]) continue;
                if (accept(before[b], after[a])) Link(b, a, TaskPairing.SameKey);
            }
        }

        /// <summary>Pass 2 by hashing rather than comparing every pair: identical texts pair in document order.</summary>
        public void PairByText()
        {
            var waiting = new Dictionary<string, Queue<int>>(StringComparer.Ordinal);
            for (var b = 0; b < before.Count; b++)
            {
                if (beforePaired[b]) continue;
                var text = Normalize(before[b].Text);
                if (!waiting.TryGetValue(text, out var queue)) waiting[text] = queue = new Queue<int>();
                queue.Enqueue(b);
            }
            for (var a = 0; a < after.Count; a++)
            {
                if (partnerOfAfter[a] is not null) continue;
                if (waiting.TryGetValue(Normalize(after[a].Text), out var queue) && queue.TryDequeue(out var b)) Link(b, a, TaskPairing.SameText);
            }
        }

        public List<TaskDiff> ToDiffs()
        {
            var diffs = new List<TaskDiff>(Math.Max(before.Count, after.Count));
            for (var a = 0; a < after.Count; a++)
            {
                if (partnerOfAfter[a] is not { } b)
                {
                    diffs.Add(new TaskDiff(TaskDiffKind.Added, null, after[a]));
                    continue;
                }
                var changes = ChangesBetween(before[b], after[a]);
                diffs.Add(new TaskDiff(changes == TaskChanges.None ? TaskDiffKind.Unchanged : TaskDiffKind.Changed,
                    before[b], after[a], changes, pairingOfAfter[a]));
            }
            for (var b = 0; b < before.Count; b++)
            {
                if (!beforePaired[b]) diffs.Add(new TaskDiff(TaskDiffKind.Removed, before[b], null));
            }
            return diffs;
        }

        private void Link(int b, int a, TaskPairing pairing)
        {
            beforePaired[b] = true;
            partnerOfAfter[a] = b;
            pairingOfAfter[a] = pairing;
        }
    }
}
