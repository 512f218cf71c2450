namespace Duban.Divisions;

/// <summary>
/// The one-character names of the provinces (简称) that open their document numbers: 甘政发 is Gansu's, 鲁政发 Shandong's.
/// A plan's 发文字号 and the numbers of the documents it implements thus say which province it comes from.
/// </summary>
public static class ProvinceAbbreviations
{
    private static readonly Dictionary<string, string> ByProvince = new(StringComparer.Ordinal)
    {
        ["11"] = "京", ["12"] = "津", ["13"] = "冀", ["14"] = "晋", ["15"] = "蒙",
        ["21"] = "辽", ["22"] = "吉", ["23"] = "黑",
        ["31"] = "沪", ["32"] = "苏", ["33"] = "浙", ["34"] = "皖", ["35"] = "闽", ["36"] = "赣", ["37"] = "鲁",
        ["41"] = "豫", ["42"] = "鄂", ["43"] = "湘", ["44"] = "粤", ["45"] = "桂", ["46"] = "琼",
        ["50"] = "渝", ["51"] = "川蜀", ["52"] = "黔贵", ["53"] = "滇云", ["54"] = "藏",
        ["61"] = "陕秦", ["62"] = "甘陇", ["63"] = "青", ["64"] = "宁", ["65"] = "新",
    };

    /// <summary>The abbreviations of the province a code lies in (the first two digits): 620800 → 甘, 陇; empty when unknown.</summary>
    public static string Of(string? code) =>
        code is { Length: >= 2 } && ByProvince.TryGetValue(code[..2], out var abbreviations) ? abbreviations : "";
}
