using Duban.Core.Cascade;

namespace Duban.Core.Tests.Cascade;

public sealed class DocNumberTests
{
    public static TheoryData<string, string> SameNumbers => new()
    {
        { "甘政发〔2020〕38号", "甘政发[2020]38号" },
        { "甘政发〔2020〕38号", "甘政发（2020）38号" },
        { "甘政发〔2020〕38号", "甘政发(2020)38号" },
        { "甘政发〔2020〕38号", "甘政发 〔2020〕 38 号" },
        { "甘政发〔2020〕38号", "甘政发［２０２０］３８号" },
        { "鲁政发〔2020〕3号", "鲁政发【2020】3号" },
        { "济政发〔2020〕10号", "济政发\u3000〔2020〕10号" },
    };

    [Theory]
    [MemberData(nameof(SameNumbers))]
    public void Brackets_spaces_and_full_width_digits_do_not_matter(string a, string b)
    {
        DocNumbers.Key(a).ShouldBe(DocNumbers.Key(b));
        DocNumbers.Same(a, b).ShouldBeTrue();
    }

    [Theory]
    [InlineData("甘政发〔2020〕38号", "甘政发〔2020〕3号")]
    [InlineData("甘政发〔2020〕38号", "甘政办发〔2020〕38号")]
    [InlineData("鲁政发〔2020〕3号", "鲁政发〔2021〕3号")]
    public void Different_numbers_stay_different(string a, string b) => DocNumbers.Same(a, b).ShouldBeFalse();

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void No_number_has_no_key_and_matches_nothing(string? number)
    {
        DocNumbers.Key(number).ShouldBeNull();
        DocNumbers.Same(number, number).ShouldBeFalse();
    }

    [Fact]
    public void The_key_is_the_bracketed_form() => DocNumbers.Key("清政发〔2026〕8号").ShouldBe("清政发[2026]8号");
}

public sealed class CoverageScorerTests
{
    private static ScoredTask T(long id, string text, params string[] units) => new(id, text, units);

    public static TheoryData<string, string, decimal, decimal> Pairs => new()
    {
        // upper, lower, lowest score, highest score
        { "加强“双师型”教师队伍建设。完善教师企业实践制度，“双师型”教师占比达到60%以上。", "加强“双师型”教师队伍建设。组织专业课教师每年到企业实践，“双师型”教师占比达到60%以上。", 0.5m, 1m },
        { "建设市域产教联合体。依托清河职业技术学院组建市域产教联合体2个。", "参与市域产教联合体建设。组织县内企业参与市域产教联合体。", 0.25m, 1m },
        { "建设市域产教联合体。依托清河职业技术学院组建市域产教联合体2个。", "落实生均拨款制度。足额落实中等职业学校生均拨款。", 0m, 0.15m },
        { "开展职业技能培训扩容行动，每年培训14000人次以上。", "落实生均拨款制度。", 0m, 0.15m },
        { "", "任何文字", 0m, 0m },
    };

    [Theory]
    [MemberData(nameof(Pairs))]
    public void Similar_tasks_score_high_and_unrelated_ones_low(string upper, string lower, decimal min, decimal max)
    {
        var score = CoverageScorer.Score(T(1, upper), T(2, lower));
        score.ShouldBeInRange(min, max);
    }

    [Fact]
    public void The_score_is_symmetric_and_deterministic()
    {
        var a = T(1, "深化中高职贯通培养，扩大“3+2”贯通培养规模。", "市教育局");
        var b = T(2, "扩大中高职贯通培养，合作开设“3+2”贯通专业。", "县教育局");
        CoverageScorer.Score(a, b).ShouldBe(CoverageScorer.Score(b, a));
        CoverageScorer.Score(a, b).ShouldBe(CoverageScorer.Score(a, b));
        CoverageScorer.Score(a, a).ShouldBe(1m);
    }

    [Fact]
    public void Filler_words_alone_do_not_make_tasks_similar() =>
        CoverageScorer.Similarity("全面推进落实工作", "积极推进落实工作").ShouldBe(0m);

    [Fact]
    public void Each_lower_task_is_proposed_for_its_best_upper_tasks_only()
    {
        IReadOnlyList<ScoredTask> upper =
        [
            T(1, "建设市域产教联合体，吸引规模以上企业参与。", "市教育局"),
            T(2, "开展职业技能培训扩容行动，每年培训14000人次以上。", "市人社局"),
            T(3, "落实中等职业学校生均拨款制度。", "市财政局"),
        ];
        IReadOnlyList<ScoredTask> lower =
        [
            T(10, "实施职业技能培训提升行动，每年培训6000人次以上。", "县人社局"),
            T(11, "参与市域产教联合体建设，组织县内企业参与。", "县教育局"),
        ];
        var proposals = CoverageScorer.Propose(upper, lower);
        proposals.Select(p => (p.UpperTaskId, p.LowerTaskId)).ShouldBe([(1L, 11L), (2L, 10L)]);
        CoverageScorer.Propose(upper, lower).ShouldBe(proposals);
    }
}

public sealed class FilingRequirementReaderTests
{
    [Fact]
    public void Qingyang_phrasing_gives_a_county_and_a_school_requirement()
    {
        var found = FilingRequirementReader.Read("（三）强化组织实施。各县(区)制定'一县一案'实施方案，庆阳职业技术学院制定'一校一案'实施方案，报市教育局备案。");
        found.Count.ShouldBe(2);
        found[0].Kind.ShouldBe(FilingKind.County);
        found[0].EveryChildRegion.ShouldBeTrue();
        found[0].Office.ShouldBe("市教育局");
        found[1].Kind.ShouldBe(FilingKind.School);
        found[1].EveryChildRegion.ShouldBeFalse();
        found[1].Organizations.ShouldBe(["庆阳职业技术学院"]);
        found[1].Office.ShouldBe("市教育局");
    }

    [Fact]
    public void A_requirement_stated_twice_is_proposed_once_with_both_filers()
    {
        var found = FilingRequirementReader.Read(
            "各县(区)和庆阳职业技术学院校分别制定实施方案,并报市教育局备案。\n各县(区)制定“一县一案”实施方案,庆阳职业技术学院制定“一校一案”实施方案,报市教育局备案。");
        found.Select(f => (f.Kind, f.EveryChildRegion)).ShouldBe([(FilingKind.County, true), (FilingKind.School, false)]);
        found[1].Organizations.ShouldBe(["庆阳职业技术学院"]);
    }

    [Theory]
    [InlineData("各县人民政府结合实际制定“一县一案”实施方案，于2026年3月31日前报市教育局备案。", 2026, 3, 31)]
    [InlineData("各县区要在2021年6月底前制定实施方案，报市政府备案。", 2021, 6, 30)]
    public void The_due_date_is_read_from_the_sentence(string text, int year, int month, int day)
    {
        var found = FilingRequirementReader.Read(text).ShouldHaveSingleItem();
        found.Due.ShouldBe(new DateOnly(year, month, day));
        found.EveryChildRegion.ShouldBeTrue();
        found.Kind.ShouldBe(FilingKind.County);
    }

    [Theory]
    [InlineData("市教育局每半年对各县实施情况进行调度。")]
    [InlineData("各单位要于每年12月底前报送工作总结。")]
    [InlineData("")]
    public void Sentences_without_a_subordinate_plan_give_nothing(string text) => FilingRequirementReader.Read(text).ShouldBeEmpty();
}

public sealed class FilingRulesTests
{
    [Theory]
    [InlineData(FilingState.Pending, "2026-03-31", "2026-04-01", true)]
    [InlineData(FilingState.Returned, "2026-03-31", "2026-04-01", true)]
    [InlineData(FilingState.Pending, "2026-03-31", "2026-03-31", false)]
    [InlineData(FilingState.Filed, "2026-03-31", "2026-04-01", false)]
    [InlineData(FilingState.Accepted, "2026-03-31", "2026-04-01", false)]
    [InlineData(FilingState.Pending, null, "2026-04-01", false)]
    public void Late_means_awaited_past_the_due_date(FilingState state, string? due, string today, bool late) =>
        FilingRules.IsLate(state, due is null ? null : DateOnly.Parse(due), DateOnly.Parse(today)).ShouldBe(late);

    [Theory]
    [InlineData("人次", true)]
    [InlineData("家", true)]
    [InlineData("%", false)]
    [InlineData("元/生", false)]
    [InlineData("", false)]
    public void Counts_add_up_and_rates_do_not(string unit, bool additive) => TargetRollup.IsAdditive(unit).ShouldBe(additive);
}
