using static Duban.Parsing.Model.TaskListLayout;
using static Duban.Parsing.Model.TaskListLocation;

namespace Duban.Parsing.Tests.Samples;

/// <summary>
/// samples/radical-code-points.txt: a notice and plan as text copied from a PDF whose fonts map shared glyphs to radical
/// code points — ⼀、 ⼯作⽅案 ⼈⺠政府 3⽉18⽇ 各部⻔ — everywhere: headings, labels, units, dates. It reads as the same
/// text written with ordinary characters.
/// </summary>
public sealed class RadicalCodePointsSample : SampleTest
{
    protected override string FileName => "radical-code-points.txt";

    protected override string ExpectedTitle => "云岭县推进职业教育产教融合工作方案";

    protected override IReadOnlyList<ExpectedList> ExpectedLists =>
    [
        List(Paragraphs, Body, "重点任务",
            T("1", "围绕县域主导产业调整专业设置，新增新能源汽车、电子商务等专业不少于3个。", "县教育局 | 县发展和改革局; 县工业和信息化局", "2025年9月底前", "due=2025-09-30"),
            T("2", "建立专业设置动态调整机制，每年发布一次人才需求报告。", "县人力资源和社会保障局 | 县教育局", "每年12月底前", "due=2025-12-31 ongoing yearly"),
            T("3", "支持规模以上工业企业与县职教中心共建生产性实训基地，落实企业参与办学的金融、用地、税收支持政策。", "县工业和信息化局 | 县财政局; 县自然资源局; 县税务局", "2026年6月底前", "due=2026-06-30"),
            T("4", "推行现代学徒制，全年培训学徒200人以上。", "县人力资源和社会保障局 | 县教育局; 县总工会", "2025年12月底前", "due=2025-12-31"),
            T("5", "完善专业教师到企业实践制度，专业教师每年到企业实践时间累计不少于1个月。", "县教育局 | 县人力资源和社会保障局", "长期坚持", "ongoing"),
            T("6", "面向行业企业公开招聘兼职教师，建立兼职教师资源库。", "县教育局 | 县委编办; 县财政局", "2025年10月底前", "due=2025-10-31")),
    ];

    [Fact]
    public void The_notice_reads_with_ordinary_characters()
    {
        Doc.DocNumber.ShouldBe("云政办发〔2025〕12号");
        Doc.IssueDate.ShouldBe(new DateOnly(2025, 3, 18));
        Doc.NoticeTitle.ShouldBe("云岭县人民政府办公室关于印发《云岭县推进职业教育产教融合工作方案》的通知");
        Doc.Text.ShouldNotContain("\u2EA0"); // ⺠
        Doc.Text.ShouldContain("各乡镇人民政府，县直各部门：");
    }

    [Fact]
    public void Headings_written_with_radicals_are_headings() =>
        AllTasks.First().SectionPath.ShouldBe(["二、重点任务", "（一）优化专业布局"]);
}
