using System.Globalization;

namespace Duban.Parsing.Input.Sheets;

/// <summary>
/// The cells and characters a workbook may still yield, whatever its format: a sheet's cells are held while it is
/// read, so these two numbers bound the memory (<see cref="InputLimits.MaxXlsxCells"/>, <see cref="InputLimits.MaxDocxTextCharacters"/>).
/// </summary>
/// <param name="label">The format as the user knows it, for messages: ".xlsx", ".xls", ".ods".</param>
/// <param name="tooLargeCode">The error code for this format: xlsx.tooLarge, xls.tooLarge, ods.tooLarge.</param>
internal sealed class CellBudget(InputLimits limits, string label, string tooLargeCode)
{
    private long _cells;
    private long _characters;

    public void SpendCell() => SpendCells(1);

    /// <summary>Spends <paramref name="count"/> cells at once (a cell repeated across columns or rows).</summary>
    public void SpendCells(long count)
    {
        _cells = count > limits.MaxXlsxCells ? long.MaxValue : _cells + count;
        if (_cells > limits.MaxXlsxCells)
            throw new PlanInputException(tooLargeCode, string.Create(CultureInfo.InvariantCulture,
                $"该 {label} 文件的单元格超过 {limits.MaxXlsxCells:N0} 个的上限，已停止读取。任务分工表通常只有几百个单元格：请确认选择的文件无误，或删去无关的工作表后再导入。"));
    }

    public void SpendText(long characters)
    {
        _characters = characters > limits.MaxDocxTextCharacters ? long.MaxValue : _characters + characters;
        if (_characters > limits.MaxDocxTextCharacters)
            throw new PlanInputException(tooLargeCode, string.Create(CultureInfo.InvariantCulture,
                $"该 {label} 文件的文字超过 {limits.MaxDocxTextCharacters:N0} 个字符的上限，已停止读取。请确认选择的文件无误。"));
    }
}
