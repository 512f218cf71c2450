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
    public static bool HoldsForEachRow(string? header) => header is not null && header.Length <= 16 && RowValueHeader().IsMatch(header);

    /// <summary>A header row: at least two short cells naming task-table columns.</summary>
    public static bool IsHeaderRow(IReadOnlyList<string> cells) => cells.Count(c => c.Length <= 12 && HeaderWord().IsMatch(c)) >= 2;

    [GeneratedRegex("单位|單位|部门|部門|时限|時限|时间|時間|期限")]
    private static partial Regex RowValueHeader();

    [GeneratedRegex("序号|序號|编号|編號|任务|任務|措施|事项|事項|内容|單位|单位|部门|部門|时限|時限|时间|時間|期限|进度|進度|备注|備註|[責责]任|牽頭|牵头|配合|協|协")]
    private static partial Regex HeaderWord();
}
