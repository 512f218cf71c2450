using Duban.Parsing.Model;
using Duban.Parsing.Structure;
using Duban.Parsing.Text;

namespace Duban.Parsing.Tasks;

/// <summary>
/// Finds task lists written as numbered paragraphs. A list is a run of items of one numbering style in one part of the
/// document (the main text or one annex) whose numbers go up by one, possibly restarting at 1 under each heading; it is
/// a task list when at least half of its items name responsible units.
/// </summary>
internal static class ParagraphTaskLists
{
    public static (List<TaskList> TaskLists, List<OtherList> OtherLists) Read(
        ParseContext context, IReadOnlyList<Block> blocks, Outline outline, List<NumberedItem> items)
    {
        items = UnitHeadings.Apply(items);
        // A heading with numbered items under it groups tasks; without units of its own it is not one.
        var parents = new HashSet<OutlineNode>(items.Select(i => i.Node.Parent).OfType<OutlineNode>());
        // A run-in title holding a comma (（一）规范审批事项管理，提升行政效能。…) reads like a numbered sentence; with tasks
        // numbered under it, it is their heading and stands in their section path like any （一）加强组织领导。.
        var headingTasks = new HashSet<OutlineNode>(items.Where(i => i.Fields.HasUnits).Select(i => i.Node.Parent).OfType<OutlineNode>());
        foreach (var item in items)
            if (item.Node.IsRunInTitle && !item.Node.IsHeading && !item.Fields.HasUnits && headingTasks.Contains(item.Node))
                item.Node.IsHeading = true;
        // Under 保障措施 (组织实施, 工作要求) an item without units is a heading of the plan's closing part, not a task
        // (（一）加强组织领导。…); an item there that names units (（三）加强督查考核。…（市政府督查室负责）) is one.
        bool IsGroup(NumberedItem item) =>
            !item.Fields.HasUnits && (parents.Contains(item.Node) || item.Annex is null && IsSafeguards(TopHeading(item.Node)));
        bool IsTaskRun(List<NumberedItem> run)
        {
            // Units read from prose (a 会同 subject) count towards the half, once an item of the run names its units in a
            // field or a clause: alone they never make a run a task list (区教育局会同有关部门加强督促检查 under 三、强化保障措施).
            var withUnits = run.Count(i => !IsGroup(i) && i.Fields.NamesUnits);
            return run.Any(i => i.Fields.HasUnits) && withUnits * 2 >= run.Count(i => !IsGroup(i));
        }

        var runs = SplitIntoRuns(items);
        var taskRuns = MergeRestarts(AttachDecimalChildren(runs.Where(IsTaskRun).ToList()));
        var taskLists = new List<TaskList>();
        foreach (var run in taskRuns)
        {
            var tasks = new List<PlanTask>();
            var taskItems = new List<NumberedItem>();
            for (var k = 0; k < run.Count; k++)
            {
                var item = run[k];
                if (IsGroup(item)) continue;
                item.Node.IsListItem = true;
                var isLastOfDocument = k == run.Count - 1 && item.LastBlock == blocks.Count - 1;
                // An excerpt cut inside the unit clause (…（责任单位：县发展改革委、工业和信息化) has units, but not all of
                // them, and the last one cut in two: the task is as cut off as one without units.
                if (isLastOfDocument && item.EndsOpen && item.Fields.HasUnits && EndsInsideBracket(blocks[item.LastBlock]))
                {
                    context.Warn(WarningCodes.TruncatedTask,
                        $"第{item.Node.NumberText}项任务在文末被截断（责任单位未写完），已舍弃。", item.Span);
                    continue;
                }
                if (!item.Fields.NamesUnits)
                {
                    if (isLastOfDocument && item.EndsOpen)
                    {
                        context.Warn(WarningCodes.TruncatedTask,
                            $"第{item.Node.NumberText}项任务在文末被截断，未写明责任单位，已舍弃。", item.Span);
                        continue;
                    }
                    context.Warn(WarningCodes.TaskWithoutUnits, $"第{item.Node.NumberText}项任务未写明责任单位。", item.Span);
                }
                tasks.Add(TaskBuilder.Build(context, item.Node.NumberText, outline.HeadingPath(item.FirstBlock),
                    item.Fields, fromTable: false, item.Span));
                taskItems.Add(item);
            }
            if (tasks.Count == 0) continue;
            taskLists.Add(new TaskList
            {
                Name = ListName(taskItems),
                Location = run[0].Annex is null ? TaskListLocation.Body : TaskListLocation.Annex,
                Layout = TaskListLayout.Paragraphs,
                Span = SourceSpan.Cover(run[0].Span, run[^1].Span),
                Tasks = tasks,
            });
        }

        foreach (var item in items.Where(i => i.Fields.HasUnits && !i.Node.IsListItem))
            context.Warn(WarningCodes.UnitsOutsideList,
                $"编号段落“{item.Node.Marker}”写明了责任单位，但不在任何任务清单中，请核对。", item.Span);

        var otherLists = runs
            .Where(r => !IsTaskRun(r) && r[0].Annex is not null && r.Count >= 2
                        && r[0].Node.Style is MarkerStyle.Arabic or MarkerStyle.ParenArabic or MarkerStyle.Decimal)
            .Select(r =>
            {
                foreach (var item in r) item.Node.IsListItem = true;
                return new OtherList
                {
                    Name = ListName(r),
                    Span = SourceSpan.Cover(r[0].Span, r[^1].Span),
                    Items = r.Select(i => new ListItem(i.Node.NumberText, TitleText.Clean(i.Fields.Text.Value), i.Span)).ToList(),
                };
            })
            .ToList();
        return (taskLists, otherLists);
    }

    /// <summary>The paragraph's last bracket is opened and never closed.</summary>
    private static bool EndsInsideBracket(Block block)
    {
        if (block is not ParagraphBlock p) return false;
        var open = p.Folded.AsSpan().LastIndexOfAny("（(【[");
        return open >= 0 && p.Folded.AsSpan(open).IndexOfAny("）)】]") < 0;
    }

    private static List<List<NumberedItem>> SplitIntoRuns(List<NumberedItem> items)
    {
        var runs = new List<List<NumberedItem>>();
        // Decimal numbers of each depth are a style of their own: 2.1 2.2 is one run, 2.1.1 2.1.2 another.
        var open = new Dictionary<(OutlineNode?, MarkerStyle, int), List<NumberedItem>>();
        foreach (var item in items)
        {
            var key = (item.Annex, item.Node.Style, item.Node.Rank);
            if (open.TryGetValue(key, out var run) && item.Node.Number == run[^1].Node.Number + 1 && SamePrefix(item.Node, run[^1].Node))
            {
                run.Add(item);
                continue;
            }
            run = [item];
            runs.Add(run);
            open[key] = run;
        }
        runs.Sort((a, b) => a[0].FirstBlock.CompareTo(b[0].FirstBlock));
        return runs;
    }

    /// <summary>
    /// Tasks one decimal level down (2.3.1 2.3.2 under a grouping 2.3, beside tasks 2.1 2.2) are tasks of the list their
    /// parent stands in, in the order written: a task run of decimal numbers whose parent is an item of another task
    /// run joins that run. (Runs that are no task list on their own stay apart, so a heading list 1.1 指导思想 1.2 建设目标
    /// does not turn into tasks because its 1.2.1 … are.)
    /// </summary>
    private static List<List<NumberedItem>> AttachDecimalChildren(List<List<NumberedItem>> taskRuns)
    {
        var runOf = new Dictionary<OutlineNode, List<NumberedItem>>();
        foreach (var run in taskRuns)
            foreach (var item in run) runOf[item.Node] = run;
        var result = new List<List<NumberedItem>>(taskRuns.Count);
        foreach (var run in taskRuns)
        {
            if (run[0].Node is { Style: MarkerStyle.Decimal, Parent: { Style: MarkerStyle.Decimal } parent }
                && runOf.TryGetValue(parent, out var host) && host != run && host[0].Annex == run[0].Annex)
            {
                host.AddRange(run);
                host.Sort((a, b) => a.FirstBlock.CompareTo(b.FirstBlock));
                foreach (var item in run) runOf[item.Node] = host;
                continue;
            }
            result.Add(run);
        }
        return result;
    }

    /// <summary>Decimal numbers follow each other within one parent number (1.2 after 1.1, not after 2.1).</summary>
    private static bool SamePrefix(OutlineNode a, OutlineNode b) => Prefix(a) == Prefix(b);

    private static string? Prefix(OutlineNode node) => node.Path?[..node.Path.LastIndexOf('.')];

    /// <summary>
    /// Task runs that restart at 1 under the next heading continue the list before them; so do decimal numbers that
    /// restart under the next parent number (2.1 after 1.3), whether or not 1. and 2. stand as headings of their own.
    /// </summary>
    private static List<List<NumberedItem>> MergeRestarts(List<List<NumberedItem>> runs)
    {
        var merged = new List<List<NumberedItem>>();
        foreach (var run in runs)
        {
            if (merged.Count > 0 && run[0].Node.Number == 1 && merged[^1][0].Annex == run[0].Annex
                && merged[^1][0].Node.Style == run[0].Node.Style && merged[^1][0].Node.Rank == run[0].Node.Rank
                && (merged[^1][0].Node.Parent != run[0].Node.Parent || !SamePrefix(merged[^1][^1].Node, run[0].Node)))
            {
                merged[^1].AddRange(run);
                continue;
            }
            merged.Add([.. run]);
        }
        return merged;
    }

    /// <summary>
    /// A list is named by its annex's title, or by the top-level heading its items stand under. Numbering that runs on
    /// under the next top-level heading (一、 holds 1–2, 二、 holds 3–4) keeps one list; it is named after the first of
    /// its headings that names the work (三、重点任务及分工, whose numbers run into 四、保障措施), and a list whose
    /// headings are all topics of the work (一、加强基础能力建设, 二、深化产教融合) takes the plain name: the first
    /// topic would misname the tasks under the others.
    /// </summary>
    public static string ListName(IReadOnlyList<NumberedItem> items)
    {
        if (items[0].Annex is { } annex) return annex.Title.Length > 0 ? annex.Title : annex.Marker;
        var tops = items.Select(i => TopHeading(i.Node)).Distinct().ToList();
        if (tops.Count == 1) return tops[0]?.Title ?? PlainName;
        return tops.FirstOrDefault(t => t is not null && NamesTaskList(t.Title))?.Title ?? PlainName;
    }

    private const string PlainName = TaskList.PlainName;

    /// <summary>The closing part of a plan (GB/T 9704 plans end so): 保障措施, 组织保障, 组织实施, 工作要求, 实施保障.</summary>
    /// A topic of the work that ends in 保障 (强化数据安全保障) is not one: only the closing part's own names count.
    private static bool IsSafeguards(OutlineNode? top) =>
        top is not null && top.Title.Length <= 12 && !NamesTaskList(top.Title)
        && SafeguardTitles.Any(t => top.Title.TrimEnd('。').EndsWith(t, StringComparison.Ordinal));

    private static readonly string[] SafeguardTitles =
        ["保障措施", "保障机制", "组织保障", "工作保障", "实施保障", "组织实施", "工作要求", "实施要求", "有关要求"];

    private static OutlineNode? TopHeading(OutlineNode node)
    {
        OutlineNode? top = null;
        for (var n = node.Parent; n is not null; n = n.Parent)
            if (n.Kind == SectionKind.Heading) top = n;
        return top;
    }

    /// <summary>重点任务、主要任务及分工、工作重点、重点工作：a heading that names the work, not one topic of it.</summary>
    private static bool NamesTaskList(string title) =>
        title.Contains("任务") || title.Contains("工作重点") || title.Contains("重点工作") || title.Contains("重点举措")
        || title.Contains("主要举措");
}
