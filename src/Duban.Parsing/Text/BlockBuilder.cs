using Duban.Parsing.Structure;
using Duban.Parsing.Tables;
using Duban.Parsing.Tasks;

namespace Duban.Parsing.Text;

/// <summary>
/// Turns physical lines into blocks: table rows, and paragraphs made by joining the lines a document wrapped.
/// Documents converted from PDF break lines at a fixed width, in the middle of words and headings, and scatter blank
/// lines where pages ended, so blank lines cannot be trusted; what decides a join is how the line ends, whether the next
/// line starts something new (a heading, a label, an annex), and whether the line is as long as the wrapped lines.
/// </summary>
internal static class BlockBuilder
{
    public static List<Block> Build(string text)
    {
        var lines = SourceLine.Split(text);
        var wrapWidth = WrapWidth.Detect(lines);
        var blocks = new List<Block>();
        var paragraph = new List<SourceLine>();
        // The paragraph after an annex marker is the annex's title: it continues only with title-like lines.
        var titleNext = false;
        var isTitle = false;
        // Whether the paragraph so far has clause punctuation, kept as lines are added so that joining stays linear.
        var punctuated = false;

        for (var i = 0; i < lines.Count;)
        {
            var line = lines[i];
            switch (line.Kind)
            {
                case LineKind.Blank or LineKind.Debris:
                    i++;
                    continue;
                case LineKind.Tab:
                    Flush();
                    blocks.Add(TabRow(text, line));
                    i++;
                    continue;
                case LineKind.Pipe:
                {
                    Flush();
                    var (rows, next) = PipeTableReader.Read(text, lines, i);
                    blocks.AddRange(rows);
                    i = Math.Max(next, i + 1);
                    continue;
                }
            }
            // Three or more column names on one line, separated by spaces, then numbered rows: a table copied as text.
            if (SpaceTableReader.TryRead(text, lines, i) is var (spacedRows, afterSpaced))
            {
                Flush();
                blocks.AddRange(spacedRows);
                i = afterSpaced;
                continue;
            }
            // Three or more column names on lines of their own, then a row number: a table flattened one cell per line.
            if (LineCellTableReader.TryRead(text, lines, i) is var (cellRows, afterTable))
            {
                Flush();
                blocks.AddRange(cellRows);
                i = afterTable;
                continue;
            }
            // A row number, then rows whose lines read as a task, units and a deadline: such a table without its header.
            if (LineCellTableReader.TryReadHeaderless(text, lines, i) is var (bareRows, afterBare))
            {
                // Group headings right above the first row (二、深化产教融合) are the table's group rows, as those between
                // its rows are: a row's group is the last heading above it, not the first nested under another.
                var groups = new List<SourceLine>();
                if (paragraph.Count == 1 && LineCellTableReader.IsGroupLine(paragraph[0])) { groups.Add(paragraph[0]); paragraph.Clear(); }
                Flush();
                while (groups.Count <= MaxGroupsAbove && blocks.Count > 0 && blocks[^1] is ParagraphBlock { LineCount: 1 } above
                       && LineCellTableReader.IsGroupLine(lines[LineAt(lines, above.Span.Start)]))
                {
                    groups.Insert(0, lines[LineAt(lines, above.Span.Start)]);
                    blocks.RemoveAt(blocks.Count - 1);
                }
                blocks.AddRange(groups.Select(g => LineCellTableReader.GroupRow(text, g, bareRows[0].Cells.Count)));
                blocks.AddRange(bareRows);
                i = afterBare;
                continue;
            }

            if (paragraph.Count > 0 && !(isTitle ? ContinuesTitle(paragraph, line, wrapWidth) : Joins(paragraph, punctuated, line, wrapWidth))) Flush();
            punctuated = (paragraph.Count > 0 && punctuated) || HasClausePunctuation(line.Folded);
            if (paragraph.Count == 0)
            {
                isTitle = titleNext;
                titleNext = AnnexHeader.Read(line.Folded) is { TitleStart: < 0 };
            }
            paragraph.Add(line);
            i++;
        }
        Flush();
        return blocks;

        void Flush()
        {
            if (paragraph.Count == 0) return;
            // Most paragraphs are one line (a task, a field line): its folded text is the line's, and its raw text a
            // window on the source, so neither is copied again.
            if (paragraph.Count == 1)
            {
                var line = paragraph[0];
                blocks.Add(new ParagraphBlock(MappedText.Window(text, line.Start, line.Length), line.Folded, new(line.Start, line.End), 1));
            }
            else blocks.Add(ParagraphBlock.From(MappedText.FromLines(text, paragraph), paragraph.Count));
            paragraph.Clear();
        }
    }

    // An excerpt may skip groups without rows of its own; more headings in a row are the document's, not the table's.
    private const int MaxGroupsAbove = 12;

    /// <summary>The index of the line that starts at <paramref name="start"/> (a one-line paragraph's).</summary>
    private static int LineAt(List<SourceLine> lines, int start)
    {
        var lo = 0;
        var hi = lines.Count - 1;
        while (lo < hi)
        {
            var mid = (lo + hi + 1) / 2;
            if (lines[mid].Start <= start) lo = mid; else hi = mid - 1;
        }
        return lo;
    }

    private static TableRowBlock TabRow(string text, SourceLine line)
    {
        var cells = new List<MappedText>();
        var start = line.Start;
        for (var k = line.Start; k <= line.End; k++)
        {
            if (k < line.End && text[k] != '\t') continue;
            cells.Add(CellText.From(text, start, k));
            start = k + 1;
        }
        return new TableRowBlock(cells, new(line.Start, line.End));
    }

    /// <summary>Whether <paramref name="next"/> continues the paragraph whose lines so far are <paramref name="paragraph"/>
    /// (<paramref name="punctuated"/>: whether any of them has clause punctuation).</summary>
    private static bool Joins(List<SourceLine> paragraph, bool punctuated, SourceLine next, int? wrapWidth)
    {
        var last = paragraph[^1];
        if (SplitsLabel(last.Folded, next.Folded)) return true;
        if (StartsBlock(next.Folded) || StandsAlone(last.Folded)) return false;
        // A semicolon separates clauses of one sentence; at the end of a full-width wrapped line it ends no paragraph.
        if (last.Folded.EndsWith(';') && WrapWidth.IsWrapped(last.Folded, wrapWidth) && FieldLabels.FindAll(last.Folded).Count == 0) return true;
        if (EndsSentence(last.Folded)) return false;
        if (EndsMidClause(last.Folded)) return true;
        // A title (方案, 意见, …, no clause punctuation) begins a paragraph unless the line before was wrapped into it.
        if (IsTitleLine(next.Folded) && !WrapWidth.IsWrapped(last.Folded, wrapWidth)) return false;
        if (WrapWidth.IsWrapped(last.Folded, wrapWidth)) return true;
        // A deadline field with its value does not go on with an organisation's name: that line is the signature under
        // the last task (青禾市教育局, then the date), not more of the date. Other fragments (坚持, 完成) may be a rewrap.
        if (FieldLabels.AtStart(last.Folded) is { Kind: FieldKind.Deadline } deadline && deadline.ValueStart < last.Folded.TrimEnd().Length
            && IsOrganizationName(next.Folded)) return false;

        // A short line with no punctuation anywhere in the paragraph so far is a title or a heading, not a page break.
        if (!punctuated) return false;
        if (paragraph.Count == 1 && (HeadingMarker.Read(last.Folded) ?? HeadingMarker.ReadDecimal(last.Folded)) is not null
            && !last.Folded.Contains('。')) return false;
        return true;
    }

    private static readonly string[] OrganizationEndings = ["局", "委", "委员会", "政府", "办公室", "厅", "院", "部", "中心", "学校", "学院", "大学", "公司"];

    private static bool IsOrganizationName(string folded)
    {
        var name = folded.AsSpan().Trim();
        return name.Length is >= 3 and <= 30 && name.IndexOfAny(",。;:、") < 0 && EndsWithAny(name, OrganizationEndings);
    }

    // A loop, not endings.Any(e => …): asked for nearly every line, the lambda's closure and delegate were allocated
    // each time.
    private static bool EndsWithAny(ReadOnlySpan<char> s, string[] endings)
    {
        foreach (var e in endings)
            if (s.EndsWith(e, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool ContinuesTitle(List<SourceLine> paragraph, SourceLine next, int? wrapWidth) =>
        !StartsBlock(next.Folded) && WrapWidth.IsWrapped(paragraph[^1].Folded, wrapWidth)
        && !HasClausePunctuation(next.Folded) && !EndsSentence(next.Folded);

    /// <summary>Lines that begin something new whatever came before them. A line shaped like a decimal marker (1.2 推进…)
    /// does too: a figure at a line's start is refused by its unit (1.2亿元, 1.5倍), and a paragraph that opens with
    /// a figure the outline then does not take as a marker runs on as text of the item above it.</summary>
    internal static bool StartsBlock(string folded) =>
        HeadingMarker.Read(folded) is not null
        || HeadingMarker.ReadDecimal(folded) is not null
        || FieldLabels.AtStart(folded) is not null
        || folded.StartsWith("附件", StringComparison.Ordinal)
        || folded.StartsWith("--", StringComparison.Ordinal)
        || StandsAlone(folded);

    private static bool StandsAlone(string folded) =>
        LineShapes.IsDocNumberLine(folded) || LineShapes.IsDateLine(folded) || LineShapes.IsMemberLine(folded)
        || LineShapes.IsClosingMatter(folded) || AnnexHeader.IsAnnexStart(folded);

    private static bool EndsSentence(string folded)
    {
        var end = folded.Length - 1;
        while (end >= 0 && folded[end] is '”' or '’' or '"' or '\'' or '》') end--;
        if (end < 0) return false;
        var c = folded[end];
        // A colon ends a lead-in line ("各县人民政府：") but not a field label waiting for its value ("完成时限：").
        if (c == ':') return !EndsWithLabel(folded);
        if (c is '。' or '!' or '?' or ';' or '…') return true;
        // A closing bracket ends a sentence when it closes a field list ((责任单位：…)) or follows a full stop.
        if (c == ')') return (end > 0 && folded[end - 1] is '。' or ';') || ClosesFieldGroup(folded, end);
        return false;
    }

    /// <summary>Whether the bracket at <paramref name="close"/> closes a group that holds a field label ((责任单位：…)).</summary>
    private static bool ClosesFieldGroup(string folded, int close)
    {
        var depth = 0;
        for (var j = close; j >= 0; j--)
        {
            if (folded[j] == ')') depth++;
            else if (folded[j] == '(' && --depth == 0) return FieldLabels.FindAll(folded.AsSpan(j, close - j)).Count > 0;
        }
        // The opening bracket is on an earlier line: the line holds the end of the group, and its labels.
        return FieldLabels.FindAll(folded.AsSpan(0, close)).Count > 0 || close < folded.Length && LooksLikeDeadlineTail(folded[..close]);
    }

    private static bool LooksLikeDeadlineTail(string s) => s.EndsWith('年') || s.EndsWith('月') || s.EndsWith("坚持") || s.EndsWith("实施");

    /// <summary>A label broken over two lines ("…；完成" + "时限：2023年）") must be joined before anything else.</summary>
    private static bool SplitsLabel(string last, string next)
    {
        // Asked for every line: the junction (at most 12 characters) on the stack.
        var tail = last.AsSpan(last.Length >= 4 ? last.Length - 4 : 0);
        var head = next.AsSpan(0, Math.Min(next.Length, 8));
        Span<char> junction = stackalloc char[tail.Length + head.Length];
        tail.CopyTo(junction);
        head.CopyTo(junction[tail.Length..]);
        return FieldLabels.Spans(junction, tail.Length);
    }

    private static bool EndsMidClause(string folded) =>
        folded.Length > 0 && (folded[^1] is ',' or '、' or '“' or '《' or '(' or '〔' or '-' || EndsWithLabel(folded));

    private static bool EndsWithLabel(string folded)
    {
        var labels = FieldLabels.FindAll(folded);
        return labels.Count > 0 && labels[^1].ValueStart >= folded.TrimEnd().Length;
    }

    private static readonly string[] TitleEndings = ["方案", "意见", "办法", "规划", "计划", "措施", "细则", "清单", "要点", "通知", "决定", "纲要", "分工表", "分解表", "任务表", "推进表", "安排表", "一览表", "台账", "名单", "制度"];

    private static bool IsTitleLine(string folded) =>
        !HasClausePunctuation(folded) && EndsWithAny(folded.AsSpan().TrimEnd(), TitleEndings);

    private static bool HasClausePunctuation(string folded) =>
        folded.AsSpan().IndexOfAny(",。;:、") >= 0;
}
