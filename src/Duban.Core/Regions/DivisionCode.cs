namespace Duban.Core.Regions;

/// <summary>
/// What a six-digit GB/T 2260 code (统计用区划代码) says about its division: 620800 is a prefecture-level city, 620802 a
/// county-level division below it. County-level codes ending 70–99 are functional zones (高新技术产业开发区, 经济技术开发区):
/// they appear in the statistics codes beside the counties but are not administrative counties with a people's government.
/// </summary>
public static class DivisionCode
{
    public static bool IsFunctionalZone(string? code) =>
        code is { Length: 6 } && code[4..] is var last && int.TryParse(last, out var n) && n >= 70 && code[2..4] != "00";
}
