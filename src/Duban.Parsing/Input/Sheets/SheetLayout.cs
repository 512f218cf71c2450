namespace Duban.Parsing.Input.Sheets;

/// <summary>
/// Turns the sheets of a workbook into the text a .docx table gives — one line per row, cells separated by tabs — so
/// that the task-table reader recognises the columns (序号, 重点任务, 牵头单位, 完成时限…) whatever the workbook's
/// format. See docs/input-formats.md, "Spreadsheets".
/// </summary>
internal static class SheetLayout
{
    /// <summary>The sheets' lines, an empty line between sheets; <see cref="InputErrorCodes.Empty"/> when there are none.</summary>
    /// <param name="label">The format for the message of an empty workbook: ".xlsx", ".xls", ".ods".</param>
    public static SourceText Text(IEnumerable<SheetGrid> sheets, string format, string label)
    {
        var lines = new List<string>();
        foreach (var sheet in sheets)
        {
            var sheetLines = Lines(sheet);
            if (sheetLines.Count == 0) continue;
            if (lines.Count > 0) lines.Add("");
            lines.AddRange(sheetLines);
        }
        var text = string.Join('\n', lines);
        if (string.IsNullOrWhiteSpace(text))
            throw new PlanInputException(InputErrorCodes.Empty, $"该 {label} 文件的工作表中没有文字。");
        return new SourceText(text, format, null, []);
    }

    /// <summary>
    /// The lines of one sheet: rows with one filled cell before the table (a title) as plain lines, then every row
    /// with its cells separated by tabs, from the first column to the last one used. A header over two rows (责任单位
    /// above 牵头单位 | 配合单位) is read as one row.
    /// </summary>
    public static List<string> Lines(SheetGrid sheet)
    {
        // Covered cells of a merged range are blank, whatever stale values they hold; down a units or deadline
        // column the merged value holds for each row (MergedCells).
        var headerRow = sheet.Rows.FirstOrDefault(r => MergedCells.IsHeaderRow(r.Value.Values.ToList()));
        var names = ColumnNames(sheet, headerRow.Key);
        var lastRow = sheet.Rows.Count > 0 ? sheet.Rows.Keys.Last() : 0;
        foreach (var (top, left, bottom, right) in sheet.Merges)
        {
            var value = sheet.Rows.GetValueOrDefault(top)?.GetValueOrDefault(left);
            var fill = bottom > top && value is not null && headerRow.Value is not null && top > headerRow.Key
                       && MergedCells.HoldsForEachRow(names.GetValueOrDefault(left));
            // Rows past the sheet's last filled row are not made up: a merge down a million empty rows costs nothing.
            var last = Math.Min(bottom, lastRow);
            var rowsCovered = fill ? Enumerable.Range(top, last - top + 1)
                : sheet.Rows.Keys.Where(r => r >= top && r <= bottom).ToList();
            foreach (var r in rowsCovered)
            {
                if (!sheet.Rows.TryGetValue(r, out var cells))
                {
                    if (!fill) continue;
                    sheet.Rows[r] = cells = [];
                }
                foreach (var c in cells.Keys.Where(c => c >= left && c <= right && (r, c) != (top, left)).ToList())
                    cells.Remove(c);
                if (fill && r > top) cells[left] = value!;
            }
        }
        var rows = sheet.Rows.Where(r => r.Value.Count > 0).ToList();
        if (rows.Count == 0) return [];
        var width = rows.Max(r => r.Value.Keys.Max());
        var first = rows.Min(r => r.Value.Keys.Min());

        var lines = new List<string>();
        var i = 0;
        for (; i < rows.Count && rows[i].Value.Count == 1; i++) lines.Add(rows[i].Value.Values.Single());
        // A sheet without a title row is named by its sheet: the line also ends the previous sheet's table.
        if (lines.Count == 0 && sheet.Name.Trim().Length > 0) lines.Add(sheet.Name.Trim());

        for (; i < rows.Count; i++)
        {
            var cells = Enumerable.Range(first, width - first + 1).Select(c => rows[i].Value.GetValueOrDefault(c, "")).ToArray();
            if (i + 1 < rows.Count && rows[i + 1].Key == rows[i].Key + 1 && MergedCells.IsHeaderRow(cells) &&
                SecondHeaderRow(sheet, rows[i].Key, first, width) is { } below)
            {
                for (var c = 0; c < cells.Length; c++)
                    if (below[c].Length > 0) cells[c] = below[c];
                i++;
            }
            lines.Add(string.Join('\t', cells));
        }
        return lines;
    }

    /// <summary>
    /// The name of each column by the header, for the cells merged down under it: the header row's cells, and where
    /// the row under it continues it (牵头单位 | 配合单位 under a 责任单位 merged across) the names below — so that a
    /// 配合单位 merged down over two tasks holds for each. Empty without a header.
    /// </summary>
    private static Dictionary<int, string> ColumnNames(SheetGrid sheet, int headerRow)
    {
        var names = new Dictionary<int, string>();
        if (!sheet.Rows.TryGetValue(headerRow, out var header)) return names;
        foreach (var (column, text) in header) names[column] = text;
        if (header.Count > 0 && SecondHeaderRow(sheet, headerRow, header.Keys.Min(), header.Keys.Max()) is not null)
        {
            foreach (var (column, text) in sheet.Rows[headerRow + 1]) names[column] = text;
        }
        return names;
    }

    /// <summary>
    /// The row under a header when it continues it: each filled cell a short label under a cell merged across columns
    /// above it (牵头单位 and 配合单位 under 责任单位), nothing else filled.
    /// </summary>
    private static string[]? SecondHeaderRow(SheetGrid sheet, int headerRow, int first, int width)
    {
        if (!sheet.Rows.TryGetValue(headerRow + 1, out var below) || below.Count == 0) return null;
        foreach (var (column, text) in below)
        {
            if (text.Length > 12 || text.Any(char.IsAsciiDigit)) return null;
            var underWideCell = sheet.Merges.Any(m => m.Top == headerRow && m.Left <= column && column <= m.Right && m.Right > m.Left);
            if (!underWideCell) return null;
        }
        return Enumerable.Range(first, width - first + 1).Select(c => below.GetValueOrDefault(c, "")).ToArray();
    }
}
