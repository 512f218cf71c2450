using Duban.Parsing.Model;
using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/short-field-labels.txt: the deadline labelled with the bare 时间： (as county 工作要点 often write it), after a
/// semicolon or a comma (a yearly deadline falls first in the year of the document's date); 时间： inside the task's own text (比赛时间：每年10月) is part of the text, not a field.
/// </summary>
public sealed class ShortFieldLabelsSample : SampleTest
{
    protected override string FileName => "short-field-labels.txt";

    protected override string ExpectedTitle => "云岭县2025年职业教育工作要点";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, null,
            T("1", "实施县职业中学实训楼改扩建工程", "县教育和体育局; 县发展和改革局", "2025年10月底前", "due=2025-10-31"),
            T("2", "完善县职业中学专业设置", "县教育和体育局 | 县工业和信息化局", "2025年9月", "due=2025-09-30"),
            T("3", "举办全县职业技能大赛", "县人力资源和社会保障局", "每年12月底前", "due=2025-12-31 ongoing yearly"),
            T("4", "开展高素质农民培育", "县农业农村局", "长期坚持", "ongoing")),
    ];

    [Fact]
    public void A_time_label_inside_the_task_text_stays_text()
    {
        Doc.TaskLists[0].Tasks[2].Text.ShouldBe("举办全县职业技能大赛，比赛时间：每年10月，设农业、制造、服务三个赛区。");
    }
}
