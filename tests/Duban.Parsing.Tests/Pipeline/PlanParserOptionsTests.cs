using Duban.Parsing.Units;

namespace Duban.Parsing.Tests.Pipeline;

/// <summary>The caller extends the built-in alias table, and the parser's canonical names follow.</summary>
public sealed class PlanParserOptionsTests
{
    private const string Plan = "1. 建设实训基地。（责任单位：青禾职院、市教育局；完成时限：2023年）\n2. 开展技能培训。（责任单位：青禾职院；完成时限：2022年）\n";

    [Fact]
    public void Without_an_alias_a_unit_is_its_own_canonical_name()
    {
        var task = new PlanParser().ParseText(Plan).TaskLists.Single().Tasks[0];
        task.Units[0].Canonical.ShouldBe("青禾职院");
    }

    [Fact]
    public void An_alias_group_given_by_the_caller_sets_the_canonical_name()
    {
        var aliases = UnitAliasTable.Default.With([["青禾职业技术学院", "青禾职院"]]);
        var doc = new PlanParser(new PlanParserOptions { UnitAliases = aliases }).ParseText(Plan);
        doc.TaskLists.Single().Tasks.Select(t => t.Units[0].Canonical).ShouldBe(["青禾职业技术学院", "青禾职业技术学院"]);
        doc.TaskLists.Single().Tasks[0].Units[0].Name.ShouldBe("青禾职院");
        // The built-in groups still apply.
        doc.TaskLists.Single().Tasks[0].Units[1].Canonical.ShouldBe("市教育局");
    }
}
