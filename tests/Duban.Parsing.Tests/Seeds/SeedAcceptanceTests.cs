using Duban.Parsing.Model;
using Duban.Parsing.Tests.Support;

namespace Duban.Parsing.Tests.Seeds;

/// <summary>The acceptance figures of the product spec for the five seed documents, stated directly.</summary>
public sealed class SeedAcceptanceTests
{
    [SeedFact]
    public void Pingliang_has_one_annex_task_list_of_20_and_the_body_measures_are_not_tasks()
    {
        var doc = SeedCorpus.Parse("000");
        doc.TaskLists.Count.ShouldBe(1);
        doc.TaskLists[0].Name.ShouldBe("工作任务和年度绩效清单");
        doc.TaskLists[0].Location.ShouldBe(TaskListLocation.Annex);
        doc.TaskLists[0].Tasks.Select(t => t.No).ShouldBe(Enumerable.Range(1, 20).Select(n => n.ToString()));
        doc.Bodies.Select(b => b.Kind).ShouldBe([GoverningBodyKind.LeadingGroup, GoverningBodyKind.JointMeeting]);
        var jointMeeting = doc.Bodies.Single(b => b.Kind == GoverningBodyKind.JointMeeting);
        jointMeeting.Cadence.ShouldNotBeNull().TimesPerYear.ShouldBe(2m);
        jointMeeting.Members.ShouldContain(m => m.Person == "王奋彦" && m.Role == MemberRole.ChiefConvener);
        doc.Bodies.Single(b => b.Kind == GoverningBodyKind.LeadingGroup).Members.ShouldContain(m => m.Person == "王奋彦" && m.Role == MemberRole.Chair);
    }

    [SeedFact]
    public void Qingyang_has_a_pipe_table_of_20_tasks_and_an_other_list_of_7()
    {
        var doc = SeedCorpus.Parse("001");
        doc.TaskLists.Count.ShouldBe(1);
        doc.TaskLists[0].Name.ShouldBe("庆阳市工作任务清单");
        doc.TaskLists[0].Layout.ShouldBe(TaskListLayout.Table);
        doc.TaskLists[0].Tasks.Count.ShouldBe(20);
        doc.OtherLists.Count.ShouldBe(1);
        doc.OtherLists[0].Items.Count.ShouldBe(7);
    }

    [SeedFact]
    public void Zhongwei_has_25_body_tasks_each_with_lead_units_and_a_deadline()
    {
        var doc = SeedCorpus.Parse("002");
        doc.TaskLists.Count.ShouldBe(1);
        var tasks = doc.TaskLists[0].Tasks;
        tasks.Count.ShouldBe(25);
        tasks.ShouldAllBe(t => t.Units.Any(u => u.Role == UnitRole.Lead && u.Primary) && t.Deadline != null && t.Deadline.Understood);
        tasks.Count(t => t.Units.Any(u => u.Role == UnitRole.Cooperating)).ShouldBeGreaterThan(12);
    }

    [SeedFact]
    public void Pingyin_has_18_inline_tasks_without_deadlines_and_17_table_tasks_with_targets()
    {
        var doc = SeedCorpus.Parse("003");
        doc.TaskLists.Count.ShouldBe(2);
        doc.TaskLists[0].Tasks.Count.ShouldBe(18);
        doc.TaskLists[0].Tasks.ShouldAllBe(t => t.Deadline == null && t.Units.Count > 0);
        doc.TaskLists[1].Tasks.Count.ShouldBe(17);
        doc.TaskLists[1].Tasks.ShouldAllBe(t => t.Deadline != null && t.Deadline.Due != null);
    }

    [SeedFact]
    public void Anyang_has_33_table_tasks_in_7_groups()
    {
        var doc = SeedCorpus.Parse("004");
        doc.TaskLists.Count.ShouldBe(1);
        var tasks = doc.TaskLists[0].Tasks;
        tasks.Count.ShouldBe(33);
        tasks.Select(t => t.SectionPath.Single()).Distinct().Count().ShouldBe(7);
    }
}
