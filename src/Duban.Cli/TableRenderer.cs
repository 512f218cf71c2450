using System.Globalization;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace Duban.Cli;

/// <summary>Writes the readable summary of <c>duban parse --table</c>.</summary>
internal sealed class TableRenderer(IAnsiConsole console)
{
    /// <summary>Above this many, a plan's warnings are counted rather than all listed; the JSON has every one.</summary>
    private const int MaxListedWarnings = 10;

    public void Render(PlanSummary plan)
    {
        // Plain Text everywhere rather than markup: document text may contain [ ] that markup would misread.
        console.Write(new Rule(Markup.Escape(plan.Path)).LeftJustified());
        var header = new Grid().AddColumn(new GridColumn().NoWrap()).AddColumn();
        header.AddRow(new Text("标题"), new Text(plan.Title ?? "（未识别）"));
        header.AddRow(new Text("文号"), new Text(plan.DocNumber ?? "（未识别）"));
        header.AddRow(new Text("成文日期"), new Text(plan.IssueDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "（未识别）"));
        console.Write(header);

        if (plan.TaskLists.Count == 0) console.Write(new Text("未找到任务清单。\n"));
        foreach (var list in plan.TaskLists)
        {
            console.WriteLine();
            console.Write(new Text($"任务清单：{list.Name}（{list.Tasks.Count} 项）\n", new Style(decoration: Decoration.Bold)));
            console.Write(TaskTable(list));
        }

        RenderWarnings(plan);
        console.WriteLine();
    }

    /// <summary>The closing line of a run over several files.</summary>
    public void RenderTotals(int parsed, int withWarnings, int failed) =>
        console.Write(new Text($"共 {parsed + failed} 个文件：解析 {parsed} 个（其中 {withWarnings} 个有警告），失败 {failed} 个。\n"));

    private static Table TaskTable(TaskListSummary list)
    {
        var table = new Table()
            .AddColumn(new TableColumn("序号").RightAligned().NoWrap())
            .AddColumn(new TableColumn("任务"))
            .AddColumn(new TableColumn("牵头/责任单位"))
            .AddColumn(new TableColumn("配合单位"))
            .AddColumn(new TableColumn("完成时限"))
            .AddColumn(new TableColumn("警告").RightAligned().NoWrap())
            .Caption(new TableTitle($"{PlanSummary.PrimaryMark} 主责单位"));
        foreach (var task in list.Tasks)
        {
            table.AddRow(new IRenderable[]
            {
                new Text(task.No),
                new Text(task.Text),
                new Text(task.Leads),
                new Text(task.Cooperating),
                new Text(task.Deadline),
                new Text(task.Warnings == 0 ? "" : task.Warnings.ToString(CultureInfo.InvariantCulture)),
            });
        }
        return table;
    }

    private void RenderWarnings(PlanSummary plan)
    {
        if (plan.Warnings.Count == 0) return;
        console.Write(new Text($"警告 {plan.Warnings.Count} 条：\n", new Style(Color.Yellow)));
        foreach (var warning in plan.Warnings.Take(MaxListedWarnings))
        {
            console.Write(new Text($"  {warning.Code}  {warning.Message}\n"));
        }
        if (plan.Warnings.Count > MaxListedWarnings)
        {
            console.Write(new Text($"  …另有 {plan.Warnings.Count - MaxListedWarnings} 条，完整列表见 --json 输出。\n"));
        }
    }
}
