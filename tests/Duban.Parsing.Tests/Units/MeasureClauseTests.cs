using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Units;

/// <summary>
/// A task whose measures each close with their own unit clause (一是…（X牵头，Y配合）；二是…（Z牵头）) names the units of
/// all of them, each role decided within its own clause, each unit once (docs/parsing-rules.md, "Responsible units").
/// </summary>
public class MeasureClauseTests
{
    private static PlanTask OnlyTask(string body) =>
        new PlanParser().ParseText("南浦市职业教育改革重点任务分工方案\n\n" + body).TaskLists.ShouldHaveSingleItem().Tasks.ShouldHaveSingleItem();

    private static string[] Units(PlanTask task) => task.Units.Select(u => $"{u.Name}:{(u.Role == UnitRole.Lead ? "牵头" : "配合")}").ToArray();

    [Fact]
    public void Every_measures_clause_names_its_units()
    {
        var task = OnlyTask("""
            （三）深化产教融合。一是培育产教融合型企业，到2025年认定市级产教融合型企业30家（市发展改革委牵头，市教育局、市工业和信息化局配合）；二是建设市域产教联合体（市教育局牵头，市人力资源社会保障局配合）；三是推行现代学徒制，每年培养学徒500人以上（市人力资源社会保障局负责）。
            """);

        Units(task).ShouldBe(["市发展改革委:牵头", "市教育局:牵头", "市工业和信息化局:配合", "市人力资源社会保障局:牵头"]);
        task.Text.ShouldNotContain("牵头");
        task.Text.ShouldContain("三是推行现代学徒制");
        task.Units.Count(u => u.Primary).ShouldBe(1);
        task.Units[0].Primary.ShouldBeTrue();
    }

    [Fact]
    public void Sentences_each_closing_with_their_units_name_them_all()
    {
        var task = OnlyTask("""
            （二）完善办学条件保障机制。完善中职学校生均拨款制度（市财政局负责）。建设市级公共实训基地（市人力资源社会保障局负责）。
            """);

        Units(task).ShouldBe(["市财政局:牵头", "市人力资源社会保障局:牵头"]);
        task.Text.ShouldBe("完善办学条件保障机制。完善中职学校生均拨款制度。建设市级公共实训基地");
    }

    [Fact]
    public void A_bracket_inside_a_sentence_stays_text()
    {
        var task = OnlyTask("""
            1.支持每个县办好一所中等职业学校（含技工学校），推进市委教育工委（市教育局）统筹，完善布局。（市教育局牵头，市人力资源社会保障局配合）
            """);

        Units(task).ShouldBe(["市教育局:牵头", "市人力资源社会保障局:配合"]);
        task.Text.ShouldContain("（含技工学校）");
        task.Text.ShouldContain("（市教育局）");
    }

    [Fact]
    public void A_unit_named_by_two_labelled_measures_is_one_unit_leading_if_it_leads_anywhere()
    {
        var task = OnlyTask("""
            1.推进产教融合。一是组建产教联合体（牵头单位：市教育局；配合单位：市财政局）；二是建设共享实训基地（牵头单位：市财政局；配合单位：市教育局）。
            """);

        Units(task).ShouldBe(["市教育局:牵头", "市财政局:牵头"]);
    }
}
