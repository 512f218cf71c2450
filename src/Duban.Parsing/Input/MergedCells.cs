using System.Text.RegularExpressions;

namespace Duban.Parsing.Input;

/// <summary>
/// What a cell merged down over several rows of a task table means for the rows it covers. In a units or deadline
/// column (牵头单位 merged over three tasks, one 完成时限 for a group) the value holds for each row, and the HTML and
/// .xlsx readers write it into each. Anywhere else (序号, a 重点任务 over several 具体措施) the covered rows stay
/// empty, as a vertically merged Word cell does.
/// </summary>
internal static partial class MergedCells
{
    public static bool HoldsForEachRow(string? header) =>
        header is not null && Compact(header) is { Length: <= 16 } name && RowValueHeader().IsMatch(name);

    /// <summary>
    /// A header cell without its white space: narrow columns are headed 牵&lt;br&gt;头&lt;br&gt;单&lt;br&gt;位 or 序\n号,
    /// which the readers give as 牵 头 单 位.
    /// </summary>
    private static string Compact(string cell) => cell.Any(char.IsWhiteSpace) ? string.Concat(cell.Where(c => !char.IsWhiteSpace(c))) : cell;

    /// <summary>
    /// A header row: at least two short cells naming task-table columns. A cell with a colon is a label and its value
    /// (填报单位：东川区教育局 | 填报时间：2024年4月 above a sheet's header), not a column's name.
    /// </summary>
    public static bool IsHeaderRow(IReadOnlyList<string> cells) => cells.Count(IsColumnName) >= 2;

    private static bool IsColumnName(string cell) =>
        Compact(cell) is { Length: <= 12 } name && HeaderWord().IsMatch(name) && name.IndexOfAny(['：', ':']) < 0;

    /// <summary>
    /// The header of a table as its rows are read, for the cells merged down below it: the first header row, completed
    /// by the row under it when that names the parts of a cell merged across (牵头单位 | 配合单位 under 责任单位), so that
    /// a 配合单位 merged down over two tasks holds for each as a 牵头单位 does. The HTML and .docx readers see a table
    /// row by row; SheetLayout joins the two rows from the sheet's merge ranges.
    /// </summary>
    public sealed class Header
    {
        private List<string>? _cells;
        private bool _justRead;

        /// <summary>Reads the next row of the table (its cells as written, covered cells empty).</summary>
        public void Read(IReadOnlyList<string> cells)
        {
            if (_cells is null)
            {
                if (IsHeaderRow(cells)) (_cells, _justRead) = ([.. cells], true);
                return;
            }
            if (_justRead && Tables.TableColumns.SecondHeaderRow(_cells, [.. cells.Select(Compact)]) is { } both)
                _cells = [.. both];
            _justRead = false;
        }

        /// <summary>
        /// Whether the row being read comes after the header row and the row right under it: a cell continuing a merge
        /// there continues a body cell, not a header cell merged down over the header's two rows (序号, 完成时限).
        /// </summary>
        public bool InBody => _cells is not null && !_justRead;

        /// <summary>Whether a value merged down the column holds for each row it covers.</summary>
        public bool HoldsForEachRow(int column) => MergedCells.HoldsForEachRow(_cells?.ElementAtOrDefault(column));

    }

    [GeneratedRegex("单位|單位|部门|部門|时限|時限|时间|時間|期限")]
    private static partial Regex RowValueHeader();

    [GeneratedRegex("序号|序號|编号|編號|任务|任務|措施|事项|事項|内容|單位|单位|部门|部門|时限|時限|时间|時間|期限|进度|進度|备注|備註|[責责]任|牽頭|牵头|配合|協|协")]
    private static partial Regex HeaderWord();
}
