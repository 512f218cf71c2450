namespace Duban.Parsing.Text;

/// <summary>
/// Traditional characters that occur in plan documents (labels, organisation names, deadline and target wording) and
/// their simplified forms: one table for every stage that matches on text, so that 責任單位 and 责任单位 read alike.
/// One character maps to one character, so folded text keeps every index of the original.
/// </summary>
public static class TraditionalChinese
{
    // Pairs of (traditional, simplified).
    private const string Pairs =
        "縣县區区鎮镇鄉乡會会辦办廳厅門门員员聯联協协學学處处級级關关單单屬属職职業业黨党團团務务資资發发農农衛卫財财貿贸築筑設设規规劃划計计術术與与開开廣广電电體体遊游" +
        "館馆臺台書书報报銀银導导組组織织傳传統统戰战編编機机構构興兴產产際际濟济環环態态監监質质檢检驗验險险護护醫医療疗藥药園园網网訊讯華华東东義义貧贫婦妇殘残總总軍军" +
        "實实場场稅税營营運运輸输車车鐵铁礦矿糧粮動动勞劳創创幹干節节標标準准專专項项類类時时間间圖图紀纪執执審审領领廠厂兩两隊队國国對对個个來来為为無无問问題题還还進进" +
        "長长見见親亲議议論论證证識识讀读課课試试認认調调談谈請请變变邊边達达遠远選选適适錄录陳陈隨随雙双雲云頭头顧顾風风飛飞養养點点齡龄從从優优儲储勵励參参雜杂寧宁歲岁" +
        "涼凉慶庆陽阳蘭兰龍龙齊齐鳳凤隴陇漢汉陝陕遼辽蘇苏廈厦島岛灣湾貴贵臨临濱滨滬沪晉晋黃黄內内豐丰寶宝鄭郑屆届號号壽寿鄧邓劉刘張张楊杨趙赵孫孙馬马錢钱韋韦潔洁淨净視视" +
        "聽听數数據据絡络稱称師师範范藝艺舊旧轉转讓让換换僑侨歸归戶户擇择補补貼贴獎奖懲惩測测繪绘氣气災灾緊紧應应檔档們们覽览觀观銷销貨货價价儀仪維维約约線线紅红綠绿藍蓝" +
        "紙纸續续績绩經经結结給给細细終终絕绝繼继評评該该詢询詳详語语說说誤误誠诚誌志謀谋講讲豬猪費费賓宾賽赛贊赞購购載载輕轻輔辅輛辆遲迟遺遗郵邮釋释針针鋼钢錯错鍵键閒闲" +
        "閣阁陰阴陸陆隱隐雞鸡離离難难靈灵韓韩響响頁页頂顶順顺須须預预頻频額额願愿顯显飲饮飯饭駐驻鬥斗魚鱼鳥鸟鹽盐麥麦齒齿後后於于並并歷历曆历隻只漁渔徵征鐘钟儉俭權权責责" +
        "牽牵負负現现堅坚這这萬万億亿確确訓训練练製制記记許许層层週周當当" +
        "擴扩彙汇匯汇鄰邻獲获託托啟启啓启夥伙僅仅鏡镜賦赋盡尽儘尽積积極极強强彈弹備备兒儿壯壮筆笔眾众衆众廢废滿满盤盘衝冲觸触謂谓貫贯賴赖趨趋軟软輪轮連连過过遞递陣阵雖虽靜静頒颁頓顿飾饰驅驱鬆松麼么傷伤僱雇劑剂勢势吳吴嚴严圍围塊块墊垫壓压壞坏夠够奮奋寫写將将尋寻幣币帶带幫帮徑径復复徹彻憑凭懷怀擔担擁拥擬拟攜携斷断條条棄弃榮荣樞枢樣样橋桥歡欢殼壳決决沒没況况滯滞漲涨潛潜濕湿熱热爭争獨独獻献畫画異异礎础碼码禮礼種种穩稳競竞簽签納纳純纯綜综緣缘緩缓縮缩繫系係系罰罚聖圣聲声肅肃脫脱舉举蓋盖裝装複复覺觉訂订討讨診诊誘诱諮咨謝谢貝贝貢贡販贩貸贷賀贺賠赔贏赢趕赶跡迹蹟迹踐践軌轨轄辖違违遙遥遷迁採采鋪铺鍊炼鑑鉴鑒鉴閉闭閱阅闊阔階阶頗颇顏颜駕驾髮发魯鲁鮮鲜麗丽佈布衚胡擊击槍枪壩坝蘊蕴礙碍釐厘崗岗崑昆滙汇瀋沈廬庐灃沣";

    private static readonly Dictionary<char, char> Simplified = BuildMap();

    /// <summary>The simplified form of <paramref name="c"/>, or <paramref name="c"/> itself when the table has none.</summary>
    public static char ToSimplified(char c) => c >= '\u4e00' && Simplified.TryGetValue(c, out var s) ? s : c;

    /// <summary>Every (traditional, simplified) pair of the table.</summary>
    public static IEnumerable<(char Traditional, char Simplified)> All => Simplified.Select(p => (p.Key, p.Value));

    private static Dictionary<char, char> BuildMap()
    {
        var map = new Dictionary<char, char>(Pairs.Length / 2);
        for (var i = 0; i + 1 < Pairs.Length; i += 2) map[Pairs[i]] = Pairs[i + 1];
        return map;
    }
}
