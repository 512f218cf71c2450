using Duban.Parsing.Model;
using Duban.Parsing.Tests.Support;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Parsing.Tests.Properties;

/// <summary>
/// Property tests over the seed documents: however a copy of the plan was wrapped, whichever punctuation widths it
/// used, wherever spaces crept in, the tasks read from it — numbers, units with roles, deadlines — are the same.
/// </summary>
public sealed class SeedMutationProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(12);

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void Rewrapping_lines_does_not_change_the_tasks(string id) =>
        Holds(id, (text, random) => TextMutations.Rewrap(text, random.Next(18, 41), random));

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void Swapping_full_and_half_width_punctuation_does_not_change_the_tasks(string id) =>
        Holds(id, (text, random) => TextMutations.SwapWidths(text, random));

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void Inserting_spaces_does_not_change_the_tasks(string id) =>
        Holds(id, (text, random) => TextMutations.InsertSpaces(text, random));

    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void All_mutations_together_do_not_change_the_tasks(string id) =>
        Holds(id, (text, random) =>
            TextMutations.InsertSpaces(TextMutations.SwapWidths(TextMutations.Rewrap(text, random.Next(18, 41), random), random), random));

    private static void Holds(string id, Func<string, Random, string> mutate)
    {
        var original = SeedCorpus.Parse(id);
        var expected = Fingerprint(original);
        var parser = new PlanParser();
        Check.One(Config, Prop.ForAll(Gen.Choose(0, int.MaxValue).ToArbitrary(), seed =>
        {
            var mutated = mutate(original.Text, new Random(seed));
            var actual = Fingerprint(parser.ParseText(mutated));
            var firstDifference = expected.Zip(actual).FirstOrDefault(p => p.First != p.Second);
            actual.ShouldBe(expected, $"seed {seed}: first difference {firstDifference}");
        }));
    }

    /// <summary>What must survive a mutation: per list, each task's number, units (name, role, primary) and deadline.</summary>
    private static List<string> Fingerprint(PlanDocument doc) =>
        doc.TaskLists.SelectMany(list => list.Tasks.Select(t =>
            $"{list.Name}#{t.No}: {string.Join(",", t.Units.Select(u => $"{u.Canonical}/{u.Role}{(u.Primary ? "*" : "")}"))}"
            + $" | {t.Deadline?.Due}/{t.Deadline?.Start}/{t.Deadline?.Ongoing}")).ToList();
}
