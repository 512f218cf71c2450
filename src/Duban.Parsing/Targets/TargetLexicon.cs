using System.Collections.Frozen;
using Duban.Parsing.Model;

namespace Duban.Parsing.Targets;

/// <summary>
/// The words of plan prose that the target scanner reads around a figure. Kept in one place so that
/// docs/parsing-rules.md (Targets) can be checked against it.
/// </summary>
internal static class TargetLexicon
{
    /// <summary>Words before a figure that bound it (不低于50%). A word after the figure (以上, 左右) wins over these.</summary>
    public static readonly FrozenDictionary<string, Comparator> LeadingComparators = new Dictionary<string, Comparator>
    {
        ["不低于"] = Comparator.AtLeast,
        ["不少于"] = Comparator.AtLeast,
        ["不得少于"] = Comparator.AtLeast,
        ["不得低于"] = Comparator.AtLeast,
        ["不应少于"] = Comparator.AtLeast,
        ["不应低于"] = Comparator.AtLeast,
        ["不小于"] = Comparator.AtLeast,
        ["至少"] = Comparator.AtLeast,
        ["超过"] = Comparator.AtLeast,
        ["高于"] = Comparator.AtLeast,
        ["多于"] = Comparator.AtLeast,
        ["大于"] = Comparator.AtLeast,
        ["最低"] = Comparator.AtLeast,
        ["不高于"] = Comparator.AtMost,
        ["不超过"] = Comparator.AtMost,
        ["不得超过"] = Comparator.AtMost,
        ["不得高于"] = Comparator.AtMost,
        ["不多于"] = Comparator.AtMost,
        ["不大于"] = Comparator.AtMost,
        ["控制在"] = Comparator.AtMost,
        ["低于"] = Comparator.AtMost,
        ["少于"] = Comparator.AtMost,
        ["小于"] = Comparator.AtMost,
        ["最多"] = Comparator.AtMost,
        ["最高"] = Comparator.AtMost,
        ["大约"] = Comparator.Approximately,
        ["接近"] = Comparator.Approximately,
        ["将近"] = Comparator.Approximately,
        ["大体相当"] = Comparator.Approximately,
        ["大致相当"] = Comparator.Approximately,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly WordList LeadingComparatorWords = new(LeadingComparators.Keys);

    /// <summary>Words right after a figure and its unit: 50%以上, 6000人左右.</summary>
    public static readonly FrozenDictionary<string, Comparator> TrailingComparators = new Dictionary<string, Comparator>
    {
        ["以上"] = Comparator.AtLeast,
        ["及以上"] = Comparator.AtLeast,
        ["或以上"] = Comparator.AtLeast,
        ["以下"] = Comparator.AtMost,
        ["及以下"] = Comparator.AtMost,
        ["以内"] = Comparator.AtMost,
        ["之内"] = Comparator.AtMost,
        ["左右"] = Comparator.Approximately,
    }.ToFrozenDictionary(StringComparer.Ordinal);

    public static readonly WordList TrailingComparatorWords = new(TrailingComparators.Keys);

    /// <summary>
    /// Where a subject written before its figure ends: the verb or comparator that links them
    /// (毕业生就业率|达到95%, 实践课时|不低于总课时的50%). 分别 too: 经费|分别不少于500万元和300万元.
    /// </summary>
    public static readonly WordList SubjectEnds = new(LeadingComparators.Keys.Concat(
    [
        "达到", "基本达到", "力争达到", "争取达到", "均达到", "全部达到", "要达到", "达成",
        "保持在", "保持", "稳定在", "稳定于", "维持在", "控制到",
        "提高到", "提高至", "提升到", "提升至", "增加到", "增加至", "增长到", "增至", "扩大到", "扩大至",
        "降低到", "降低至", "降至", "减少到", "减少至", "调整到", "调整至", "调整为", "压缩到", "压缩至", "整合为", "整合到",
        "分别",
    ]));

    /// <summary>
    /// Links that end a subject only when they stand right before the figure (年培训量达6000人次, 就业率提高5个百分点):
    /// elsewhere they are parts of words (达标, 在校生, 职业技能提升行动).
    /// </summary>
    public static readonly WordList LinksRightBeforeFigure = new(
    [
        "达", "为", "在", "至", "到", "占", "是", "超", "约", "近", "提高", "提升", "增长", "增加", "降低", "下降", "减少", "扩大",
        "新增", "累计",
    ]);

    /// <summary>Adverbs left at the end of a subject once the link is cut off (教师比例均|不低于).</summary>
    public static readonly WordList TrailingAdverbs = new(
    [
        "均", "都", "基本", "要", "需", "应", "须", "必须", "力争", "确保", "争取", "逐步", "稳步", "进一步", "原则上",
        "不断", "每年", "全部", "总体", "整体", "按", "按照",
    ]);

    /// <summary>Words that open a clause without being part of what is measured.</summary>
    public static readonly WordList Fillers = new(
    [
        "力争", "确保", "争取", "努力", "计划", "预计", "原则上", "其中", "同时", "另外", "此外", "并且", "并", "以及", "和", "及",
        "与", "或", "逐步", "稳步", "进一步", "全面", "积极", "每年度", "每学年", "每年", "累计", "共计", "总计", "合计", "实现",
        "使得", "推动", "推进", "使", "切实", "严格", "认真", "全力", "大力", "着力", "加快", "探索", "落实", "执行", "要",
        "需", "须", "应", "可", "按规定", "按照规定", "依规", "依法", "按照", "根据",
        // The year a figure is for (全年培训学徒300人, 当年新增…): when, not what is counted.
        "全年", "当年", "本年", "今年", "年内",
    ]);

    /// <summary>Fillers that also open nouns (使用率, 落实率, 应届, 可持续): not stripped before these.</summary>
    private static readonly FrozenDictionary<string, string[]> FillersNotBefore = new Dictionary<string, string[]>
    {
        ["使"] = ["用", "命"],
        ["落实"] = ["率", "情况"],
        ["执行"] = ["率", "情况"],
        ["要"] = ["素", "求", "点"],
        ["需"] = ["求", "要"],
        ["应"] = ["用", "届", "急", "对"],
        ["可"] = ["能", "行", "持续", "视", "信", "靠", "控"],
    }.ToFrozenDictionary(StringComparer.Ordinal);

    /// <summary>The length of the filler at <paramref name="index"/>, or 0 (also when it opens a noun: 使用率).</summary>
    public static int FillerLengthAt(string s, int index, int end)
    {
        var length = Fillers.MatchAt(s, index, end);
        if (length == 0 || !FillersNotBefore.TryGetValue(s.Substring(index, length), out var followers)) return length;
        var rest = s.AsSpan(index + length);
        foreach (var follower in followers)
            if (rest.StartsWith(follower, StringComparison.Ordinal)) return 0;
        return length;
    }

    /// <summary>
    /// Verbs that open a clause whose figure comes after its object (每年培养|具有合格职业技能的学生800人以上). They are stripped
    /// only when no link (达到, 不低于…) follows, because then they may be part of the subject (培训经费不少于…).
    /// </summary>
    public static readonly WordList LeadingVerbs = new(
    [
        "建成", "建设", "建立", "建好", "办好", "打造", "培育", "培养", "培训", "新建", "扩建", "改建", "创建", "遴选", "认定",
        "扶持", "支持", "资助", "奖励", "安排", "开设", "开发", "招收", "招聘", "引进", "组建", "组织", "开展", "设立", "设置",
        "接纳", "接收", "提供", "投入", "提取", "评选", "立项", "推出", "形成", "完成", "举办", "选派", "认证", "评定",
        "重点建设", "重点打造", "重点支持", "重点培育", "新增",
    ]);

    /// <summary>Where an actor ends and what it commits to begins: 市财政|每年安排|职业教育专项经费.</summary>
    public static readonly WordList ActorSplitters = new(["每年", "每学年", "每年度", "安排", "投入", "提取", "拨付", "统筹", "设立"]);

    /// <summary>The first characters of words for one year (全年 当年 本年 今年 明年): what 年 after them means is when.</summary>
    public const string YearWordOpenings = "全当本今明";

    /// <summary>Per-year verbs inside a subject: 继续教育和职业技能培训|年培训5万人次. Not after a digit (2025年培训).</summary>
    public static readonly WordList YearVerbs = new(["年培训", "年培养", "年招生", "年接收", "年开展"]);

    /// <summary>Marks of a yearly figure. Those starting with 年 do not count after a digit (2025年培训).</summary>
    public static readonly WordList PerYearMarkers = new(
    [
        "每年", "每学年", "每年度", "年均", "年生均", "年人均", "年培训", "年培养", "年招生", "年接收", "年接待", "年开展",
    ]);

    /// <summary>X按Y的N%: the share is of Y.</summary>
    public static readonly WordList Prepositions = new(["按照", "按", "依照"]);

    /// <summary>Where the target applies. Longest first so that 每个县（市） beats 每个县.</summary>
    public static readonly WordList Scopes = new(
    [
        "全市", "全县", "全区", "全省", "全州", "全盟", "全旗",
        "每个县（市、区）", "每个县(市、区)", "每个县（市）", "每个县(市)", "每个县（区）", "每个县(区)", "每个县市区", "每个县", "每县",
        "各县（市、区）", "各县(市、区)", "各县（区）", "各县(区)", "各县（市）", "各县(市)", "各县市区", "各县区", "各区县", "各县",
    ]);

    /// <summary>What may join figures that share one subject: 分别不少于500万元|和|300万元.</summary>
    public static readonly WordList Connectors = new(["和", "及", "以及", "与", "或", "、", "并", "分别"]);

    /// <summary>Openings of the text after a figure that are not a noun it counts (10—20%|用于农村职业教育).</summary>
    public static readonly WordList NotNounOpenings = new(
    [
        "用于", "用", "提取", "接纳", "接收", "比例", "作为", "参加", "参与", "为", "是", "和", "及", "与", "或", "等", "其中", "之间",
        "以", "内", "后", "前", "时", "由", "到", "至", "并", "左右", "上下", "年", "月", "日", "的",
    ]);

    /// <summary>Verbs that end a counted noun: 1000名以上教师|参加培训.</summary>
    public static readonly WordList NounEnds = new(["参加", "参与", "进行", "接受", "赴", "用于", "纳入"]);

    /// <summary>Words before a year: 到2025年, 截至2023年.</summary>
    public static readonly WordList YearPrefixes = new(["到", "至", "截至", "截止到", "截止", "在", "于", "从", "力争到", "争取到"]);

    /// <summary>Words after a year: 2018年年底, 2022年前.</summary>
    public static readonly WordList YearSuffixes = new(
    [
        "年底前", "年末前", "年底", "年末", "年初", "年中", "年内", "底前", "底", "末", "初", "前", "以前", "之前", "内", "时", "起", "度",
        "上半年", "下半年", "秋季学期开学前", "春季学期开学前", "秋季学期", "春季学期", "开学前",
    ]);

    /// <summary>The comparator named by a word of one of the lists above.</summary>
    public static Comparator? ComparatorOf(FrozenDictionary<string, Comparator> words, string s, WordMatch match) =>
        match.Found && words.TryGetValue(s.Substring(match.Index, match.Length), out var comparator) ? comparator : null;
}
