namespace Duban.Cli.Tests.Support;

/// <summary>Small plan texts with known parse results.</summary>
internal static class SamplePlans
{
    public const string Title = "某某市教育局关于加强学校管理的实施方案";
    public const string DocNumber = "某教发〔2022〕5号";

    /// <summary>Three tasks, each with a responsible unit and a deadline (2022年底 → 2022-12-31).</summary>
    public const string WithDeadlines = $"""
        {Title}
        {DocNumber}
        一、重点任务
        1.加强师资队伍建设。（责任单位：市教育局；完成时限：2022年底）
        2.改善办学条件。（责任单位：市教育局；完成时限：2022年底）
        3.完善评价机制。（责任单位：市教育局；完成时限：2022年底）

        """;

    /// <summary>
    /// Three tasks with lead and cooperating units but no deadlines, an issue date, and nothing to warn about
    /// (whatever the deadline reader can or cannot read yet).
    /// </summary>
    public static string Clean(string title = Title) => $"""
        {title}
        {DocNumber}
        一、重点任务
        1.加强师资队伍建设。（牵头单位：市教育局；配合单位：市财政局、市人社局）
        2.改善办学条件。（责任单位：市财政局、市教育局）
        3.落实[2022]1号文件要求。（责任单位：市人社局）

        某某市教育局
        2022年3月1日

        """;

    /// <summary>A notice with no task list at all: parses with the warning document.noTaskList.</summary>
    public const string WithoutTaskList = """
        关于做好某项工作的通知
        各单位要高度重视，认真抓好落实。

        """;
}
