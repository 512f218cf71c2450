namespace Duban.Parsing.Units;

/// <summary>
/// Maps each character to the form the unit rules match on: traditional characters to simplified ones and ASCII or
/// variant punctuation to the full-width forms. One character always maps to one character, so an index into the
/// folded text is an index into the text as written and spans stay exact.
/// </summary>
/// <remarks>
/// Only characters that occur in organisation names and in the words the rules look for are listed. Folding is used for
/// matching and alias lookup only; a character left out merely misses a match, it never changes what is shown.
/// </remarks>
internal static class ChineseFolding
{
    // Pairs of (variant, folded form).
    private const string Pairs =
        "(（)）,，;；:：\u3000 ﹑、､、︰：﹐，﹔；" +
        "縣县區区鎮镇鄉乡會会辦办廳厅門门員员聯联協协學学處处級级關关單单屬属職职業业黨党團团務务資资發发農农" +
        "衛卫財财貿贸築筑設设規规劃划計计術术與与開开廣广電电體体遊游館馆臺台書书報报銀银導导組组織织傳传統统" +
        "戰战編编機机構构興兴產产際际濟济環环態态監监質质檢检驗验險险護护醫医療疗藥药園园網网訊讯華华東东義义" +
        "貧贫婦妇殘残總总軍军實实場场稅税營营運运輸输車车鐵铁礦矿糧粮動动勞劳創创幹干節节標标準准專专項项類类" +
        "時时間间圖图紀纪執执審审領领廠厂兩两隊队國国對对個个來来為为無无問问題题還还進进長长見见親亲議议論论" +
        "證证識识讀读課课試试認认調调談谈請请變变邊边達达遠远選选適适錄录陳陈隨随雙双雲云頭头顧顾風风飛飞養养" +
        "點点齡龄從从優优儲储勵励參参雜杂寧宁歲岁涼凉慶庆陽阳蘭兰龍龙齊齐鳳凤隴陇漢汉陝陕遼辽蘇苏廈厦島岛灣湾" +
        "貴贵臨临濱滨滬沪晉晋黃黄內内豐丰寶宝鄭郑屆届號号壽寿鄧邓劉刘張张楊杨趙赵孫孙馬马錢钱韋韦潔洁淨净視视" +
        "聽听數数據据絡络稱称師师範范藝艺舊旧轉转讓让換换僑侨歸归戶户擇择補补貼贴獎奖懲惩測测繪绘氣气災灾緊紧" +
        "應应檔档們们覽览觀观銷销貨货價价儀仪維维約约線线紅红綠绿藍蓝紙纸續续績绩經经結结給给細细終终絕绝繼继" +
        "評评該该詢询詳详語语說说誤误誠诚誌志謀谋講讲豬猪費费賓宾賽赛贊赞購购載载輕轻輔辅輛辆遲迟遺遗郵邮釋释" +
        "針针鋼钢錯错鍵键閒闲閣阁陰阴陸陆隱隐雞鸡離离難难靈灵韓韩響响頁页頂顶順顺須须預预頻频額额願愿顯显飲饮" +
        "飯饭駐驻鬥斗魚鱼鳥鸟鹽盐麥麦齒齿後后於于並并歷历曆历隻只漁渔徵征鐘钟儉俭權权";

    // The folded form of every UTF-16 code unit, indexed by the code unit: a string, so it is immutable, and a table,
    // so folding costs one load per character.
    private static readonly string Table = BuildTable();

    public static char Fold(char c) => Table[c];

    public static string Fold(string text)
    {
        char[]? folded = null;
        for (var i = 0; i < text.Length; i++)
        {
            var f = Fold(text[i]);
            if (f == text[i]) continue;
            folded ??= text.ToCharArray();
            folded[i] = f;
        }
        return folded is null ? text : new string(folded);
    }

    /// <summary>A CJK ideograph (basic block, extension A or compatibility ideographs).</summary>
    public static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF' or >= '\u3400' and <= '\u4DBF' or >= '\uF900' and <= '\uFAFF';

    private static string BuildTable() => string.Create(char.MaxValue + 1, Pairs, static (table, pairs) =>
    {
        for (var c = 0; c < table.Length; c++) table[c] = (char)c;
        for (var i = 0; i + 1 < pairs.Length; i += 2) table[pairs[i]] = pairs[i + 1];
    });
}
