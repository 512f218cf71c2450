using Duban.Parsing.Model;

namespace Duban.Core.Regions;

/// <summary>
/// What a plan document says about where it comes from: its issuer (发文机关), its title and the notice's, the issuer
/// code of its 发文字号 (平政字 — its first character is usually the place's own), whom it is sent to (各县（市、区）人民政府 is
/// a city writing, 各镇人民政府 a county) and the issuer codes of the documents it implements (济政发, 鲁政发 — the places above).
/// </summary>
public sealed record RegionClues(
    string? Issuer,
    string? Title,
    string? NoticeTitle,
    string? IssuerCode,
    IReadOnlyList<string> Recipients,
    IReadOnlyList<string> BasisIssuerCodes)
{
    public static RegionClues From(PlanDocument document) => new(
        document.Issuer,
        document.Title,
        document.NoticeTitle,
        document.DocNumberParts?.IssuerCode,
        [.. document.Recipients.Select(r => r.Name)],
        [.. document.Basis.Select(b => IssuerCodeOf(b.DocNumber)).OfType<string>()]);

    /// <summary>The issuer code of a document number as the parser writes it: 甘政发〔2020〕38号 → 甘政发.</summary>
    public static string? IssuerCodeOf(string? docNumber)
    {
        if (string.IsNullOrEmpty(docNumber)) return null;
        var end = docNumber.IndexOfAny(['〔', '[', '（', '(']);
        return end > 0 ? docNumber[..end] : null;
    }

    /// <summary>
    /// The level of the body that writes to these recipients: 各县（市、区）人民政府 → a city (or a province's 各市（州）),
    /// 各乡镇人民政府 / 各街道办事处 → a county; null when the recipients do not say.
    /// </summary>
    public RegionLevel? IssuerLevel
    {
        get
        {
            var all = string.Concat(Recipients);
            if (all.Contains("各乡") || all.Contains("各镇") || all.Contains("街道办")) return RegionLevel.County;
            if (all.Contains("各县") || all.Contains("各区") || all.Contains("各旗")) return RegionLevel.City;
            if (all.Contains("各市") || all.Contains("各自治州") || all.Contains("各州")) return RegionLevel.Province;
            return null;
        }
    }
}
