using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/governing-bodies.txt: a short task list, a leading group and a joint meeting set up in prose (召集人,
/// 每季度召开一次, 办公室设在…), and an annex listing the leading group's members, two-character names padded to align.
/// </summary>
public sealed class GoverningBodiesSample : SampleTest
{
    protected override string FileName => "governing-bodies.txt";

    protected override string ExpectedTitle => "云岭县职业教育改革发展三年行动方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "建设县级职教中心。", "县教育和体育局; 县发展和改革局", "2023年12月底前", "due=2023-12-31"),
            T("2", "开展新型职业农民培训。", "县农业农村局; 县教育和体育局", "长期坚持", "ongoing"),
            T("3", "落实职业教育经费保障。", "县财政局", "2022年起实施", "start=2022-01-01 ongoing")),
    ];

    private GoverningBody LeadingGroup => Doc.Bodies.Single(b => b.Kind == GoverningBodyKind.LeadingGroup);

    private GoverningBody JointMeeting => Doc.Bodies.Single(b => b.Kind == GoverningBodyKind.JointMeeting);

    [Fact]
    public void Leading_group()
    {
        LeadingGroup.Name.ShouldBe("云岭县职业教育改革发展工作领导小组");
        LeadingGroup.Office.ShouldBe("县教育和体育局");
    }

    [Fact]
    public void Leading_group_members_are_the_annex_list()
    {
        // The list names every member once; "由县长任组长，分管副县长任副组长" in the text adds no one.
        LeadingGroup.Members.Select(m => $"{m.Role} {m.Person} {m.Title}").ShouldBe(
        [
            "Chair 张明远 县委副书记、县长",
            "ViceChair 李静 县政府副县长",
            "Member 王立新 县政府办公室主任",
            "Member 赵峰 县教育和体育局局长",
            "Member 陈海燕 县发展和改革局局长",
            "Member 刘建国 县财政局局长",
            "Member 孙伟 县人力资源和社会保障局局长",
        ]);
        LeadingGroup.Members.Select(m => m.Unit).ShouldBe(
            [null, "县政府", "县政府办公室", "县教育和体育局", "县发展和改革局", "县财政局", "县人力资源和社会保障局"]);
    }

    [Fact]
    public void Joint_meeting()
    {
        JointMeeting.Name.ShouldBe("云岭县职业教育工作联席会议");
        JointMeeting.Cadence.ShouldNotBeNull();
        JointMeeting.Cadence.TimesPerYear.ShouldBe(4m);
        JointMeeting.Cadence.AtLeast.ShouldBeFalse();
        At(Doc.Text, JointMeeting.Cadence.Span).ShouldBe("每季度召开一次");
    }

    [Fact]
    public void Joint_meeting_convener()
    {
        var convener = JointMeeting.Members.Where(m => m.Role == MemberRole.Convener).ShouldHaveSingleItem();
        convener.Person.ShouldBeNull();
        convener.Title.ShouldBe("县政府分管教育工作的副县长");
    }

    [Fact]
    public void Joint_meeting_member_units_named_in_prose()
    {
        // "…，县教育和体育局、发展和改革局、财政局、人力资源和社会保障局、农业农村局为成员单位": the dropped 县 restored.
        JointMeeting.Members.Where(m => m.Role == MemberRole.Member).Select(m => m.Unit).ShouldBe(
            ["县教育和体育局", "县发展和改革局", "县财政局", "县人力资源和社会保障局", "县农业农村局"]);
    }

    [Fact]
    public void The_annex_is_not_a_task_list()
    {
        Doc.TaskLists.ShouldAllBe(l => l.Location == TaskListLocation.Body);
        Doc.OtherLists.ShouldBeEmpty();
    }
}
