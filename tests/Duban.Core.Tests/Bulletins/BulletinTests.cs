using Duban.Core.Assessments;
using Duban.Core.Bulletins;

namespace Duban.Core.Tests.Bulletins;

/// <summary>The 成效明显县、校 selection, the prefilled 通报 with its reasons, the draft's checks, and a 督导报告's findings.</summary>
public sealed class BulletinTests
{
    private static readonly IReadOnlyList<IndicatorDefinition> Indicators =
    [
        new("task", "重点任务完成", IndicatorKind.TaskCompletion, 60, ScoringRule.None),
        new("inspection", "现场督导", IndicatorKind.Manual, 40, ScoringRule.None),
        new("deduction", "约谈通报扣分", IndicatorKind.Deduction, 10, ScoringRule.None),
        new("bonus", "创新加分", IndicatorKind.Bonus, 5, ScoringRule.None),
    ];

    private static readonly ExplanationItem Summons = new(FactKind.Flag, 7, 3, "约谈（任务 3）", "2026年8月1日：多次督办未完成，约谈，扣 2 分", -2m);
    private static readonly ExplanationItem Award = new(FactKind.Entry, 9, null, "获评省级示范性实训基地", "管理员录入，加 2 分", 2m);

    /// <summary>An organisation's score: task and inspection as given, a 约谈 when asked, a bonus item when asked.</summary>
    private static OrganizationScore Score(long id, string name, decimal task, decimal inspection, bool summons = false, bool award = false)
    {
        IndicatorScore Of(string code, decimal points, params ExplanationItem[] items)
        {
            var i = Indicators.Single(x => x.Code == code);
            return new IndicatorScore(code, i.Name, i.Kind, i.MaxPoints, points, "规则", "算式", items);
        }
        var taskItems = task >= 60
            ? new[] { new ExplanationItem(FactKind.Task, null, 1, "牵头任务 1", "按时完成，计 1", 30m), new ExplanationItem(FactKind.Task, null, 2, "牵头任务 2", "按时完成，计 1", 30m) }
            : [new ExplanationItem(FactKind.Task, null, 1, "牵头任务 1", "按时完成，计 1", task), new ExplanationItem(FactKind.Task, null, 2, "牵头任务 2", "逾期未完成，计 0", 0m)];
        IndicatorScore[] scores =
        [
            Of("task", task, taskItems),
            Of("inspection", inspection, new ExplanationItem(FactKind.Entry, 1, null, "督查员的评分", "现场查看", inspection)),
            summons ? Of("deduction", -2m, Summons) : Of("deduction", 0m, new ExplanationItem(FactKind.Note, null, null, "无扣分事项", "考核年度内没有约谈、通报。", 0m)),
            award ? Of("bonus", 2m, Award) : Of("bonus", 0m),
        ];
        return new OrganizationScore(id, name, scores.Sum(s => s.Points), scores);
    }

    private static (IReadOnlyList<Standing> Standings, Dictionary<long, OrganizationScore> Scores) World()
    {
        OrganizationScore[] scores =
        [
            Score(1, "东湖县人民政府", 60, 35, award: true),   // 97: 优秀, first
            Score(2, "西山县人民政府", 30, 20, summons: true), // 48: 不合格, with a 约谈
            Score(3, "南岭县人民政府", 60, 32),                 // 92: 优秀, second
            Score(4, "清河市教育局", 60, 30),                   // 90: 优秀, third
            Score(5, "清河市财政局", 50, 35, summons: true),   // 83: 良好, with a 约谈
        ];
        var sheet = new ScoreSheet(2026, new DateOnly(2026, 12, 31), 100, scores);
        return (Standings.Rank(sheet, [], GradeBands.Default, []), scores.ToDictionary(s => s.OrganizationId));
    }

    private static BulletinFacts Facts(AchievementSelection? selection = null)
    {
        var (standings, scores) = World();
        return new BulletinFacts(2026, "清河市职业教育工作督导评估方案", "清河市", null, new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 5),
            standings, Indicators, selection ?? AchievementSelection.Default, scores, "清河市教育局", new DateOnly(2027, 1, 10));
    }

    [Fact]
    public void The_default_selection_takes_the_first_three_graded_excellent_and_ties_at_the_cut()
    {
        var (standings, _) = World();
        AchievementSelection.Default.Select(standings).Select(s => s.OrganizationId).ShouldBe([1L, 3L, 4L]);
        new AchievementSelection(2).Select(standings).Select(s => s.OrganizationId).ShouldBe([1L, 3L]);
        // A threshold takes everyone who reaches it, whatever the grade.
        new AchievementSelection(MinTotal: 83m).Select(standings).Select(s => s.OrganizationId).ShouldBe([1L, 3L, 4L, 5L]);

        var tie = Standings.Rank(new ScoreSheet(2026, new DateOnly(2026, 12, 31), 100, [Score(1, "甲", 60, 35), Score(2, "乙", 60, 35), Score(3, "丙", 60, 31)]), [], GradeBands.Default, []);
        new AchievementSelection(1).Select(tie).Select(s => s.OrganizationId).ShouldBe([1L, 2L]);
    }

    [Theory]
    [InlineData(0, null, "selection.top")]
    [InlineData(101, null, "selection.top")]
    [InlineData(null, -1.0, "selection.minTotal")]
    [InlineData(null, 80.125, "selection.minTotal")]
    [InlineData(3, 80.0, "selection")]
    public void A_selection_out_of_range_is_refused_naming_its_field(int? top, double? minTotal, string field)
    {
        var (definition, problems) = SchemeValidation.Check(DefaultScheme.For([1]) with { Selection = new AchievementSelection(top, (decimal?)minTotal) });
        definition.ShouldBeNull();
        problems.Select(p => p.Field).ShouldBe([field]);
    }

    [Fact]
    public void An_empty_selection_is_the_default_and_stores_nothing()
    {
        var (definition, _) = SchemeValidation.Check(DefaultScheme.For([1]) with { Selection = new AchievementSelection() });
        definition!.Selection.ShouldBeNull();
        definition.EffectiveSelection.ShouldBe(AchievementSelection.Default);
        AssessmentJson.Write(definition).ShouldNotContain("selection");
    }

    [Fact]
    public void The_prefilled_bulletin_praises_the_excellent_and_the_selected_and_criticises_the_failing_and_the_summoned()
    {
        var draft = BulletinPrefill.Draft(Facts());

        draft.Title.ShouldBe("关于2026年度清河市职业教育工作督导评估结果的通报");
        draft.DocNumber.ShouldBe("　〔2027〕　号");
        draft.Recipients.ShouldBe("东湖县人民政府，西山县人民政府，南岭县人民政府，清河市教育局，清河市财政局");
        draft.Paragraphs.ShouldHaveSingleItem().ShouldContain("截至2026年12月31日");
        draft.Paragraphs[0].ShouldContain("于2027年1月5日进行了公示");
        draft.Signature.ShouldBe("清河市教育局");
        draft.Date.ShouldBe(new DateOnly(2027, 1, 10));

        draft.Praise.Select(m => m.OrganizationId).ShouldBe([1L, 3L, 4L]);
        draft.Praise[0].Reason.ShouldBe("总分 97 分，等次优秀，列第 1 名；入选成效明显县、校；获加分：获评省级示范性实训基地");

        draft.Criticism.Select(m => m.OrganizationId).ShouldBe([5L, 2L]);
        draft.Criticism.Single(m => m.OrganizationId == 2).Reason.ShouldBe(
            "总分 48 分，等次不合格，失分主要在重点任务完成得 30 分（满分 60 分）、现场督导得 20 分（满分 40 分）；约谈通报扣分：约谈（任务 3），2026年8月1日：多次督办未完成，约谈，扣 2 分");
        draft.Criticism.Single(m => m.OrganizationId == 5).Reason.ShouldStartWith("约谈通报扣分：约谈（任务 3）");
    }

    [Fact]
    public void A_threshold_selection_praises_below_excellent_with_its_own_reason()
    {
        var draft = BulletinPrefill.Draft(Facts(new AchievementSelection(MinTotal: 83m)));
        draft.Praise.Single(m => m.OrganizationId == 5).Reason.ShouldBe("总分 83 分，达到成效明显县、校评选标准（83 分）；入选成效明显县、校");
    }

    [Theory]
    [InlineData("清河市职业教育工作督导评估方案", "清河市", "职业教育工作督导评估")]
    [InlineData("职业教育改革考核方案", "清河市", "职业教育改革考核")]
    [InlineData("评分细则", "清河市", "督导评估")]
    public void The_topic_comes_from_the_scheme_name(string scheme, string region, string topic) => BulletinPrefill.Topic(scheme, region).ShouldBe(topic);

    [Fact]
    public void A_draft_is_checked_naming_each_field_and_normalised()
    {
        var good = BulletinPrefill.Draft(Facts());
        var (checkedDraft, problems) = BulletinValidation.Check(good with { Recipients = " 各被考核单位： ", Paragraphs = ["第一段", " ", "第二段"] });
        problems.ShouldBeEmpty();
        checkedDraft!.Recipients.ShouldBe("各被考核单位");
        checkedDraft.Paragraphs.ShouldBe(["第一段", "第二段"]);

        BulletinValidation.Check(good with { Title = "" }).Problems.Select(p => p.Field).ShouldBe(["title"]);
        BulletinValidation.Check(good with { Signature = "清河市\u200B教育局" }).Problems.Select(p => p.Field).ShouldBe(["signature"]);
        BulletinValidation.Check(good with { Criticism = [new BulletinMention(2, "", "理由")] }).Problems.Select(p => p.Field).ShouldBe(["criticism[0].name"]);
        BulletinValidation.Check(good with { Closing = [new string('字', BulletinValidation.MaxParagraph + 1)] }).Problems.Select(p => p.Field).ShouldBe(["closing[0]"]);
        BulletinValidation.Check(good with { Date = default }).Problems.Select(p => p.Field).ShouldBe(["date"]);
        BulletinValidation.Check(null).Problems.ShouldNotBeEmpty();
    }

    [Fact]
    public void A_report_finds_strengths_in_full_points_and_bonus_items_and_problems_in_the_facts_that_lost_points()
    {
        var (standings, scores) = World();
        var xishan = standings.Single(s => s.OrganizationId == 2);
        var findings = ReportFindings.Of(scores[2].Indicators, code => xishan.Indicators.Single(i => i.Code == code).Final);

        findings.Strengths.ShouldBeEmpty();
        findings.Problems.Select(p => (p.Indicator, p.Lost)).ShouldBe([("重点任务完成", 30m), ("现场督导", 20m), ("约谈通报扣分", 2m)]);
        findings.Problems[0].Facts.ShouldHaveSingleItem().Label.ShouldBe("牵头任务 2");
        findings.Problems[0].Requirement.ShouldBe(ReportFindings.Requirement(IndicatorKind.TaskCompletion));
        findings.Problems[2].Facts.ShouldBe([Summons]);

        var donghu = standings.Single(s => s.OrganizationId == 1);
        var strong = ReportFindings.Of(scores[1].Indicators, code => donghu.Indicators.Single(i => i.Code == code).Final);
        strong.Strengths.ShouldBe(["重点任务完成得满分（60 分）", "创新加分：获评省级示范性实训基地（加 2 分）"]);
        strong.Problems.Select(p => p.Indicator).ShouldBe(["现场督导"]);
    }
}
