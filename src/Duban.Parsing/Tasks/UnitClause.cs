using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Units named without labels at the end of a task: (市教育局牵头，市财政局、市人社局配合), (市教育局负责),
/// or a closing sentence 由市教育局负责 / 由市教育局牵头，市财政局配合.
/// </summary>
internal static class UnitClause
{
    private static readonly string[] CooperateWords = ["配合", "参与", "协助", "协同", "协办"];

    /// <summary>The task text without the clause, and the fields the clause names (none when there is no clause).</summary>
    public static (MappedText Remainder, List<TaskField> Fields) Read(MappedText text)
    {
        var folded = CharFolding.Fold(text.Value);
        var end = folded.Length;
        while (end > 0 && folded[end - 1] is '。' or ' ' or ';') end--;

        if (end > 0 && folded[end - 1] == ')')
        {
            var open = MatchingOpen(folded, end - 1);
            if (open >= 0)
            {
                var fields = Parse(text.Slice(open + 1, end - open - 2));
                if (fields.Count > 0) return (text.Slice(0, open).Trim(), fields);
            }
        }

        // 由…负责 in the last sentence.
        var lastStop = folded.LastIndexOf('。', Math.Max(0, end - 1));
        var from = lastStop < 0 ? 0 : lastStop + 1;
        var you = folded.IndexOf('由', from);
        if (you >= 0 && you < end)
        {
            var clause = text.Slice(you + 1, end - you - 1);
            var fields = Parse(clause);
            if (fields.Count > 0) return (text.Slice(0, you).Trim(), fields);
        }
        return (text, []);
    }

    /// <summary>Reads "X牵头，Y配合", "X牵头", "X负责", "X牵头负责"; nothing when the units part does not look like units.</summary>
    private static List<TaskField> Parse(MappedText clause)
    {
        var folded = CharFolding.Fold(clause.Value);
        var fields = new List<TaskField>();
        var lead = folded.IndexOf("牵头", StringComparison.Ordinal);
        if (lead > 0)
        {
            var leadText = InlineFieldReader.TrimValue(clause.Slice(0, lead));
            if (!LooksLikeUnits(leadText.Value)) return [];
            fields.Add(new TaskField(FieldKind.Lead, leadText));
            var rest = lead + 2;
            if (rest + 2 <= folded.Length && folded.AsSpan(rest).StartsWith("负责")) rest += 2;
            var tail = folded[rest..].TrimEnd();
            foreach (var word in CooperateWords)
            {
                if (!tail.EndsWith(word, StringComparison.Ordinal)) continue;
                var coop = InlineFieldReader.TrimValue(clause.Slice(rest, tail.Length - word.Length));
                if (LooksLikeUnits(coop.Value)) fields.Add(new TaskField(FieldKind.Cooperating, coop));
                break;
            }
            return fields;
        }
        var trimmed = folded.TrimEnd();
        if (trimmed.EndsWith("负责", StringComparison.Ordinal))
        {
            var units = InlineFieldReader.TrimValue(clause.Slice(0, trimmed.Length - 2));
            if (LooksLikeUnits(units.Value)) fields.Add(new TaskField(FieldKind.Responsible, units));
        }
        return fields;
    }

    /// <summary>A list of organisations ends with an organisation word and is short; a sentence is not.</summary>
    private static bool LooksLikeUnits(string s)
    {
        s = s.Trim().TrimEnd('等');
        if (s.Length is < 2 or > 120 || s.Contains('。')) return false;
        var last = s[^1];
        return last is '局' or '委' or '办' or '府' or '院' or '校' or '部' or '会' or '室' or '心' or '位' or '门' or '厅'
            or '队' or '所' or '站' or '处' or '司' or '团' or '联' or '协' or '区' or '县' or '市' or '行' or '社';
    }

    private static int MatchingOpen(string folded, int close)
    {
        var depth = 0;
        for (var j = close; j >= 0; j--)
        {
            if (folded[j] == ')') depth++;
            else if (folded[j] == '(' && --depth == 0) return j;
        }
        return -1;
    }
}
