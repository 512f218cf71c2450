namespace Duban.Core.Plans;

/// <summary>
/// Where a task list's tasks come from (glossary: <c>TaskList.Source</c>). A plan document's lists are
/// <see cref="Document"/>; the others are 交办事项, entered by hand the way 督办 offices receive them, and tracked,
/// reported, escalated and counted exactly like a document's tasks.
/// </summary>
public enum TaskListSource
{
    /// <summary>Read from the plan document (the default).</summary>
    Document = 0,
    /// <summary>领导批示交办: a leader's written instruction assigns the work.</summary>
    Instruction = 1,
    /// <summary>会议议定事项: a meeting decided it (常务会议, 专题会议, 联席会议).</summary>
    MeetingDecision = 2,
    /// <summary>上级交办: an upper-level government or office assigned it.</summary>
    UpperAssignment = 3,
    /// <summary>年度重点工作: the year's priority work list.</summary>
    AnnualPriority = 4,
}

public static class TaskListSources
{
    public static string Label(this TaskListSource source) => source switch
    {
        TaskListSource.Document => "计划文件",
        TaskListSource.Instruction => "领导批示交办",
        TaskListSource.MeetingDecision => "会议议定事项",
        TaskListSource.UpperAssignment => "上级交办",
        TaskListSource.AnnualPriority => "年度重点工作",
        _ => source.ToString(),
    };

    /// <summary>What the instructor field is called for the source (批示领导, 会议主持人或召集单位, 交办单位).</summary>
    public static string InstructorLabel(this TaskListSource source) => source switch
    {
        TaskListSource.Instruction => "批示领导",
        TaskListSource.MeetingDecision => "会议（主持人或召集单位）",
        TaskListSource.UpperAssignment => "交办单位",
        TaskListSource.AnnualPriority => "部署单位",
        _ => "来源",
    };

    /// <summary>The sources of 交办事项, in the order forms offer them.</summary>
    public static IReadOnlyList<TaskListSource> Assigned { get; } =
        [TaskListSource.Instruction, TaskListSource.MeetingDecision, TaskListSource.UpperAssignment, TaskListSource.AnnualPriority];

    /// <summary>Reads the API's camel-case name (instruction, meetingDecision, upperAssignment, annualPriority, document).</summary>
    public static TaskListSource? Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || int.TryParse(text, out _)) return null;
        return Enum.TryParse<TaskListSource>(text.Trim(), ignoreCase: true, out var source) && Enum.IsDefined(source) ? source : null;
    }
}
