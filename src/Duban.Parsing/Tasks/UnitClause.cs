using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Units named without labels at the end of a task: (市教育局牵头，市财政局、市人社局配合), (市教育局负责),
/// or a closing sentence 由市教育局负责 / 由市教育局牵头，市财政局配合.
/// </summary>
internal static class UnitClause
{
    /// <summary>The task text without the clause, and the fields the clause names (none when there is no clause).</summary>
    public static (MappedText Remainder, List<TaskField> Fields) Read(MappedText text)
    {
        using var scratch = new CharFolding.Scratch(text.Span);
        var folded = scratch.Span;
        var end = folded.Length;
        while (end > 0 && folded[end - 1] is '。' or ' ' or ';') end--;

        if (end > 0 && folded[end - 1] is ')' or '〕')
        {
            var open = MatchingOpen(folded, end - 1, folded[end - 1] == ')' ? '(' : '〔');
            if (open >= 0)
            {
                var inside = text.Slice(open + 1, end - open - 2);
                var fields = Parse(inside);
                if (fields.Count == 0) fields = BareList(inside);
                if (fields.Count > 0) return WithEarlierClauses(text, folded, open, fields);
            }
        }

        // 由…负责 in the last sentence.
        var lastStop = folded[..Math.Min(folded.Length, Math.Max(0, end - 1) + 1)].LastIndexOf('。');
        var from = lastStop < 0 ? 0 : lastStop + 1;
        var you = folded[from..].IndexOf('由');
        if (you >= 0) you += from;
        if (you >= 0 && you < end)
        {
            var clause = text.Slice(you + 1, end - you - 1);
            var fields = Parse(clause);
            if (fields.Count > 0) return (text.Slice(0, you).Trim(), fields);
        }
        return SentenceClauses(text, folded);
    }

    /// <summary>
    /// Units named as the subject of a sentence of the task, the sentence going on after them: "由市政务服务中心牵头，
    /// 市级各有关部门配合，推动高频事项全程网办。" or "市委网信办、市公安局按职责分工负责，2025年9月底前完成…". A run of
    /// segments (cut at ，；) in the task's last sentence that opens it, follows a ；or opens with 由, and reads as a clause
    /// of roles is taken, the longest such run; the rest of the sentence stays the task's text. Every unit of it must be a whole
    /// organisation name, the first one naming its place or being a collective (市…, 县…, 各…), so that "学校牵头，企业参与，…"
    /// stays text.
    /// Elsewhere — after a comma without 由, or in an earlier sentence than the last — a run of roles is the task's only
    /// where it closes its sentence or only a deadline follows it ("…，县教育局、县人社局负责，2025年底前完成。加强…"): the
    /// sentence is then the task's fields written out, while a run that a measure follows ("市大数据局牵头，市级有关部门
    /// 参加，每季度召开…") is the subject of that measure. Last, a sentence opening with "X会同Y" and going on with its
    /// verb (市教育局会同市财政局制定…) names X leading and Y cooperating, the sentence kept whole.
    /// </summary>
    private static (MappedText Remainder, List<TaskField> Fields) SentenceClauses(MappedText text, ReadOnlySpan<char> folded)
    {
        // The last sentence: where a task's units stand when they are not in a bracket (a unit in the middle of the text
        // is more often the subject of a measure: 县教育局牵头，…等部门参加，定期举行联席会议).
        var end = folded.Length;
        while (end > 0 && folded[end - 1] is '。' or ' ') end--;
        var sentence = folded[..end].LastIndexOf('。') + 1;
        if (ClauseIn(text, folded, sentence, end, isLast: true) is { } last) return last;
        // Earlier sentences, from the last one back.
        for (var stop = sentence - 1; stop > 0;)
        {
            var from = folded[..stop].LastIndexOf('。') + 1;
            // A clause ends with a role word: a sentence without one is passed over without trying every start in it
            // (long prose paragraphs made that quadratic; docs/benchmarks.md, ninth pass).
            if (HasRoleWord(folded[from..stop]) && ClauseIn(text, folded, from, stop, isLast: false) is { } found) return found;
            stop = from - 1;
        }
        return ConsultedPartners(text, folded);
    }

    /// <summary>The clause of roles in the sentence [sentence, end) (its 。 at <paramref name="end"/>, if any), as <see cref="SentenceClauses"/> takes it.</summary>
    private static (MappedText Remainder, List<TaskField> Fields)? ClauseIn(MappedText text, ReadOnlySpan<char> folded, int sentence, int end, bool isLast)
    {
        var segmentStart = sentence;
        for (var j = sentence; j <= end; j++)
        {
            if (j < end && folded[j] is not ('，' or ',' or ';' or '；')) continue;
            var start = SkipSpaces(folded, segmentStart, j);
            var opensClause = segmentStart == sentence || folded[segmentStart - 1] is ';' or '；' || (start < j && folded[start] == '由');
            segmentStart = j + 1;
            if (start >= j) continue;
            // Opening the last sentence the clause may go on into the measure; anywhere else it must close its sentence.
            var closing = !(isLast && opensClause);
            var (clauseEnd, roles) = LongestClause(text, folded, start, end, closing);
            if (roles is null || closing && !ShortNames(roles)) continue;
            if (clauseEnd >= end)
            {
                // The clause closes the sentence: it goes with its 。 when it is the whole sentence, with the comma before it otherwise.
                var cutFrom = start > sentence && folded[start - 1] is '，' or ',' or ';' or '；' ? start - 1 : start;
                var cutTo = start == sentence && end < folded.Length && folded[end] == '。' ? end + 1 : end;
                return (MappedText.Concat([text.Slice(0, cutFrom), text.Slice(cutTo)]).Trim(), roles);
            }
            return (MappedText.Concat([text.Slice(0, start), text.Slice(clauseEnd + 1)]).Trim(), roles);
        }
        return null;
    }

    /// <summary>
    /// Every unit of a clause read away from a sentence's opening is a name, not a clause that happens to start with 各:
    /// it ends like an organisation (局, 委, 学校 …), or is a collective of at most eight characters (各乡镇, 各有关单位), so
    /// that "各职业学校要制定具体方案并认真组织实施" stays text.
    /// </summary>
    private static bool ShortNames(List<TaskField> roles)
    {
        foreach (var field in roles)
            foreach (var raw in Units.ChineseFolding.Fold(field.Value.Value).Split('、', '，', ','))
            {
                var piece = raw.Trim();
                if (piece.EndsWith('等')) piece = piece[..^1];
                if (piece.Length > 20) return false;
                if (Units.UnitShape.EndingLength(piece) == 0 && !(Units.UnitShape.StartsCollective(piece) && piece.Length <= 8)) return false;
            }
        return true;
    }

    // Words a sentence goes on with after its subject "X会同Y" (制定, 研究, 建立 …): where the partners' names end. None
    // may begin the rest of a name after a shorter whole one (县委|组织部, 县人民政府|办公室): hence 组织实施, not 组织.
    private static readonly string[] PartnerVerbs =
    [
        "制定", "制订", "研究", "出台", "建立", "健全", "完善", "开展", "推进", "推动", "组织实施", "组织开展", "印发", "落实", "实施", "编制",
        "建设", "负责", "共同", "联合", "统筹", "指导", "督促", "起草", "修订", "整合", "设立", "成立", "启动", "发布", "培育",
        "探索", "引导", "支持", "规范", "加快", "加强", "提高", "提升", "强化", "深化", "优化", "实行", "举办", "遴选", "认定",
        "开发", "搭建", "做好", "抓好", "评估", "审核", "核定", "明确", "确定", "牵头", "对", "按", "依", "根据", "结合",
        "围绕", "针对", "每年", "定期", "于", "在", "将", "，", ",",
    ];

    /// <summary>
    /// "市教育局会同市财政局制定…": a sentence of the task opening with a unit, 会同 and the units it works with, then
    /// the sentence's verb. The unit before 会同 leads, those after it cooperate; the text stays whole (the names are
    /// the sentence's subject). Each name must be whole and the first name its place or be a collective.
    /// </summary>
    private static (MappedText Remainder, List<TaskField> Fields) ConsultedPartners(MappedText text, ReadOnlySpan<char> folded)
    {
        var fields = new List<TaskField>();
        for (var sentence = 0; sentence < folded.Length;)
        {
            var stop = folded[sentence..].IndexOfAny('。', ';', '；');
            stop = stop < 0 ? folded.Length : sentence + stop;
            var start = SkipSpaces(folded, sentence, stop);
            var with = folded[start..stop].IndexOf("会同", StringComparison.Ordinal);
            if (with > 0 && with <= 30)
            {
                with += start;
                var lead = text.Slice(start, with - start);
                var partnersEnd = PartnersEnd(folded, with + 2, stop);
                if (partnersEnd > 0 && AllNamed([new TaskField(FieldKind.Lead, lead)]))
                {
                    // Read from prose: they stand for a task only where the item is one on other grounds (TaskField.FromProse).
                    fields.Add(new TaskField(FieldKind.Lead, lead) { FromProse = true });
                    fields.Add(new TaskField(FieldKind.Cooperating, WithoutEtc(text.Slice(with + 2, partnersEnd - with - 2))) { FromProse = true });
                }
            }
            sentence = stop + 1;
        }
        return (text, fields);
    }

    /// <summary>Where the units after 会同 end: the first place where every name before is whole and a verb follows; -1 when none.</summary>
    private static int PartnersEnd(ReadOnlySpan<char> folded, int from, int stop)
    {
        for (var k = from + 2; k < stop && k - from <= 60; k++)
        {
            var rest = folded[k..stop];
            var verb = false;
            foreach (var word in PartnerVerbs)
                if (rest.StartsWith(word, StringComparison.Ordinal)) { verb = true; break; }
            if (!verb) continue;
            var names = folded[from..k].ToString();
            if (names.EndsWith("等部门", StringComparison.Ordinal) || names.EndsWith("等单位", StringComparison.Ordinal)) names = names[..^3];
            var whole = true;
            foreach (var raw in Units.ChineseFolding.Fold(names).Split('、'))
            {
                var piece = raw.Trim().TrimEnd('等');
                if (piece.Length == 0 || !Units.UnitShape.IsComplete(piece)) { whole = false; break; }
            }
            if (whole) return k;
        }
        return -1;
    }

    private static MappedText WithoutEtc(MappedText partners)
    {
        var v = partners.Value;
        if (v.EndsWith("等部门", StringComparison.Ordinal) || v.EndsWith("等单位", StringComparison.Ordinal)) return partners.Slice(0, partners.Length - 3);
        return v.EndsWith('等') ? partners.Slice(0, partners.Length - 1) : partners;
    }

    private static int SkipSpaces(ReadOnlySpan<char> folded, int at, int end)
    {
        while (at < end && folded[at] == ' ') at++;
        return at;
    }

    /// <summary>The longest run of segments from <paramref name="start"/> to a ，；or the sentence's end <paramref name="stop"/> that reads as roles.</summary>
    /// <param name="closing">Only a run that closes the sentence, or that only a deadline segment follows, counts.</param>
    private static (int End, List<TaskField>? Fields) LongestClause(MappedText text, ReadOnlySpan<char> folded, int start, int stop, bool closing = false)
    {
        (int, List<TaskField>?) best = (0, null);
        // A clause names a role: no run ending before the first role word can be one, and Parse (which allocates) is
        // not tried on it. Every sentence of every numbered paragraph comes here (docs/benchmarks.md, ninth pass).
        var firstRoleEnd = FirstRoleWordEnd(folded[start..Math.Min(stop, folded.Length)]);
        if (firstRoleEnd < 0) return best;
        var segments = 0;
        for (var j = start; j <= stop && segments < 8; j++)
        {
            if (j < stop && folded[j] is not ('，' or ',' or ';' or '；')) continue;
            segments++;
            if (j < start + firstRoleEnd) continue;
            if (closing && !OnlyDeadlineAfter(text, folded, j, stop)) continue;
            var roles = Parse(text.Slice(start, j - start));
            if (roles.Count > 0 && roles.All(f => f.Kind != FieldKind.Deadline) && AllNamed(roles)) best = (j, roles);
        }
        return best;
    }

    /// <summary>Nothing follows position <paramref name="j"/> in its sentence but one segment that is a deadline (2025年底前完成).</summary>
    private static bool OnlyDeadlineAfter(MappedText text, ReadOnlySpan<char> folded, int j, int stop)
    {
        if (j >= stop) return true;
        if (folded[(j + 1)..stop].IndexOfAny("，,;；") >= 0) return false;
        return IsDeadline(text.Slice(j + 1, stop - j - 1).Value);
    }

    /// <summary>Every unit a whole organisation name, the first naming its place or a collective.</summary>
    private static bool AllNamed(List<TaskField> roles)
    {
        var first = true;
        foreach (var field in roles)
        {
            foreach (var raw in Units.ChineseFolding.Fold(field.Value.Value).Split('、', '，', ','))
            {
                var piece = raw.Trim();
                if (piece.EndsWith('等')) piece = piece[..^1];
                if (piece.StartsWith('由')) piece = piece[1..];
                if (!Units.UnitShape.IsComplete(piece)) return false;
                if (first && Units.AdministrativePrefix.Length(piece) == 0 && !Units.UnitShape.StartsCollective(piece)) return false;
                first = false;
            }
        }
        return !first;
    }

    /// <summary>
    /// A task whose measures each close with their own units — （三）…。一是…（市发展改革委牵头，市教育局配合）；二是…
    /// （市教育局牵头）；三是…（市人社局负责）。, or 完善…制度（市教育局负责）。建设…基地（市人社局负责）。 — names all of
    /// them, as its labelled form （牵头单位：…）；…（牵头单位：…） does; the closing clause alone would lose the others. An
    /// earlier bracket counts only when it closes a clause (；。， after it) and reads as roles (X牵头 / Y配合 / Z负责),
    /// never as a bare list, so that （含技工学校） or （市委教育工委） in a sentence stay text.
    /// </summary>
    private static (MappedText Remainder, List<TaskField> Fields) WithEarlierClauses(
        MappedText text, ReadOnlySpan<char> folded, int closingOpen, List<TaskField> closing)
    {
        List<(int Open, int Close, List<TaskField> Fields)>? earlier = null;
        for (var close = 0; close < closingOpen; close++)
        {
            if (folded[close] is not (')' or '〕')) continue;
            var next = close + 1;
            while (next < closingOpen && folded[next] == ' ') next++;
            if (next >= closingOpen || folded[next] is not ('；' or ';' or '。' or '，' or ',')) continue;
            var open = MatchingOpen(folded, close, folded[close] == ')' ? '(' : '〔');
            if (open < 0 || earlier is { Count: > 0 } && open <= earlier[^1].Close) continue;
            var roles = Parse(text.Slice(open + 1, close - open - 1));
            if (!roles.Any(f => f.Kind is FieldKind.Lead or FieldKind.Responsible or FieldKind.Cooperating)) continue;
            (earlier ??= []).Add((open, close, roles));
        }
        if (earlier is null) return (text.Slice(0, closingOpen).Trim(), closing);

        var kept = new List<MappedText>();
        var fields = new List<TaskField>();
        var from = 0;
        foreach (var (open, close, roles) in earlier)
        {
            kept.Add(text.Slice(from, open - from));
            fields.AddRange(OwnRoles(roles));
            from = close + 1;
        }
        kept.Add(text.Slice(from, closingOpen - from));
        fields.AddRange(OwnRoles(closing));
        return (MappedText.Concat(kept).Trim(), fields);
    }

    /// <summary>
    /// 负责 within one measure's clause: it leads that measure when the clause names no 牵头 (（市人社局负责）), and
    /// cooperates when it does; decided per clause, not by the 牵头 of another measure.
    /// </summary>
    private static IEnumerable<TaskField> OwnRoles(List<TaskField> clause)
    {
        var led = clause.Any(f => f.Kind == FieldKind.Lead);
        return clause.Select(f => f.Kind == FieldKind.Responsible ? f with { Kind = led ? FieldKind.Cooperating : FieldKind.Lead } : f);
    }

    // Role words a clause segment ends with, longest first where one is the tail of another.
    private static readonly (string Word, FieldKind Kind)[] RoleWords =
    [
        ("牵头负责", FieldKind.Lead), ("牵头落实", FieldKind.Lead), ("牵头", FieldKind.Lead),
        // 统筹: the unit that co-ordinates the others (（区政府办统筹，区教育局牵头，…参与）) answers for the task too.
        ("统筹协调", FieldKind.Lead), ("统筹推进", FieldKind.Lead), ("统筹", FieldKind.Lead),
        ("按照职责分工负责", FieldKind.Responsible), ("按职责分工负责", FieldKind.Responsible),
        ("按照职责分工落实", FieldKind.Responsible), ("按职责分工落实", FieldKind.Responsible),
        ("按照职责负责", FieldKind.Responsible), ("按职责负责", FieldKind.Responsible),
        ("分工负责", FieldKind.Responsible), ("共同负责", FieldKind.Responsible), ("具体负责", FieldKind.Responsible),
        ("负责落实", FieldKind.Responsible), ("组织落实", FieldKind.Responsible), ("组织实施", FieldKind.Responsible),
        ("抓好落实", FieldKind.Responsible), ("负责", FieldKind.Responsible),
        ("配合落实", FieldKind.Cooperating), ("共同参与", FieldKind.Cooperating),
        ("配合", FieldKind.Cooperating), ("参与", FieldKind.Cooperating), ("协助", FieldKind.Cooperating),
        ("协同", FieldKind.Cooperating), ("协办", FieldKind.Cooperating),
        // 指导: a higher office guiding those who do the work (（各街镇负责，区城运中心指导）) takes part, it does not lead.
        ("业务指导", FieldKind.Cooperating), ("指导", FieldKind.Cooperating), ("支持", FieldKind.Cooperating),
        // 各区政府落实 / 具体落实: after every longer word ending in 落实 (配合落实 cooperates).
        ("具体落实", FieldKind.Responsible), ("落实", FieldKind.Responsible),
    ];

    private static bool HasRoleWord(ReadOnlySpan<char> sentence) => FirstRoleWordEnd(sentence) >= 0;

    /// <summary>Where the first role word in <paramref name="text"/> ends; -1 when there is none.</summary>
    private static int FirstRoleWordEnd(ReadOnlySpan<char> text)
    {
        var first = -1;
        foreach (var (word, _) in RoleWords)
        {
            var at = text.IndexOf(word, StringComparison.Ordinal);
            if (at >= 0 && (first < 0 || at + word.Length < first)) first = at + word.Length;
        }
        return first;
    }

    /// <summary>The fields a clause of roles names (X牵头，Y配合); none when it is not such a clause.</summary>
    public static List<TaskField> Roles(MappedText clause) => Parse(clause);

    /// <summary>True when <paramref name="clause"/> reads as a clause that names a 牵头 or a 配合 (not only 负责).</summary>
    public static bool NamesRoles(MappedText clause)
    {
        using (var scratch = new CharFolding.Scratch(clause.Span))
        {
            var folded = scratch.Span;
            if (!folded.Contains("牵头", StringComparison.Ordinal) && !folded.Contains("配合", StringComparison.Ordinal)
                && !folded.Contains("协助", StringComparison.Ordinal) && !folded.Contains("参与", StringComparison.Ordinal)
                && !folded.Contains("协同", StringComparison.Ordinal) && !folded.Contains("协办", StringComparison.Ordinal)
                && !folded.Contains("统筹", StringComparison.Ordinal) && !folded.Contains("指导", StringComparison.Ordinal)
                && !folded.Contains("支持", StringComparison.Ordinal)) return false;
        }
        return Parse(clause).Any(f => f.Kind is FieldKind.Lead or FieldKind.Cooperating);
    }

    /// <summary>
    /// Reads a clause of segments separated by ，or ；, each a list of units and a role word: "X牵头，Y配合",
    /// "X牵头负责，Y组织落实", "X牵头，Y、Z按职责分工负责；W组织落实", "X负责，Y配合", "X、Y按职责分工负责",
    /// "X牵头，Y、Z等按职责分工负责，W落实".
    /// 负责 / 按职责分工负责 / 组织落实 give <see cref="FieldKind.Responsible"/>: lead when the clause names no
    /// 牵头, cooperating when it does (<see cref="TaskBuilder"/>). A segment without a role word takes the role of the
    /// segment after it. Nothing when any segment does not read like units.
    /// </summary>
    private static List<TaskField> Parse(MappedText clause)
    {
        using var scratch = new CharFolding.Scratch(clause.Span);
        var folded = scratch.Span;
        var fields = new List<TaskField>();
        var pendingStart = -1;
        var start = 0;
        for (var i = 0; i <= folded.Length; i++)
        {
            if (i < folded.Length && folded[i] is not ('，' or ',' or ';' or '；')) continue;
            var segment = Segment(clause, folded, start, i);
            start = i + 1;
            if (segment is null) continue;
            var (from, to, kind) = segment.Value;
            if (kind is null)
            {
                // （X负责，Y配合；2024年底前完成）: a last segment that is a date closes the clause.
                if (fields.Count > 0 && pendingStart < 0 && IsDeadline(clause.Slice(from, to - from).Value))
                {
                    fields.Add(new TaskField(FieldKind.Deadline, clause.Slice(from, to - from)));
                    continue;
                }
                if (fields.Any(f => f.Kind == FieldKind.Deadline)) return [];
                if (!LooksLikeUnits(clause.Slice(from, to - from).Value)) return [];
                if (pendingStart < 0) pendingStart = from;
                continue;
            }
            if (fields.Any(f => f.Kind == FieldKind.Deadline)) return [];
            if (pendingStart >= 0) from = pendingStart;
            pendingStart = -1;
            var units = InlineFieldReader.TrimValue(clause.Slice(from, to - from));
            if (!LooksLikeUnits(units.Value)) return [];
            // （市教育局会同市人社局负责）: the unit before 会同 answers for the task, those it works with cooperate.
            var with = CharFolding.Fold(units.Span).IndexOf("会同", StringComparison.Ordinal);
            if (with > 0 && LooksLikeUnits(units.Value[..with]) && LooksLikeUnits(units.Value[(with + 2)..]))
            {
                fields.Add(new TaskField(kind.Value == FieldKind.Cooperating ? FieldKind.Cooperating : FieldKind.Lead,
                    InlineFieldReader.TrimValue(units.Slice(0, with))));
                fields.Add(new TaskField(FieldKind.Cooperating, InlineFieldReader.TrimValue(units.Slice(with + 2))));
                continue;
            }
            fields.Add(new TaskField(kind.Value, units));
        }
        return pendingStart >= 0 ? [] : fields;
    }

    /// <summary>One segment [start, end) of a clause: where its units are and the role its word gives (null: none).</summary>
    private static (int From, int To, FieldKind? Kind)? Segment(MappedText clause, ReadOnlySpan<char> folded, int start, int end)
    {
        while (start < end && folded[start] == ' ') start++;
        while (end > start && folded[end - 1] is ' ' or '。') end--;
        if (start >= end) return null;
        if (folded[start] == '由') start++;
        foreach (var (word, kind) in RoleWords)
        {
            if (end - start <= word.Length || !folded.Slice(end - word.Length, word.Length).SequenceEqual(word))
                continue;
            return (start, end - word.Length, kind);
        }
        return (start, end, null);
    }

    /// <summary>
    /// A segment that is only a deadline: short, no sentence, read by the deadline reader, and not a list of units
    /// (2024年底前完成, 持续推进, 长期坚持, 2023—2025年).
    /// </summary>
    public static bool IsDeadline(string segment)
    {
        var s = segment.Trim().TrimEnd('。');
        if (s.Length is 0 or > 20 || s.Contains('。') || Units.UnitShape.IsComplete(Units.ChineseFolding.Fold(s))) return false;
        return Deadlines.DeadlineParser.Parse(s, default, null).Understood;
    }

    // What opens a bracket that explains the text before it rather than naming who does it: （含技工院校）, （以下简称…）.
    private static readonly string[] NoteOpenings = ["含", "包括", "不含", "除", "以下", "简称", "即", "如", "其中", "注", "指", "下同"];

    /// <summary>
    /// A closing bracket that only lists units, without a role word: （市人社局，市财政局，市教育局）,
    /// （市直有关部门，各县（市、区）人民政府）, possibly with the document's note that the first one leads
    /// （…，排在第一位的为牵头单位，下同）, which is left out. Every piece must be a whole organisation name
    /// (市教育局, 各有关单位, 市委宣传部等部门), and a single piece must name its place or be a collective, so that
    /// （技工学校） or （市职业技术学校10个、中宁县6个） stay text. The units are responsible (see
    /// <see cref="TaskBuilder"/> for a document that says the first one leads).
    /// </summary>
    /// <summary>The units a bare list of names gives (市教育局、市财政局); none when it is not one.</summary>
    public static List<TaskField> BareUnits(MappedText clause) => BareList(clause);

    private static List<TaskField> BareList(MappedText clause)
    {
        var key = Units.ChineseFolding.Fold(clause.Value);
        var trimmed = key.TrimStart();
        foreach (var opening in NoteOpenings)
            if (trimmed.StartsWith(opening, StringComparison.Ordinal))
                return [];

        var fields = new List<TaskField>();
        var pieces = 0;
        var placed = false;
        int runStart = -1, runEnd = -1, depth = 0, start = 0;
        for (var i = 0; i <= key.Length; i++)
        {
            if (i < key.Length)
            {
                if (key[i] is '（' or '《' or '【') depth++;
                else if (key[i] is '）' or '》' or '】') depth = Math.Max(0, depth - 1);
                if (depth > 0 || key[i] is not ('，' or '；' or '、' or ' ')) continue;
            }
            var piece = key[start..i].Trim();
            var pieceStart = start;
            start = i + 1;
            if (piece.Length == 0) continue;
            if (LeadConvention.IsNote(piece))
            {
                if (runStart >= 0) fields.Add(new TaskField(FieldKind.Responsible, InlineFieldReader.TrimValue(clause.Slice(runStart, runEnd - runStart))));
                runStart = -1;
                continue;
            }
            var name = piece.EndsWith('等') ? piece[..^1] : piece;
            if (pieces > 0 && i == key.Length && IsDeadline(piece))
            {
                // （市教育局，市财政局，2024年底前）: the last piece is the deadline.
                if (runStart >= 0) fields.Add(new TaskField(FieldKind.Responsible, InlineFieldReader.TrimValue(clause.Slice(runStart, runEnd - runStart))));
                runStart = -1;
                fields.Add(new TaskField(FieldKind.Deadline, InlineFieldReader.TrimValue(clause.Slice(pieceStart, i - pieceStart))));
                continue;
            }
            if (!Units.UnitShape.IsComplete(name)) return [];
            pieces++;
            placed |= Units.AdministrativePrefix.Length(name) > 0 || Units.UnitShape.StartsCollective(name);
            if (runStart < 0) runStart = pieceStart;
            runEnd = i;
        }
        if (runStart >= 0) fields.Add(new TaskField(FieldKind.Responsible, InlineFieldReader.TrimValue(clause.Slice(runStart, runEnd - runStart))));
        return pieces >= 2 || pieces == 1 && placed ? fields : [];
    }

    /// <summary>A list of organisations ends with an organisation word and is short; a sentence is not.</summary>
    private static bool LooksLikeUnits(string s)
    {
        s = s.Trim().TrimEnd('等');
        if (s.Length is < 2 or > 120 || s.Contains('。')) return false;
        // A collective that ends in no organisation word (各街道, 各乡镇, 各镇街) is a unit list too.
        var lastPiece = s[(s.LastIndexOfAny(['、', ',', '，']) + 1)..];
        if (lastPiece.Length >= 2 && Units.UnitShape.StartsCollective(lastPiece)) return true;
        // Any whole organisation name ends a list too (县图书馆, 省电化教育馆, 市委巡察工作领导小组, 市融媒体中心).
        if (lastPiece.Length >= 2 && Units.UnitShape.IsComplete(Units.ChineseFolding.Fold(lastPiece.Trim()))) return true;
        var last = s[^1];
        return last is '局' or '委' or '办' or '府' or '院' or '校' or '部' or '会' or '室' or '心' or '位' or '门' or '厅'
            or '队' or '所' or '站' or '处' or '司' or '团' or '联' or '协' or '区' or '县' or '市' or '行' or '社'
            or '股' or '科';
    }

    private static int MatchingOpen(ReadOnlySpan<char> folded, int close, char opening)
    {
        var closing = folded[close];
        var depth = 0;
        for (var j = close; j >= 0; j--)
        {
            if (folded[j] == closing) depth++;
            else if (folded[j] == opening && --depth == 0) return j;
        }
        return -1;
    }
}
