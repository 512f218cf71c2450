namespace Duban.Divisions;

/// <summary>The rules of the 6-digit codes: two digits each for the province, the city and the county.</summary>
public static class DivisionCodes
{
    public const int Length = 6;

    /// <summary>
    /// The full code written in 2, 4 or 6 digits: 62 → 620000, 6208 → 620800, 620802 stays; null for anything else.
    /// The catalogue's files write provinces and cities short; the database and the API always hold six digits.
    /// </summary>
    public static string? Normalize(string? text)
    {
        var code = text?.Trim();
        if (code is not { Length: 2 or 4 or 6 } || !code.All(char.IsAsciiDigit)) return null;
        return code.PadRight(Length, '0');
    }

    /// <summary>Whether the text is a full code: six ASCII digits.</summary>
    public static bool IsFull(string? code) => code is { Length: Length } && code.All(char.IsAsciiDigit);

    /// <summary>
    /// The statistical codes number functional zones 71–79 within their city (安阳高新技术产业开发区 410571), while
    /// 01–69 are districts and counties and 81–99 county-level cities (林州市 410581, 辛集市 130181).
    /// </summary>
    public static bool IsFunctionalZone(string code) => IsFull(code) && code[4] == '7' && code[5] != '0';
}
