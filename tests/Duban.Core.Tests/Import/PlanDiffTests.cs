using Duban.Core.Import;
using Duban.Parsing;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Import;

public sealed class PlanDiffTests
{
    private const string List = "工作任务清单";

    private static readonly string[] Texts =
    [
        "加强师资队伍建设，完善教师培训制度，落实教师企业实践要求。",
        "改善职业院校办学条件，推进实训基地建设，提高设备装备水平。",
        "完善职业教育质量评价机制，建立年度质量报告发布制度。",
        "深化产教融合校企合作，支持企业参与举办职业教育。",
        "扩大职业培训规模，面向退役军人和农民工开展技能培训。",
    ];

    private static TaskSnapshot Task(int no, string text, string? deadline = null, params UnitSnapshot[] units) =>
        new(TaskKeys.Of(List, no.ToString()), List, no.ToString(), no - 1, text,
            units.Length > 0 ? units : [Lead("市教育局")], deadline);

    private static UnitSnapshot Lead(string name, bool primary = true, string? canonical = null) => new(name, canonical ?? name, UnitRole.Lead, primary);

    private static UnitSnapshot Cooperating(string name) => new(name, name, UnitRole.Cooperating, false);

    private static List<TaskSnapshot> Plan() => [.. Texts.Select((t, i) => Task(i + 1, t))];

    [Fact]
    public void Identical_versions_have_only_unchanged_tasks()
    {
        var diff = PlanDiff.Compare(Plan(), Plan());

        diff.IsEmpty.ShouldBeTrue();
        diff.Unchanged.ShouldBe(5);
        diff.Tasks.ShouldAllBe(t => t.PairedBy == TaskPairing.SameKey && !t.Renumbered);
    }

    [Fact]
    public void A_task_edited_in_place_is_changed_in_its_text()
    {
        var after = Plan();
        after[1] = after[1] with { Text = Texts[1] + "到2025年建成一批高水平实训基地。" };

        var diff = PlanDiff.Compare(Plan(), after);

        var changed = diff.Tasks.Where(t => t.Kind == TaskDiffKind.Changed).ShouldHaveSingleItem();
        changed.Changes.ShouldBe(TaskChanges.Text);
        changed.Before!.No.ShouldBe("2");
        changed.After!.No.ShouldBe("2");
        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((0, 0, 1, 4));
    }

    [Fact]
    public void Units_and_deadline_changes_are_told_apart_from_text_changes()
    {
        var after = Plan();
        after[0] = after[0] with { Units = [Lead("市教育局"), Cooperating("市财政局")] };
        after[2] = after[2] with { Deadline = "2023年底" };
        after[3] = after[3] with { Units = [Lead("市人社局")] };

        var diff = PlanDiff.Compare(Plan(), after);

        diff.Tasks.Where(t => t.Kind == TaskDiffKind.Changed).Select(t => (t.After!.No, t.Changes))
            .ShouldBe([("1", TaskChanges.Units), ("3", TaskChanges.Deadline), ("4", TaskChanges.Units)]);
    }

    [Fact]
    public void Units_are_compared_by_canonical_name_in_any_order_but_a_new_primary_is_a_change()
    {
        var before = new List<TaskSnapshot> { Task(1, Texts[0], null, Lead("市人力资源和社会保障局"), Cooperating("市财政局")) };
        var renamed = new List<TaskSnapshot> { Task(1, Texts[0], null, Cooperating("市财政局"), Lead("市人社局", canonical: "市人力资源和社会保障局")) };
        var newPrimary = new List<TaskSnapshot> { Task(1, Texts[0], null, Lead("市人力资源和社会保障局", primary: false), Lead("市财政局")) };

        PlanDiff.Compare(before, renamed).IsEmpty.ShouldBeTrue();
        PlanDiff.Compare(before, newPrimary).Tasks.Single().Changes.ShouldBe(TaskChanges.Units);
    }

    [Fact]
    public void Removing_a_task_renumbers_the_rest_without_changing_them()
    {
        var after = Plan();
        after.RemoveAt(1);
        after = [.. after.Select((t, i) => t with { No = (i + 1).ToString(), Key = TaskKeys.Of(List, (i + 1).ToString()), Order = i })];

        var diff = PlanDiff.Compare(Plan(), after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((0, 1, 0, 4));
        diff.Tasks.Single(t => t.Kind == TaskDiffKind.Removed).Before!.Text.ShouldBe(Texts[1]);
        var moved = diff.Tasks.Where(t => t.Renumbered).ToList();
        moved.Select(t => (t.Before!.No, t.After!.No)).ShouldBe([("3", "2"), ("4", "3"), ("5", "4")]);
        moved.ShouldAllBe(t => t.PairedBy == TaskPairing.SameText);
    }

    [Fact]
    public void Inserting_a_task_is_one_addition_not_a_cascade_of_changes()
    {
        const string inserted = "建立职业教育工作督导评估制度，督导结果向社会公开。";
        var after = Plan();
        after.Insert(1, Task(2, inserted));
        after = [.. after.Select((t, i) => t with { No = (i + 1).ToString(), Key = TaskKeys.Of(List, (i + 1).ToString()), Order = i })];

        var diff = PlanDiff.Compare(Plan(), after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((1, 0, 0, 5));
        diff.Tasks.Single(t => t.Kind == TaskDiffKind.Added).After!.Text.ShouldBe(inserted);
    }

    [Fact]
    public void A_task_edited_and_renumbered_is_found_by_similar_text()
    {
        var after = Plan();
        after.RemoveAt(0);
        after[2] = after[2] with { Text = Texts[3].Replace("支持企业", "鼓励和支持行业企业") };
        after = [.. after.Select((t, i) => t with { No = (i + 1).ToString(), Key = TaskKeys.Of(List, (i + 1).ToString()), Order = i })];

        var diff = PlanDiff.Compare(Plan(), after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((0, 1, 1, 3));
        var changed = diff.Tasks.Single(t => t.Kind == TaskDiffKind.Changed);
        changed.PairedBy.ShouldBe(TaskPairing.SimilarText);
        (changed.Before!.No, changed.After!.No).ShouldBe(("4", "3"));
    }

    [Fact]
    public void A_different_task_under_a_removed_tasks_number_is_an_addition_and_a_removal()
    {
        var after = Plan();
        after[4] = after[4] with { Text = "加强党对职业教育工作的全面领导，落实意识形态工作责任制。" };

        var diff = PlanDiff.Compare(Plan(), after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((1, 1, 0, 4));
    }

    [Fact]
    public void Change_one_remove_one_add_one()
    {
        var after = Plan();
        after[0] = after[0] with { Text = Texts[0] + "每年组织一次教师技能大赛。" };
        after.RemoveAt(2);
        after.Add(Task(6, "建立职业教育工作督导评估制度，督导结果向社会公开。"));
        after = [.. after.Select((t, i) => t with { No = (i + 1).ToString(), Key = TaskKeys.Of(List, (i + 1).ToString()), Order = i })];

        var diff = PlanDiff.Compare(Plan(), after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((1, 1, 1, 3));
        diff.Tasks.Single(t => t.Kind == TaskDiffKind.Removed).Before!.No.ShouldBe("3");
    }

    [Fact]
    public void Identical_texts_pair_in_document_order()
    {
        var before = new List<TaskSnapshot> { Task(1, "定期报送进展情况。"), Task(2, Texts[0]), Task(3, "定期报送进展情况。") };
        var after = new List<TaskSnapshot> { Task(1, Texts[0]), Task(2, "定期报送进展情况。"), Task(3, "定期报送进展情况。") };

        var diff = PlanDiff.Compare(before, after);

        diff.IsEmpty.ShouldBeTrue();
        diff.Tasks.Select(t => (t.Before!.No, t.After!.No)).ShouldBe([("2", "1"), ("1", "2"), ("3", "3")]);
    }

    [Fact]
    public void White_space_is_no_change()
    {
        var after = Plan();
        after[0] = after[0] with { Text = Texts[0].Insert(4, " \n") };

        PlanDiff.Compare(Plan(), after).IsEmpty.ShouldBeTrue();
    }

    [Theory]
    [InlineData("abcd", "abcd", 1.0)]
    [InlineData("abcd", "wxyz", 0.0)]
    [InlineData("abcd", "abce", 2.0 / 3)]
    [InlineData("a", "b", 0.0)]
    public void Similarity_is_the_dice_coefficient_of_bigrams(string a, string b, double expected) =>
        PlanDiff.Similarity(a, b).ShouldBe(expected, 1e-9);

    [Fact]
    public void Documents_are_compared_through_their_keyed_tasks()
    {
        var parser = new PlanParser();
        var before = parser.ParseText("""
            某某市教育局关于加强学校管理的实施方案
            一、重点任务
            1.加强师资队伍建设。（牵头单位：市教育局；配合单位：市财政局）
            2.改善办学条件。（责任单位：市财政局）
            """);
        var after = parser.ParseText("""
            某某市教育局关于加强学校管理的实施方案
            一、重点任务
            1.加强师资队伍建设。（牵头单位：市教育局；配合单位：市财政局、市人社局）
            2.改善办学条件。（责任单位：市财政局）
            3.完善评价机制。（责任单位：市教育局）
            """);

        var diff = PlanDiff.Compare(before, after);

        (diff.Added, diff.Removed, diff.Changed, diff.Unchanged).ShouldBe((1, 0, 1, 1));
        diff.Tasks.Single(t => t.Kind == TaskDiffKind.Changed).Changes.ShouldBe(TaskChanges.Units);
        diff.Tasks[0].After!.Key.ShouldBe(TaskKeys.Of(before.TaskLists[0].Name, "1"));
    }

    [Fact]
    public void Tasks_numbered_alike_in_one_list_get_distinct_keys()
    {
        var document = new PlanParser().ParseText("""
            某某市教育局关于加强学校管理的实施方案
            一、重点任务
            1.加强师资队伍建设。（责任单位：市教育局）
            1.改善办学条件。（责任单位：市财政局）
            """);

        var keys = TaskKeys.Of(document).Select(k => k.Key).ToList();

        keys.Distinct().Count().ShouldBe(keys.Count);
    }
}
