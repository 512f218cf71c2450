namespace Duban.Data.TaskEditing;

/// <summary>
/// The audit actions of editing tasks by hand after import (docs/supervision.md, "Correcting tasks"). Each entry names
/// the task (entity <c>PlanTask</c>) or, for a new plan, the plan (entity <c>Plan</c>), with the record before and
/// after, and is saved in the same transaction as the edit.
/// </summary>
public static class TaskEditingAuditActions
{
    public const string Edit = "task.edit";
    public const string Assign = "task.assign";
    public const string Reassign = "task.reassign";
    public const string Unassign = "task.unassign";
    public const string Create = "task.create";
    public const string Retire = "task.retire";
    public const string Split = "task.split";
    public const string Merge = "task.merge";
    public const string PlanCreate = "plan.create";

    public static IReadOnlyList<string> All { get; } = [Edit, Assign, Reassign, Unassign, Create, Retire, Split, Merge, PlanCreate];

    public static string? Describe(string action) => action switch
    {
        Edit => "修改任务（文字、编号、时限、指标）",
        Assign => "添加任务责任单位",
        Reassign => "修改任务责任单位的角色",
        Unassign => "移除任务责任单位",
        Create => "人工添加任务",
        Retire => "退役任务",
        Split => "拆分任务",
        Merge => "合并任务",
        PlanCreate => "新建计划（交办事项，无文件）",
        _ => null,
    };
}
