using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>What a labelled field of a task holds.</summary>
internal enum FieldKind
{
    /// <summary>牵头单位: the units accountable when named apart from the others.</summary>
    Lead,
    /// <summary>责任单位 / 负责单位 / 责任部门: accountable, unless a 牵头单位 is named too.</summary>
    Responsible,
    /// <summary>配合单位 / 协办单位 / 参与单位.</summary>
    Cooperating,
    /// <summary>完成时限 / 时间进度 / 完成时间.</summary>
    Deadline,
    /// <summary>责任领导 / 牵头市领导 / 责任人 / 联系人: a person, never a unit; read only so that it ends the field before it.</summary>
    Person,
}

/// <summary>A label such as 责任单位： found in folded text: [Start, ValueStart) is the label and its colon.</summary>
internal readonly record struct FieldLabel(FieldKind Kind, int Start, int ValueStart);

/// <summary>Finds field labels (责任单位：, 配合单位:, 完成时限：, and their traditional-character forms once folded).</summary>
internal static class FieldLabels
{
    // Declared before Words, which spreads it (static fields initialise in order).
    private static readonly (string Word, FieldKind Kind)[] ShortRoleLabels =
    [
        ("牵头", FieldKind.Lead), ("主办", FieldKind.Lead), ("配合", FieldKind.Cooperating), ("协办", FieldKind.Cooperating),
        ("参与", FieldKind.Cooperating), ("协助", FieldKind.Cooperating),
    ];

    // Longest first where one word is the tail of another (完成时限 before 时限).
    private static readonly (string Word, FieldKind Kind)[] Words =
    [
        // 牵头责任单位 / 协同责任单位 (主要责任单位 / 其他责任单位) split 责任单位 into lead and cooperating.
        ("牵头责任单位", FieldKind.Lead), ("牵头责任部门", FieldKind.Lead), ("主要责任单位", FieldKind.Lead), ("主责任单位", FieldKind.Lead),
        ("协同责任单位", FieldKind.Cooperating), ("配合责任单位", FieldKind.Cooperating), ("其他责任单位", FieldKind.Cooperating),
        ("协办责任单位", FieldKind.Cooperating), ("参与责任单位", FieldKind.Cooperating),
        // A qualifier before a label is part of it (协同配合单位：), else it would be left as a unit of the field before.
        ("协同配合单位", FieldKind.Cooperating), ("协同配合部门", FieldKind.Cooperating), ("协助配合单位", FieldKind.Cooperating),
        ("主要牵头单位", FieldKind.Lead), ("主要牵头部门", FieldKind.Lead),
        ("具体责任单位", FieldKind.Responsible), ("具体落实单位", FieldKind.Responsible),
        ("牵头单位", FieldKind.Lead), ("牵头部门", FieldKind.Lead), ("主责单位", FieldKind.Lead), ("主责部门", FieldKind.Lead),
        // 主办 / 协办 as 督办 and 建议提案 办理 documents pair them; 处室 / 科室 where a bureau divides work among its offices.
        ("主办单位", FieldKind.Lead), ("主办部门", FieldKind.Lead), ("牵头处室", FieldKind.Lead), ("牵头科室", FieldKind.Lead),
        // 股室: the offices of a county bureau (职成股, 计财股), as 处室 / 科室 are a province's and a city's.
        ("牵头股室", FieldKind.Lead), ("责任股室", FieldKind.Responsible), ("配合股室", FieldKind.Cooperating),
        ("责任处室", FieldKind.Responsible), ("责任科室", FieldKind.Responsible),
        ("协办部门", FieldKind.Cooperating), ("参与部门", FieldKind.Cooperating), ("协同部门", FieldKind.Cooperating),
        ("协助部门", FieldKind.Cooperating), ("配合处室", FieldKind.Cooperating), ("配合科室", FieldKind.Cooperating),
        ("责任单位", FieldKind.Responsible), ("责任部门", FieldKind.Responsible), ("负责单位", FieldKind.Responsible),
        ("负责部门", FieldKind.Responsible), ("责任主体", FieldKind.Responsible), ("承办单位", FieldKind.Responsible),
        ("落实单位", FieldKind.Responsible), ("实施单位", FieldKind.Responsible),
        ("配合单位", FieldKind.Cooperating), ("配合部门", FieldKind.Cooperating), ("协办单位", FieldKind.Cooperating),
        ("参与单位", FieldKind.Cooperating), ("协同单位", FieldKind.Cooperating), ("协助单位", FieldKind.Cooperating),
        // 协作单位 (牵头责任单位 / 主要协作单位 in a 政府工作报告 分解) and 会办单位 (主办 / 会办 in 督办 documents).
        ("主要协作单位", FieldKind.Cooperating), ("主要协作部门", FieldKind.Cooperating),
        ("协作单位", FieldKind.Cooperating), ("协作部门", FieldKind.Cooperating),
        ("会办单位", FieldKind.Cooperating), ("会办部门", FieldKind.Cooperating),
        ("完成时限", FieldKind.Deadline), ("完成时间", FieldKind.Deadline), ("完成期限", FieldKind.Deadline),
        ("完成节点", FieldKind.Deadline), ("计划节点", FieldKind.Deadline), ("办结时限", FieldKind.Deadline),
        ("办结时间", FieldKind.Deadline),
        ("时间节点", FieldKind.Deadline), ("时限要求", FieldKind.Deadline), ("时间进度", FieldKind.Deadline),
        ("进度安排", FieldKind.Deadline), ("时间要求", FieldKind.Deadline), ("时间安排", FieldKind.Deadline),
        ("时限", FieldKind.Deadline),
        ("时间", FieldKind.Deadline),
        // People named beside the units (a 分工 document names the leader who answers for a task): 责任领导：王某.
        .. PersonLabels().Select(w => (w, FieldKind.Person)),
        // The role alone as a label, （牵头：区人社局；配合：区财政局、各街镇）: after every longer word opening alike, and
        // only where a field can begin (由区教育局牵头：… is a sentence).
        .. ShortRoleLabels,
    ];


    /// <summary>
    /// Labels of the person fields: 责任领导, 牵头市领导, 分管县领导, 联系领导…, 责任人, 联系人, 负责人. Longest first, as
    /// every other label (牵头市领导 before 牵头, which is no label).
    /// </summary>
    private static IEnumerable<string> PersonLabels()
    {
        string[] roles = ["牵头", "责任", "分管", "联系", "包抓", "包保", "挂钩", "协调", "督导", "主要"];
        string[] levels = ["省级", "市级", "县级", "区级", "省", "市", "县", "区", ""];
        foreach (var level in levels)
            foreach (var role in roles)
                yield return role + level + "领导";
        foreach (var word in (string[])["具体责任人", "责任人", "联系人", "负责人"]) yield return word;
    }

    // A label that is the tail of everyday words (比赛时间：, 报名时间：, 活动时间安排：) counts only where a field can begin.
    // So does a person label (明确安全责任人：校长…).
    private static readonly HashSet<string> StandaloneOnly = ["时间", "时间安排", .. PersonLabels(), .. ShortRoleLabels.Select(w => w.Word)];

    // MatchAt runs at every character that can begin a label (时, 实, 主, 进… are common), so it tries only the words
    // beginning with that character: Buckets[k] holds, in the order of Words, those beginning with BucketKeys[k].
    private static readonly string BucketKeys = string.Concat(Words.Select(w => w.Word[0]).Distinct());

    private static readonly (string Word, FieldKind Kind, bool StandaloneOnly)[][] Buckets =
        BucketKeys.Select(key => Words.Where(w => w.Word[0] == key).Select(w => (w.Word, w.Kind, StandaloneOnly.Contains(w.Word))).ToArray())
            .ToArray();

    private static (string Word, FieldKind Kind, bool StandaloneOnly)[] WordsAt(ReadOnlySpan<char> folded, int i)
    {
        var bucket = i < folded.Length ? BucketKeys.IndexOf(folded[i]) : -1;
        return bucket < 0 ? [] : Buckets[bucket];
    }

    // A CharSet, not SearchValues: the search runs over every paragraph and cell (CharSet says why).
    private static readonly CharSet FirstCharacters = new(Words.Select(w => w.Word[0]).Append('〔'));

    /// <summary>Every label in <paramref name="folded"/>, in order.</summary>
    public static IReadOnlyList<FieldLabel> FindAll(ReadOnlySpan<char> folded)
    {
        // Most paragraphs and lines hold no label: the list is made only when one is found.
        List<FieldLabel>? found = null;
        for (var i = 0; i < folded.Length; i++)
        {
            // Called on every paragraph: jump to the next character a label can start with.
            var next = FirstCharacters.IndexOfAny(folded[i..]);
            if (next < 0) break;
            i += next;
            var label = MatchAt(folded, i);
            if (label is null) continue;
            (found ??= []).Add(label.Value);
            i = label.Value.ValueStart - 1;
        }
        return found is null ? [] : found;
    }

    /// <summary>Whether a label of <paramref name="folded"/> begins before <paramref name="at"/> and has its colon after
    /// it (<see cref="FindAll"/>'s labels, without making their list: asked at every line break).</summary>
    public static bool Spans(ReadOnlySpan<char> folded, int at)
    {
        for (var i = 0; i < folded.Length; i++)
        {
            var next = FirstCharacters.IndexOfAny(folded[i..]);
            if (next < 0) break;
            i += next;
            var label = MatchAt(folded, i);
            if (label is null) continue;
            if (label.Value.Start < at && label.Value.ValueStart > at) return true;
            i = label.Value.ValueStart - 1;
        }
        return false;
    }

    /// <summary>The label at the very start of <paramref name="folded"/> (after spaces and an opening bracket), if any.</summary>
    public static FieldLabel? AtStart(ReadOnlySpan<char> folded)
    {
        var i = 0;
        while (i < folded.Length && folded[i] is ' ' or '(') i++;
        return i < folded.Length ? MatchAt(folded, i) : null;
    }

    private static FieldLabel? MatchAt(ReadOnlySpan<char> folded, int i)
    {
        if (folded[i] == '〔') return MatchBracketed(folded, i);
        foreach (var (word, kind, standaloneOnly) in WordsAt(folded, i))
        {
            if (!folded[i..].StartsWith(word, StringComparison.Ordinal)) continue;
            if (standaloneOnly && !StartsField(folded, i)) continue;
            var j = SkipQualifier(folded, i + word.Length);
            while (j < folded.Length && folded[j] == ' ') j++;
            if (j < folded.Length && folded[j] == ':') return new FieldLabel(kind, i, j + 1);
        }
        return null;
    }

    /// <summary>
    /// A label may name what it holds in brackets before its colon: 牵头单位（部门）：, 责任单位（科室）：, 配合单位(部门):.
    /// Skips such a bracket of at most six characters (no colon inside); returns <paramref name="at"/> when there is none.
    /// </summary>
    private static int SkipQualifier(ReadOnlySpan<char> folded, int at)
    {
        if (at >= folded.Length || folded[at] != '(') return at;
        var close = folded[at..].IndexOf(')');
        if (close < 2 || close > 7 || folded.Slice(at, close).IndexOfAny(':', '(') > 0) return at;
        return at + close + 1;
    }

    /// <summary>
    /// A label in square brackets with no colon: 【牵头单位】市教育局【配合单位】市人社局【完成时限】每年 (【】 and [] fold
    /// to 〔〕). The label runs from the bracket to its closing bracket; the value follows.
    /// </summary>
    private static FieldLabel? MatchBracketed(ReadOnlySpan<char> folded, int open)
    {
        var i = open + 1;
        while (i < folded.Length && folded[i] == ' ') i++;
        foreach (var (word, kind, _) in WordsAt(folded, i))
        {
            // 县教育和体育局〔牵头〕 marks the unit before it: the role alone is a label only with its colon.
            if (!folded[i..].StartsWith(word, StringComparison.Ordinal) || IsShortRole(word)) continue;
            var j = i + word.Length;
            while (j < folded.Length && folded[j] == ' ') j++;
            if (j < folded.Length && folded[j] == '〕') return new FieldLabel(kind, open, j + 1);
        }
        return null;
    }

    private static bool IsShortRole(string word)
    {
        foreach (var (role, _) in ShortRoleLabels)
            if (role == word)
                return true;
        return false;
    }

    /// <summary>At the start of the text, after a bracket, or after a separator between fields (；，。 or a space).</summary>
    private static bool StartsField(ReadOnlySpan<char> folded, int i)
    {
        var k = i - 1;
        while (k >= 0 && folded[k] == ' ') k--;
        return k < 0 || k < i - 1 || folded[k] is '(' or '[' or '【' or '〔' or ';' or '；' or ',' or '，' or '。';
    }
}
