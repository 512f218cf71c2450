using Duban.Core.Tracking.Reporting;
using Duban.Data.Tracking;
using Duban.Web.Ledger;

namespace Duban.Web.Spreadsheets;

/// <summary>
/// The layout of the 填报模板 (docs/spreadsheets.md): two sheets, a hidden key in column A, read-only description
/// columns, then the fill-in columns. The import reads the same positions and checks the headers first.
/// </summary>
public static class TemplateLayout
{
    public const string ProgressSheet = "进展填报", IndicatorSheet = "指标填报";

    /// <summary>Zero-based positions of the columns the import reads.</summary>
    public const int KeyColumn = 0, StateColumn = 6, PercentColumn = 7, DoneColumn = 8, ProblemsColumn = 9, NextStepsColumn = 10;

    public const int ValueColumn = 6, NoteColumn = 7;

    /// <summary>The four states, as the list in the 状态 column shows them.</summary>
    public static readonly IReadOnlyList<(string Name, ProgressState State)> States =
    [
        ("未启动", ProgressState.NotStarted), ("推进中", ProgressState.InProgress), ("已完成", ProgressState.Completed), ("长期推进", ProgressState.Ongoing),
    ];

    public static string Name(ProgressState state) => States.Single(s => s.State == state).Name;

    public static readonly IReadOnlyList<XlsxColumn> ProgressColumns =
    [
        new("键", 10, Hidden: true), new("序号", 6), new("任务", 50), new("角色", 8), new("完成时限", 14), new("填报周期", 14),
        new("状态", 12, Editable: true, Validation: new XlsxValidation.OneOf(States.Select(s => s.Name).ToList(), "请从列表中选择：未启动、推进中、已完成或长期推进。")),
        new("完成百分比", 12, Editable: true, Validation: new XlsxValidation.WholeNumber(0, 100, "请填写 0 到 100 之间的整数；长期坚持的任务不填。")),
        new("工作进展", 40, Editable: true, Validation: new XlsxValidation.TextLength(ReportRevision.MaxTextLength, $"不超过 {ReportRevision.MaxTextLength} 个字。")),
        new("存在问题", 30, Editable: true, Validation: new XlsxValidation.TextLength(ReportRevision.MaxTextLength, $"不超过 {ReportRevision.MaxTextLength} 个字。")),
        new("下步打算", 30, Editable: true, Validation: new XlsxValidation.TextLength(ReportRevision.MaxTextLength, $"不超过 {ReportRevision.MaxTextLength} 个字。")),
    ];

    public static readonly IReadOnlyList<XlsxColumn> IndicatorColumns =
    [
        new("键", 10, Hidden: true), new("序号", 6), new("指标", 40), new("单位", 8), new("目标值", 12), new("填报周期", 14),
        new("本期数值", 12, Editable: true, Validation: new XlsxValidation.Number(0, ObservationReporting.MaxValue, "请填写不小于 0 的数，最多 4 位小数。")),
        new("说明", 40, Editable: true, Validation: new XlsxValidation.TextLength(ObservationRevision.MaxNoteLength, $"不超过 {ObservationRevision.MaxNoteLength} 个字。")),
    ];

    public static string ColumnName(string sheet, int column) =>
        (sheet == ProgressSheet ? ProgressColumns : IndicatorColumns) is var columns && column < columns.Count ? columns[column].Header : XlsxWorkbook.Reference(column, 1)[..^1];
}
