using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Structure;

/// <summary>
/// A numbered list whose numbers run on from one top-level heading into the next is one list (its numbering says so);
/// its name must not make the later tasks read as part of the first heading (docs/parsing-rules.md, "Task lists").
/// </summary>
public class ListNamingTests
{
    [Fact]
    public void A_list_running_across_topical_headings_takes_the_plain_name_and_keeps_each_tasks_section()
    {
        var doc = new PlanParser().ParseText("""
            青禾市推进职业教育改革重点任务分工方案

            一、加强基础能力建设
            1. 改善办学条件。推进中职学校达标工程建设。（牵头单位：市教育局；配合单位：市财政局）完成时限：2024年底前
            2. 建设实训基地。建成市级公共实训基地2个。（牵头单位：市人力资源社会保障局）完成时限：2025年6月前
            二、深化产教融合
            3. 培育产教融合型企业。遴选一批产教融合型企业。（牵头单位：市发展改革委；配合单位：市教育局）完成时限：2024年12月
            4. 推进校企合作。每所中职学校至少与3家企业合作。（牵头单位：市教育局）完成时限：长期坚持
            """);

        var list = doc.TaskLists.ShouldHaveSingleItem();
        list.Name.ShouldBe("任务清单");
        list.Tasks.Select(t => t.No).ShouldBe(["1", "2", "3", "4"]);
        list.Tasks.Select(t => t.SectionPath[0]).ShouldBe(["一、加强基础能力建设", "一、加强基础能力建设", "二、深化产教融合", "二、深化产教融合"]);
    }

    [Fact]
    public void A_list_whose_first_heading_names_the_work_keeps_that_name_when_it_runs_on()
    {
        var doc = new PlanParser().ParseText("""
            云岭县职业教育提质培优实施方案

            一、主要任务
            1. 优化专业布局。调整中职专业设置。（牵头单位：县教育局）完成时限：2024年底前
            2. 建设实训基地。建成县级实训基地1个。（牵头单位：县人力资源社会保障局）完成时限：2025年6月前
            二、保障措施
            3. 加大经费投入。落实生均拨款制度。（牵头单位：县财政局；配合单位：县教育局）完成时限：长期坚持
            """);

        var list = doc.TaskLists.ShouldHaveSingleItem();
        list.Name.ShouldBe("主要任务");
        list.Tasks.Count.ShouldBe(3);
        list.Tasks[2].SectionPath[0].ShouldBe("二、保障措施");
    }

    [Fact]
    public void A_list_inside_one_heading_is_named_by_it()
    {
        var doc = new PlanParser().ParseText("""
            西岭市职业教育工作要点

            一、总体要求
            坚持服务发展、促进就业。
            二、深化产教融合
            1. 培育产教融合型企业。（牵头单位：市发展改革委）完成时限：2024年12月
            2. 推进校企合作。（牵头单位：市教育局）完成时限：长期坚持
            """);

        doc.TaskLists.ShouldHaveSingleItem().Name.ShouldBe("深化产教融合");
    }
}
