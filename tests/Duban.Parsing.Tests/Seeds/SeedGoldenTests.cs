using Duban.Parsing.Tests.Support;

namespace Duban.Parsing.Tests.Seeds;

/// <summary>
/// Every task of every seed document — number, units with roles, deadline, section path, targets — and the metadata,
/// governing bodies and goal targets, compared with the expected files in Seeds/Golden. The expected files were
/// reviewed line by line against the documents; see docs/parsing-rules.md for the decisions they encode.
/// To see a changed rendering, run with DUBAN_WRITE_GOLDEN=1: the actual rendering is written next to the expected
/// file as *.actual.txt (never over it).
/// </summary>
public sealed class SeedGoldenTests
{
    [SeedTheory]
    [MemberData(nameof(SeedCorpus.Ids), MemberType = typeof(SeedCorpus))]
    public void Seed_matches_its_reviewed_golden_file(string id)
    {
        var actual = GoldenRendering.Render(SeedCorpus.Parse(id));
        var expectedPath = Path.Combine(RepositoryPaths.Root, "tests", "Duban.Parsing.Tests", "Seeds", "Golden", id + ".txt");
        if (Environment.GetEnvironmentVariable("DUBAN_WRITE_GOLDEN") == "1")
            File.WriteAllText(Path.ChangeExtension(expectedPath, ".actual.txt"), actual);
        File.Exists(expectedPath).ShouldBeTrue($"missing golden file {expectedPath}");
        var expected = File.ReadAllText(expectedPath).ReplaceLineEndings("\n");
        var a = actual.ReplaceLineEndings("\n").Split('\n');
        var e = expected.Split('\n');
        for (var i = 0; i < Math.Max(a.Length, e.Length); i++)
        {
            var got = i < a.Length ? a[i] : "<end>";
            var want = i < e.Length ? e[i] : "<end>";
            got.ShouldBe(want, $"seed {id}, line {i + 1} of the golden rendering");
        }
    }
}
