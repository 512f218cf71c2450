using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Support;

/// <summary>The seed documents by their number prefix (000 … 004), parsed once per test run.</summary>
public static class SeedCorpus
{
    private static readonly Dictionary<string, PlanDocument> Parsed = new();
    private static readonly Lock Gate = new();

    public static IEnumerable<object[]> Ids => new[] { "000", "001", "002", "003", "004" }.Select(id => new object[] { id });

    public static string PathOf(string id) =>
        Directory.EnumerateFiles(RepositoryPaths.SeedsFolder, id + "_*.txt").Single();

    public static byte[] Bytes(string id) => File.ReadAllBytes(PathOf(id));

    public static PlanDocument Parse(string id)
    {
        lock (Gate)
        {
            if (!Parsed.TryGetValue(id, out var doc))
                Parsed[id] = doc = new PlanParser().Parse(Bytes(id), Path.GetFileName(PathOf(id)));
            return doc;
        }
    }
}
