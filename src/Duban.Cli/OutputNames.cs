namespace Duban.Cli;

/// <summary>Names the JSON file written for each input under <c>--out DIR</c>.</summary>
internal static class OutputNames
{
    /// <summary>
    /// <c>DIR/&lt;name without extension&gt;.json</c>, in argument order. When two inputs would share a name, the later
    /// one gets <c>-2</c>, <c>-3</c>, … Names are compared ignoring case so the result is the same on every file
    /// system, and they are assigned from the arguments alone (not from which inputs succeed), so a rerun after
    /// fixing a bad input writes the same names.
    /// </summary>
    public static IReadOnlyList<string> Assign(string directory, IReadOnlyList<string> inputs)
    {
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        var names = new List<string>(inputs.Count);
        foreach (var input in inputs)
        {
            var stem = Path.GetFileNameWithoutExtension(input.TrimEnd('/', '\\'));
            if (stem.Length == 0) stem = "plan";
            var candidate = stem;
            for (var n = 2; !used.Add(candidate); n++) candidate = $"{stem}-{n}";
            names.Add(Path.Combine(directory, candidate + ".json"));
        }
        return names;
    }
}
