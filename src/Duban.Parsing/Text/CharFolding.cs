namespace Duban.Parsing.Text;

/// <summary>
/// Folds the character variants that plans mix freely (full-width and half-width punctuation, bracket styles,
/// dash styles, traditional characters in labels) onto one form, one character for one character, so that a folded
/// string has the same length as the original and every index stays valid in both.
/// </summary>
public static class CharFolding
{
    private static readonly char[] Table = BuildTable();

    public static char Fold(char c) => Table[c];

    public static string Fold(string s)
    {
        return string.Create(s.Length, s, static (span, src) =>
        {
            for (var i = 0; i < src.Length; i++) span[i] = Table[src[i]];
        });
    }

    private static char[] BuildTable()
    {
        var t = new char[char.MaxValue + 1];
        for (var i = 0; i < t.Length; i++) t[i] = (char)i;

        // Full-width ASCII block (！ to ～) onto ASCII, ideographic space onto space.
        for (var c = '\uFF01'; c <= '\uFF5E'; c++) t[c] = (char)(c - 0xFEE0);
        t['\u3000'] = ' ';
        t['\u00A0'] = ' ';

        // One bracket pair for document numbers: 〔〕 is the standard (GB/T 9704); [] 【】 ［］ 〖〗 are common slips.
        foreach (var c in "[【〖［") t[c] = '〔';
        foreach (var c in "]】〗］") t[c] = '〕';

        // Dashes and tildes used in ranges (4—5所, 2021-2023年).
        foreach (var c in "\u2010\u2011\u2012\u2013\u2014\u2015\u2212\uFF0D\uFE58\u2500") t[c] = '-';
        foreach (var c in "\u301C\uFF5E") t[c] = '~';
        t['\u2236'] = ':'; // RATIO, used in 4∶6
        t['\uFE55'] = ':';
        t['\uFF0E'] = '.';

        const string traditional = "責單牽頭時間協辦負進門務標縣區會議組長員領導際關實現續堅術業職學級號發計劃規範體處廳財資與為於開後從這個萬億達確總數項屆廣電視農鄉鎮園團廠產傳專訓練試點機構編製報紀錄書記權許設認證讓論調質購貧費補獎勵優齡環衛營稅區鄉黨國態質軍醫療養齊審層級歲週";
        const string simplified = "责单牵头时间协办负进门务标县区会议组长员领导际关实现续坚术业职学级号发计划规范体处厅财资与为于开后从这个万亿达确总数项届广电视农乡镇园团厂产传专训练试点机构编制报纪录书记权许设认证让论调质购贫费补奖励优龄环卫营税区乡党国态质军医疗养齐审层级岁周";
        for (var i = 0; i < traditional.Length; i++) t[traditional[i]] = simplified[i];
        return t;
    }
}
