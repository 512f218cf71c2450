using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>A field of a task read from the document: its kind and its value as written.</summary>
internal sealed record TaskField(FieldKind Kind, MappedText Value)
{
    /// <summary>
    /// Read from the task's prose rather than from a field or a clause of roles (市教育局会同市财政局制定…): the units are
    /// the task's when it is one, but do not make a numbered paragraph a task (a 保障措施 paragraph's
    /// "区教育局会同有关部门加强督促检查" stays a heading).
    /// </summary>
    public bool FromProse { get; init; }
}

/// <summary>What one task says: its text and its labelled fields (units, deadline).</summary>
internal sealed record TaskFields(MappedText Text, IReadOnlyList<TaskField> Fields)
{
    /// <summary>The task names units in a field or a clause of roles (what makes a numbered paragraph a task).</summary>
    public bool HasUnits => Fields.Any(f => IsUnits(f) && !f.FromProse);

    /// <summary>The task names units anywhere, its prose included.</summary>
    public bool NamesUnits => Fields.Any(IsUnits);

    private static bool IsUnits(TaskField f) => f.Kind is FieldKind.Lead or FieldKind.Responsible or FieldKind.Cooperating && f.Value.Length > 0;
}

/// <summary>
/// Reads the fields of a task written as paragraphs: labels inline ((责任单位：…；完成时限：…)), labels on lines of their
/// own after the task, or, without labels, a closing (市教育局牵头，市财政局配合) or 由…负责.
/// </summary>
internal static class InlineFieldReader
{
    /// <param name="parts">The task's paragraphs, the first one without its number; raw text and folded text (a
    /// window on the paragraph's folded string, not a copy).</param>
    public static TaskFields Read(List<(MappedText Raw, ReadOnlyMemory<char> Folded)> parts)
    {
        var text = new List<MappedText>();
        var fields = new List<TaskField>();
        foreach (var (raw, memory) in parts)
        {
            var folded = memory.Span;
            var labels = FieldLabels.FindAll(folded);
            if (labels.Count == 0)
            {
                if (fields.Count == 0) text.Add(raw);
                continue;
            }
            if (fields.Count == 0)
            {
                var textEnd = labels[0].Start;
                if (ClauseBeforeLabels(raw, folded, labels[0].Start) is var (open, clause))
                {
                    fields.AddRange(clause);
                    textEnd = open;
                }
                while (textEnd > 0 && folded[textEnd - 1] is ' ' or '(' or '〔') textEnd--;
                if (textEnd > 0) text.Add(raw.Slice(0, textEnd));
            }
            for (var k = 0; k < labels.Count; k++)
            {
                var limit = k + 1 < labels.Count ? labels[k + 1].Start : folded.Length;
                var end = ValueEnd(folded, labels[k].ValueStart, limit);
                fields.Add(new TaskField(labels[k].Kind, TrimValue(raw.Slice(labels[k].ValueStart, end - labels[k].ValueStart))));
            }
        }

        SplitTrailingDeadline(fields);
        var body = MappedText.Concat(text).Trim();
        if (!fields.Any(IsUnitField) && body.Length > 0)
        {
            // No labelled units: the text may still close with its units (…。（市教育局牵头，市财政局配合）) while a
            // label line names only the deadline or a person (完成时限：2026年11月 on a line of its own).
            var (rest, closing) = UnitClause.Read(body);
            if (closing.Count > 0 && (fields.Count == 0 || closing.Any(IsUnitField)))
            {
                var labelledDeadline = fields.Any(f => f.Kind == FieldKind.Deadline);
                return new TaskFields(rest, [.. closing.Where(f => !(labelledDeadline && f.Kind == FieldKind.Deadline)), .. fields]);
            }
        }
        return new TaskFields(body, fields);
    }

    private static bool IsUnitField(TaskField field) => field.Kind is FieldKind.Lead or FieldKind.Responsible or FieldKind.Cooperating;

    /// <summary>
    /// A bracket that opens with a clause of roles and goes on with labels: （县教育局牵头，县人社局配合；完成时限：2026年11月）
    /// or 【X、Y按职责分工负责；时间：…】. The labels alone would lose the units before them; the clause is read as it
    /// would be without them (or as a bare list of units, （县教育局、县人社局；完成时限：…）). Returns where the bracket
    /// opens and the clause's unit fields; null when no bracket is open before the labels or its text is no such clause.
    /// </summary>
    private static (int Open, List<TaskField> Fields)? ClauseBeforeLabels(MappedText raw, ReadOnlySpan<char> folded, int labelStart)
    {
        var depth = 0;
        var open = -1;
        for (var j = labelStart - 1; j >= 0 && open < 0; j--)
        {
            if (folded[j] is ')' or '〕') depth++;
            else if (folded[j] is '(' or '〔' && depth-- == 0) open = j;
        }
        if (open < 0) return null;
        var clause = TrimValue(raw.Slice(open + 1, labelStart - open - 1));
        if (clause.Length < 3) return null;
        var fields = UnitClause.Roles(clause);
        if (fields.Count == 0) fields = UnitClause.BareUnits(clause);
        if (fields.Count == 0 || !fields.Any(IsUnitField)) return null;
        return (open, fields);
    }

    /// <summary>
    /// （责任单位：市发展改革委；2025年）: a units field whose last segment (after ；or ，) is only a date, when no
    /// 完成时限 is labelled, ends before it, and the date is the deadline.
    /// </summary>
    private static void SplitTrailingDeadline(List<TaskField> fields)
    {
        if (fields.Any(f => f.Kind == FieldKind.Deadline)) return;
        for (var k = fields.Count - 1; k >= 0; k--)
        {
            var value = fields[k].Value;
            if (fields[k].Kind is not (FieldKind.Lead or FieldKind.Responsible or FieldKind.Cooperating)) continue;
            using var scratch = new CharFolding.Scratch(value.Span);
            var folded = scratch.Span;
            var cut = Math.Max(folded.LastIndexOf(';'), Math.Max(folded.LastIndexOf('；'), Math.Max(folded.LastIndexOf(','), folded.LastIndexOf('，'))));
            if (cut <= 0 || !UnitClause.IsDeadline(value.Value[(cut + 1)..])) return;
            fields[k] = fields[k] with { Value = TrimValue(value.Slice(0, cut)) };
            fields.Insert(k + 1, new TaskField(FieldKind.Deadline, TrimValue(value.Slice(cut + 1))));
            return;
        }
    }

    /// <summary>Where a field's value ends: at the next label, or at the bracket that closes the enclosing group.</summary>
    private static int ValueEnd(ReadOnlySpan<char> folded, int start, int limit)
    {
        var depth = 0;
        for (var j = start; j < limit; j++)
        {
            var c = folded[j];
            // [] and 【】 fold to 〔〕: [责任单位:…] closes like (责任单位:…).
            if (c is '(' or '〔') depth++;
            else if (c is ')' or '〕')
            {
                if (depth == 0) return j;
                depth--;
            }
        }
        return limit;
    }

    /// <summary>A value without the separators around it (；。，、 and spaces).</summary>
    public static MappedText TrimValue(MappedText value)
    {
        int start = 0, end = value.Length;
        while (start < end && IsSeparator(value[start])) start++;
        while (end > start && IsSeparator(value[end - 1])) end--;
        return value.Slice(start, end - start);
    }

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c) || c is '；' or ';' or '。' or '，' or ',' or '、' or '：' or ':' or '.';
}
