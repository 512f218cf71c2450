namespace Duban.Parsing.Tables;

/// <summary>What a column of a task table holds, read from its header.</summary>
internal enum ColumnRole
{
    Unknown,
    Number,
    Task,
    Target,
    Lead,
    Responsible,
    Cooperating,
    Deadline,
    Note,
}

/// <summary>The roles of a table's columns, read from its header row.</summary>
internal sealed class TableColumns
{
    private static readonly (string Name, ColumnRole Role)[] Names =
    [
        ("序号", ColumnRole.Number), ("编号", ColumnRole.Number), ("项次", ColumnRole.Number),
        ("牵头责任单位", ColumnRole.Lead), ("主要责任单位", ColumnRole.Lead),
        ("协同责任单位", ColumnRole.Cooperating), ("配合责任单位", ColumnRole.Cooperating), ("其他责任单位", ColumnRole.Cooperating),
        ("牵头单位", ColumnRole.Lead), ("牵头部门", ColumnRole.Lead), ("主责单位", ColumnRole.Lead), ("主责部门", ColumnRole.Lead),
        ("主办单位", ColumnRole.Lead), ("主办部门", ColumnRole.Lead), ("牵头处室", ColumnRole.Lead), ("牵头科室", ColumnRole.Lead), ("牵头", ColumnRole.Lead),
        ("协办部门", ColumnRole.Cooperating), ("参与部门", ColumnRole.Cooperating), ("协同部门", ColumnRole.Cooperating),
        ("协助部门", ColumnRole.Cooperating), ("配合处室", ColumnRole.Cooperating), ("配合科室", ColumnRole.Cooperating),
        ("责任处室", ColumnRole.Responsible), ("责任科室", ColumnRole.Responsible),
        ("牵头股室", ColumnRole.Lead), ("责任股室", ColumnRole.Responsible), ("配合股室", ColumnRole.Cooperating),
        ("配合单位", ColumnRole.Cooperating), ("配合部门", ColumnRole.Cooperating), ("协办单位", ColumnRole.Cooperating),
        ("参与单位", ColumnRole.Cooperating), ("协同单位", ColumnRole.Cooperating), ("协助单位", ColumnRole.Cooperating),
        ("协作单位", ColumnRole.Cooperating), ("协作部门", ColumnRole.Cooperating), ("会办单位", ColumnRole.Cooperating),
        ("配合", ColumnRole.Cooperating), ("协作", ColumnRole.Cooperating), ("协助", ColumnRole.Cooperating),
        ("责任单位", ColumnRole.Responsible), ("责任部门", ColumnRole.Responsible), ("负责单位", ColumnRole.Responsible),
        ("负责部门", ColumnRole.Responsible), ("责任主体", ColumnRole.Responsible), ("承办单位", ColumnRole.Responsible),
        ("落实单位", ColumnRole.Responsible), ("实施单位", ColumnRole.Responsible), ("推进单位", ColumnRole.Responsible), ("推进部门", ColumnRole.Responsible), ("责任领导", ColumnRole.Note),
        ("完成时限", ColumnRole.Deadline), ("时间进度", ColumnRole.Deadline), ("完成时间", ColumnRole.Deadline),
        ("时间节点", ColumnRole.Deadline), ("时限要求", ColumnRole.Deadline), ("进度安排", ColumnRole.Deadline),
        ("完成期限", ColumnRole.Deadline), ("时间安排", ColumnRole.Deadline), ("计划节点", ColumnRole.Deadline),
        ("完成节点", ColumnRole.Deadline), ("办结时限", ColumnRole.Deadline), ("办结时间", ColumnRole.Deadline), ("时限", ColumnRole.Deadline),
        ("量化指标", ColumnRole.Target), ("绩效目标", ColumnRole.Target), ("考核指标", ColumnRole.Target),
        ("预期目标", ColumnRole.Target), ("目标值", ColumnRole.Target), ("指标", ColumnRole.Target), ("预期成果", ColumnRole.Target),
        ("工作任务", ColumnRole.Task), ("任务目标", ColumnRole.Task), ("重点任务", ColumnRole.Task), ("主要任务", ColumnRole.Task),
        ("任务内容", ColumnRole.Task), ("工作内容", ColumnRole.Task), ("具体任务", ColumnRole.Task), ("目标任务", ColumnRole.Task),
        ("工作措施", ColumnRole.Task), ("具体措施", ColumnRole.Task), ("政策内容", ColumnRole.Task), ("任务", ColumnRole.Task),
        ("内容", ColumnRole.Task), ("事项", ColumnRole.Task), ("措施", ColumnRole.Task), ("备注", ColumnRole.Note),
    ];

    private TableColumns(ColumnRole[] roles) => Roles = roles;

    public IReadOnlyList<ColumnRole> Roles { get; }

    public int IndexOf(ColumnRole role) => Array.IndexOf((ColumnRole[])Roles, role);

    public bool HasUnits => IndexOf(ColumnRole.Lead) >= 0 || IndexOf(ColumnRole.Responsible) >= 0;

    /// <summary>The columns of a header row, or null when the row is not a header (fewer than two known column names).</summary>
    public static TableColumns? FromHeader(IReadOnlyList<string> compactCells)
    {
        var roles = compactCells.Select(RoleOf).ToArray();
        var known = roles.Count(r => r != ColumnRole.Unknown);
        if (known < 2 || !roles.Contains(ColumnRole.Task) && !roles.Contains(ColumnRole.Number)) return null;
        // A second "task" column (任务目标 next to 工作任务) is treated as a target description.
        var firstTask = Array.IndexOf(roles, ColumnRole.Task);
        for (var i = firstTask + 1; firstTask >= 0 && i < roles.Length; i++)
            if (roles[i] == ColumnRole.Task) roles[i] = ColumnRole.Target;
        return new TableColumns(roles);
    }

    /// <summary>
    /// The header over two rows, as one row, when <paramref name="below"/> continues <paramref name="header"/>: a merged
    /// cell across columns above, the names of its parts below (责任单位 over 牵头单位 | 配合单位, 完成时限 over 2024年 |
    /// 2025年 is not one: the parts must name columns). Every filled cell below is a short column name standing under an
    /// empty header cell or under the first cell of a merge (a header cell followed by an empty one); at least one stands
    /// under an empty cell. Null when the row is anything else. HTML, Word and text tables all reach here as tab rows;
    /// the .xlsx reader joins such rows from its merge ranges before (SheetLayout).
    /// </summary>
    public static IReadOnlyList<string>? SecondHeaderRow(IReadOnlyList<string> header, IReadOnlyList<string> below)
    {
        var filled = Enumerable.Range(0, below.Count).Where(i => below[i].Length > 0).ToList();
        if (filled.Count == 0 || filled[^1] >= header.Count) return null;
        string HeaderAt(int i) => i < header.Count ? header[i] : "";
        var underEmpty = false;
        foreach (var i in filled)
        {
            if (below[i].Length > 12 || below[i].Any(char.IsAsciiDigit) || RoleOf(below[i]) == ColumnRole.Unknown) return null;
            if (HeaderAt(i).Length == 0) underEmpty = true;
            else if (HeaderAt(i + 1).Length > 0) return null;
        }
        if (!underEmpty) return null;
        return [.. Enumerable.Range(0, header.Count).Select(i => i < below.Count && below[i].Length > 0 ? below[i] : header[i])];
    }

    /// <summary>
    /// The columns of a table printed without a header row, read from what its cells hold, or null when that is not
    /// clear. Only rows of two or more filled cells count (not group rows). The number column is the first whose filled
    /// cells are row numbers (four in five, filled in half the rows or more); the deadline column the last whose cells
    /// read as deadlines (three in five: short, no 。, understood by the deadline reader); the units columns those whose
    /// cells read as lists of organisations (three in five: end with 局, 委, 府, 校, …). One units column is 责任单位;
    /// of two or more the first is 牵头单位 and the second 配合单位, the order every 分工表 prints them in. The task column
    /// is the one left with the longest text. Without a task and a units column there is no task table; without a number
    /// column only rows that open with a task cell (a sentence) and end with a deadline are one.
    /// </summary>
    public static TableColumns? FromContent(IReadOnlyList<IReadOnlyList<string>> rows)
    {
        var body = AlignMergedLeadingCells(rows.Where(r => r.Count(c => c.Length > 0) >= 2).ToList());
        if (body.Count < 2) return null;
        var width = body.Max(r => r.Count);
        if (width is < 3 or > MaxContentColumns) return null;
        var roles = new ColumnRole[width];
        List<string> Filled(int k) => body.Select(r => k < r.Count ? r[k] : "").Where(c => c.Length > 0).ToList();
        bool Holds(int k, Func<string, bool> test, double share) => Filled(k) is { Count: > 0 } f && f.Count(test) >= f.Count * share;

        var number = Enumerable.Range(0, width).FirstOrDefault(k => Filled(k).Count * 2 >= body.Count && Holds(k, IsRowNumber, 0.8), -1);
        if (number >= 0) roles[number] = ColumnRole.Number;
        var deadline = Enumerable.Range(0, width).LastOrDefault(k => roles[k] == ColumnRole.Unknown && Holds(k, ReadsAsDeadline, 0.6), -1);
        if (deadline >= 0) roles[deadline] = ColumnRole.Deadline;
        // Without numbers, only the plainest shape is a task table: the task first, units, the deadline last in every row.
        if (number < 0 && (deadline != width - 1 || body.Any(r => r.Count < width || r[0].Length < MinUnnumberedTaskLength || r[^1].Length == 0)))
            return null;
        var units = Enumerable.Range(0, width).Where(k => roles[k] == ColumnRole.Unknown && Holds(k, ReadsAsUnits, 0.6)).ToList();
        if (units.Count == 0) return null;
        if (units.Count == 1) roles[units[0]] = ColumnRole.Responsible;
        else (roles[units[0]], roles[units[1]]) = (ColumnRole.Lead, ColumnRole.Cooperating);
        var task = Enumerable.Range(0, width).Where(k => roles[k] == ColumnRole.Unknown && Filled(k).Count > 0)
            .OrderByDescending(k => Filled(k).Average(c => c.Length)).FirstOrDefault(-1);
        if (task < 0 || number < 0 && task != 0) return null;
        roles[task] = ColumnRole.Task;
        return new TableColumns(roles);
    }

    /// <summary>
    /// The rows of a headerless table whose leading columns come before the number (领域 | 序号 | 项目名称 | …), as
    /// read for its columns: a cell merged down over a group's rows stands only in the group's first row, and the rows
    /// under it are that many cells short and start with their number (or carry that many empty cells at the end).
    /// When the widest rows hold their number further right than the first cell, such a row is read with that many
    /// empty cells before it, so that every number stands in one column (TableReading aligns the row the same way).
    /// </summary>
    private static List<IReadOnlyList<string>> AlignMergedLeadingCells(List<IReadOnlyList<string>> body)
    {
        static int Filled(IReadOnlyList<string> r) => r.Count - r.Reverse().TakeWhile(c => c.Length == 0).Count();
        if (body.Count < 2) return body;
        var width = body.Max(Filled);
        var full = body.Where(r => Filled(r) == width).ToList();
        var number = Enumerable.Range(1, Math.Max(0, width - 2)).FirstOrDefault(k => full.Count(r => IsRowNumber(r[k])) * 5 >= full.Count * 4, -1);
        if (number < 0 || full.Any(r => IsRowNumber(r[0]))) return body;
        return body.Select(r => Filled(r) == width - number && IsRowNumber(r[0])
            ? (IReadOnlyList<string>)[.. Enumerable.Repeat("", number), .. r.Take(width - number)] : r).ToList();
    }

    // The shortest task cell of a table without numbers: a sentence, not a name.
    private const int MinUnnumberedTaskLength = 8;

    /// <summary>Most columns of a table whose columns are read from its cells (a task table has five or six).</summary>
    private const int MaxContentColumns = 12;

    private static bool IsRowNumber(string s) => s.Length is > 0 and <= 4 && s.All(char.IsAsciiDigit);

    private static bool ReadsAsDeadline(string s) =>
        s.Length <= 30 && !s.Contains('。') && Deadlines.DeadlineParser.Parse(s, default, null).Understood;

    private static bool ReadsAsUnits(string s)
    {
        s = s.TrimEnd('等');
        // A list closed with 。 as a sentence is (县教体局、县财政局，各乡镇人民政府。) when every part is a name.
        if (s.Contains('。')) return CellShape.IsUnits(s);
        if (s.Length is < 2 or > 120) return false;
        return Units.UnitShape.EndingLength(s) > 0 || Units.UnitShape.StartsCollective(s);
    }

    private static bool NamesPerson(string compact) =>
        !compact.Contains("单位", StringComparison.Ordinal) && !compact.Contains("部门", StringComparison.Ordinal)
        && (compact.EndsWith("领导", StringComparison.Ordinal) || compact.EndsWith("责任人", StringComparison.Ordinal)
            || compact.EndsWith("联系人", StringComparison.Ordinal) || compact.EndsWith("负责人", StringComparison.Ordinal));

    /// <summary>
    /// The role of a column name wrapped over two lines of its cell (完成 / 时限, 牵头 / 单位, 责任 / 单位): a known name
    /// must run across the break, so that a stray line before a name (附件 / 序号) is not taken as part of it.
    /// Unknown when none does.
    /// </summary>
    public static ColumnRole RoleAcross(string first, string second)
    {
        if (first.Length == 0 || second.Length == 0) return ColumnRole.Unknown;
        var both = first + second;
        foreach (var (name, _) in Names)
        {
            for (var at = both.IndexOf(name, StringComparison.Ordinal); at >= 0; at = both.IndexOf(name, at + 1, StringComparison.Ordinal))
                if (at < first.Length && at + name.Length > first.Length) return RoleOf(both);
        }
        return ColumnRole.Unknown;
    }

    public static ColumnRole RoleOf(string compact)
    {
        // 责任单位（排在第一位的为牵头单位）: a note in brackets after the column's name says how to read it, not what it is.
        var note = compact.IndexOf('(');
        if (note > 1 && compact.EndsWith(')')) compact = compact[..note];
        if (compact.Length is 0 or > 12) return ColumnRole.Unknown;
        // A person (责任领导, 牵头市领导, 分管领导, 责任人): never a units column, though 牵头领导 contains 牵头.
        if (NamesPerson(compact)) return ColumnRole.Note;
        foreach (var (name, role) in Names)
            if (compact.Contains(name, StringComparison.Ordinal)) return role;
        return ColumnRole.Unknown;
    }
}
