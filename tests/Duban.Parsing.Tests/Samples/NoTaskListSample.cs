using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Samples;

/// <summary>samples/no-task-list.txt: headings and prose with numbered measures, none of them naming a unit.</summary>
public sealed class NoTaskListSample : SampleTest
{
    protected override string FileName => "no-task-list.txt";

    protected override string ExpectedTitle => "云岭县关于加强职业院校学生实习管理的实施意见";

    protected override IReadOnlyList<ExpectedList> ExpectedLists => [];

    protected override IReadOnlyList<string> ExpectedWarningCodes => [WarningCodes.NoTaskList];

    [Fact]
    public void The_outline_is_read()
    {
        Doc.Sections.Select(s => s.Title).ShouldBe(["总体要求", "主要措施", "保障措施"]);
        var measures = Doc.Sections[1].Children;
        measures.Select(s => s.Title).ShouldBe(["规范实习组织", "加强实习过程管理"]);
        measures[0].Children.Select(s => s.Title).ShouldBe(["严格实习单位遴选", "签订三方实习协议", "合理安排实习时间"]);
        measures[1].Children.Select(s => s.Title).ShouldBe(["落实双导师制度", "建立实习巡查制度"]);
    }

    [Fact]
    public void Nothing_else_is_taken_for_a_list()
    {
        Doc.OtherLists.ShouldBeEmpty();
        Doc.Bodies.ShouldBeEmpty();
    }
}
