namespace Duban.Parsing.Tests.Text;

/// <summary>
/// A 完成时限： line ends its field: the signature under the last task (发文机关署名, then the date) is not read as more of
/// the deadline, while a deadline wrapped mid-clause still continues.
/// </summary>
public class FieldLineEndTests
{
    private const string Head = """
        青禾市职业教育重点任务分工方案

        一、重点任务

        1.推进产教融合。建设市域产教联合体2个。
        牵头单位：市教育局
        配合单位：市发展改革委
        完成时限：2023年6月底前

        2.加强双师型教师队伍建设。双师型教师比例达到50%以上。
        牵头单位：市教育局

        """;

    [Fact]
    public void The_signature_after_the_last_deadline_is_not_part_of_it()
    {
        var doc = new PlanParser().ParseText(Head + "完成时限：2024年12月底前\n青禾市教育局\n2023年3月1日\n");
        var last = doc.TaskLists.Single().Tasks[^1];
        last.Deadline.ShouldNotBeNull().Raw.ShouldBe("2024年12月底前");
        last.Deadline.Due.ShouldBe(new DateOnly(2024, 12, 31));
    }

    [Fact]
    public void A_deadline_wrapped_after_a_comma_still_continues()
    {
        var doc = new PlanParser().ParseText(Head + "完成时限：2024年6月底前启动，\n2025年底前全面完成\n");
        doc.TaskLists.Single().Tasks[^1].Deadline.ShouldNotBeNull().Raw.ShouldContain("2025年底前全面完成");
    }
}
