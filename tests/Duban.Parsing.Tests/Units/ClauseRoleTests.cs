using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Units;

/// <summary>
/// Roles read from units written without labels: a bracket parted by a semicolon, 会同, units as the subject of an
/// earlier sentence or after a comma, and run-in titles holding a comma over tasks (docs/parsing-rules.md, "Task lists").
/// </summary>
public class ClauseRoleTests
{
    private const string Title = "白沙县职业教育重点任务分工方案\n\n";

    private static PlanDocument Parse(string body) => new PlanParser().ParseText(Title + body);

    private static PlanTask OnlyTask(string body) =>
        Parse(body).TaskLists.ShouldHaveSingleItem().Tasks.ShouldHaveSingleItem();

    private static string[] Units(PlanTask task) => task.Units.Select(u => $"{u.Name}:{(u.Role == UnitRole.Lead ? "牵头" : "配合")}").ToArray();

    // ── A bracket parted by a semicolon ──

    [Fact]
    public void The_unit_before_the_semicolon_leads_and_those_after_it_cooperate()
    {
        var task = OnlyTask("1.建设县域职业教育中心。（县卫生健康局；县发展和改革局、县自然资源局）");
        Units(task).ShouldBe(["县卫生健康局:牵头", "县发展和改革局:配合", "县自然资源局:配合"]);
        task.Units.Single(u => u.Primary).Name.ShouldBe("县卫生健康局");
    }

    [Fact]
    public void Several_units_before_the_semicolon_all_lead()
    {
        var task = OnlyTask("1.开展专项督查。（县教育局、县人社局；县财政局）");
        Units(task).ShouldBe(["县教育局:牵头", "县人社局:牵头", "县财政局:配合"]);
    }

    [Theory]
    [InlineData("（县级有关部门；各乡镇人民政府）", "县级有关部门:牵头", "各乡镇人民政府:牵头")]
    [InlineData("（县教育局；各乡镇人民政府）", "县教育局:牵头", "各乡镇人民政府:牵头")]
    [InlineData("（各有关部门；县教育局）", "各有关部门:牵头", "县教育局:牵头")]
    public void Two_levels_or_a_collective_first_are_equal_groups(string bracket, string first, string second) =>
        Units(OnlyTask("1.改善办学条件。" + bracket)).ShouldBe([first, second]);

    [Fact]
    public void A_note_of_the_document_makes_every_semicolon_part_lead_and_partners()
    {
        var task = OnlyTask("注：分号前为牵头单位，分号后为配合单位。\n1.改善办学条件。（县级有关部门；各乡镇人民政府）");
        Units(task).ShouldBe(["县级有关部门:牵头", "各乡镇人民政府:配合"]);
    }

    [Fact]
    public void The_note_inside_the_first_bracket_is_no_unit()
    {
        var tasks = Parse("1.建设基地。（县级有关部门；各乡镇人民政府，分号前为牵头单位，分号后为配合单位，下同）\n2.开展培训。（县教育局；县人社局）")
            .TaskLists.ShouldHaveSingleItem().Tasks;
        Units(tasks[0]).ShouldBe(["县级有关部门:牵头", "各乡镇人民政府:配合"]);
        tasks[0].Text.ShouldBe("建设基地。");
        Units(tasks[1]).ShouldBe(["县教育局:牵头", "县人社局:配合"]);
    }

    [Fact]
    public void A_note_that_the_order_carries_no_role_keeps_every_unit_responsible()
    {
        var task = OnlyTask("注：责任单位排名不分先后。\n1.建设县域职业教育中心。（县卫生健康局；县发展和改革局、县自然资源局）");
        Units(task).ShouldBe(["县卫生健康局:牵头", "县发展和改革局:牵头", "县自然资源局:牵头"]);
    }

    [Fact]
    public void The_first_listed_note_governs_where_the_document_states_it()
    {
        var task = OnlyTask("注：责任单位中排在第一位的为牵头单位。\n1.开展专项督查。（县教育局、县人社局；县财政局）");
        Units(task).ShouldBe(["县教育局:牵头", "县人社局:配合", "县财政局:配合"]);
    }

    [Fact]
    public void Two_semicolons_or_a_labelled_lead_leave_the_roles_as_they_were()
    {
        Units(OnlyTask("1.开展专项督查。（县教育局；县人社局；县财政局）")).ShouldBe(["县教育局:牵头", "县人社局:牵头", "县财政局:牵头"]);
        Units(OnlyTask("1.开展专项督查。（牵头单位：县教育局；责任单位：县人社局；县财政局）"))
            .ShouldBe(["县教育局:牵头", "县人社局:配合", "县财政局:配合"]);
    }

    [Fact]
    public void A_deadline_after_the_units_does_not_count_as_a_group()
    {
        var task = OnlyTask("1.建设县域职业教育中心。（县教育局；2025年底前）");
        Units(task).ShouldBe(["县教育局:牵头"]);
        task.Deadline!.Due.ShouldBe(new DateOnly(2025, 12, 31));
    }

    // ── 会同 ──

    [Fact]
    public void 会同_in_a_clause_names_the_lead_and_its_partners()
    {
        Units(OnlyTask("1.推进校企合作。（县教育局会同县人社局负责）")).ShouldBe(["县教育局:牵头", "县人社局:配合"]);
        Units(OnlyTask("1.推进校企合作。（县教育局会同县人社局、县财政局负责，县总工会配合）"))
            .ShouldBe(["县教育局:牵头", "县人社局:配合", "县财政局:配合", "县总工会:配合"]);
        Units(OnlyTask("1.推进校企合作，由县教育局会同县人社局负责。")).ShouldBe(["县教育局:牵头", "县人社局:配合"]);
    }

    [Fact]
    public void A_subject_with_会同_names_the_units_and_stays_in_the_text()
    {
        var doc = Parse("""
            一、重点任务
            1.县教育局会同县财政局制定中职学校生均公用经费标准，2025年底前出台。
            2.县发展和改革委员会会同县委组织部、县人社局等部门研究制定人才引进办法。
            3.建设公共实训基地。（县人社局牵头，县教育局配合）
            """);
        var tasks = doc.TaskLists.ShouldHaveSingleItem().Tasks;
        Units(tasks[0]).ShouldBe(["县教育局:牵头", "县财政局:配合"]);
        tasks[0].Text.ShouldBe("县教育局会同县财政局制定中职学校生均公用经费标准，2025年底前出台。");
        Units(tasks[1]).ShouldBe(["县发展和改革委员会:牵头", "县委组织部:配合", "县人社局:配合"]);
        doc.Warnings.ShouldNotContain(w => w.Code == "task.noUnits");
    }

    [Fact]
    public void A_subject_with_会同_is_not_read_beside_a_unit_clause()
    {
        var task = OnlyTask("1.县教育局会同县商务局开展电商人才培训。（县教育局牵头，县总工会配合）");
        Units(task).ShouldBe(["县教育局:牵头", "县总工会:配合"]);
    }

    [Fact]
    public void A_subject_with_会同_does_not_make_a_paragraph_a_task()
    {
        var doc = Parse("""
            一、重点任务
            1.建设公共实训基地。（县人社局牵头，县教育局配合）
            2.推进校企合作。（县教育局负责）
            二、保障措施
            （一）加强组织领导。县教育局会同有关部门加强督促检查，确保各项任务按期完成。
            """);
        doc.TaskLists.SelectMany(l => l.Tasks).Select(t => t.No).ShouldBe(["1", "2"]);
    }

    [Fact]
    public void 会同_between_words_that_are_no_names_is_text()
    {
        var tasks = Parse("1.建设实训基地。学校会同企业制定实训方案。\n2.推进校企合作。（县教育局负责）\n3.开展培训。（县人社局负责）")
            .TaskLists.ShouldHaveSingleItem().Tasks;
        tasks[0].Units.ShouldBeEmpty();
    }

    // ── Units as the subject of an earlier sentence, or after a comma ──

    [Fact]
    public void Units_closing_an_earlier_sentence_with_a_deadline_are_the_tasks()
    {
        var task = OnlyTask("1.实施教师素质提升计划。县教育局、县人社局负责，2025年底前完成全员轮训。每年选派教师到企业实践。");
        Units(task).ShouldBe(["县教育局:牵头", "县人社局:牵头"]);
        task.Text.ShouldBe("实施教师素质提升计划。2025年底前完成全员轮训。每年选派教师到企业实践。");
        task.Deadline!.Due.ShouldBe(new DateOnly(2025, 12, 31));
    }

    [Fact]
    public void An_earlier_sentence_that_is_only_roles_is_cut_whole()
    {
        var task = OnlyTask("1.开展专项督查。县教育局牵头，县财政局配合。每年组织一次。");
        Units(task).ShouldBe(["县教育局:牵头", "县财政局:配合"]);
        task.Text.ShouldBe("开展专项督查。每年组织一次。");
    }

    [Fact]
    public void A_last_sentence_that_is_only_roles_leaves_one_full_stop()
    {
        var task = OnlyTask("1.开展专项督查。县教育局牵头，县财政局配合。");
        Units(task).ShouldBe(["县教育局:牵头", "县财政局:配合"]);
        task.Text.ShouldBe("开展专项督查。");
    }

    [Fact]
    public void Units_after_a_comma_closing_the_sentence_are_the_tasks()
    {
        var task = OnlyTask("1.开展现代学徒制试点，每年新增试点专业2个，县人社局牵头，县教育局配合。");
        Units(task).ShouldBe(["县人社局:牵头", "县教育局:配合"]);
        task.Text.ShouldBe("开展现代学徒制试点，每年新增试点专业2个。");
    }

    [Fact]
    public void Units_after_a_comma_followed_only_by_a_deadline_are_the_tasks()
    {
        var task = OnlyTask("1.完善实训基地管理制度，县教育局、县人社局负责，2025年底前完成。");
        Units(task).ShouldBe(["县教育局:牵头", "县人社局:牵头"]);
        task.Text.ShouldBe("完善实训基地管理制度，2025年底前完成。");
    }

    [Theory]
    // A measure follows the units: they are its subject.
    [InlineData("1.建立联席会议制度。成立工作专班，县教育局牵头，县级有关部门参加，每季度召开一次会议。\n2.推进校企合作。（县教育局负责）")]
    // A clause that only starts with 各: no names.
    [InlineData("1.建设实训基地。县财政局给予资金支持，各职业学校要制定具体方案并认真组织实施。\n2.推进校企合作。（县教育局负责）")]
    // An earlier sentence whose units a measure follows.
    [InlineData("1.建立联席会议制度。县教育局牵头，县财政局配合，研究解决重大问题。每季度召开一次会议。\n2.推进校企合作。（县教育局负责）")]
    public void Prose_subjects_stay_text(string body)
    {
        var first = Parse(body).TaskLists.ShouldHaveSingleItem().Tasks[0];
        first.Units.ShouldBeEmpty();
    }

    [Fact]
    public void A_task_that_has_a_unit_clause_takes_no_subject_of_its_prose()
    {
        var task = OnlyTask("1.开展专项督查。县财政局牵头，县审计局配合。每年组织一次。（县教育局负责）");
        Units(task).ShouldBe(["县教育局:牵头"]);
        task.Text.ShouldContain("县财政局牵头");
    }

    // ── Run-in titles holding a comma ──

    [Fact]
    public void A_run_in_title_with_a_comma_over_tasks_is_in_their_section_path()
    {
        var doc = Parse("""
            一、重点任务
            （一）规范审批事项管理，提升行政效能。全面梳理审批事项。
            1.编制审批事项清单。（县行政审批局负责）
            2.推行告知承诺制。（县行政审批局牵头，县司法局配合）
            （二）加强督查考核，确保任务落实。每季度通报一次进展。
            """);
        var tasks = doc.TaskLists.ShouldHaveSingleItem().Tasks;
        tasks.Select(t => t.SectionPath).ShouldAllBe(p => p.SequenceEqual(new[] { "一、重点任务", "（一）规范审批事项管理，提升行政效能" }));
        doc.Sections[0].Children.Select(s => s.Title).ShouldBe(["规范审批事项管理，提升行政效能"]);
    }
}
