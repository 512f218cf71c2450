using Duban.Parsing.Deadlines;
using Duban.Parsing.Model;

namespace Duban.Parsing.Tests.Deadlines;

/// <summary>One theory per rule of docs/parsing-rules.md (Deadlines), with the forms found in real plans.</summary>
public class DeadlineParserTests
{
    private static readonly SourceSpan AnySpan = new(10, 30);

    private static Deadline Read(string raw, int? issueYear = 2020) => DeadlineParser.Parse(raw, AnySpan, issueYear);

    private static DateOnly? Date(string? iso) => iso is null ? null : DateOnly.Parse(iso);

    /// <summary>Asserts a deadline that was understood.</summary>
    private static void ShouldRead(string raw, int? issueYear, string? due, string? start = null, bool ongoing = false,
        Recurrence? recurrence = null)
    {
        var deadline = Read(raw, issueYear);
        deadline.ShouldSatisfyAllConditions(
            () => deadline.Understood.ShouldBeTrue(),
            () => deadline.Due.ShouldBe(Date(due)),
            () => deadline.Start.ShouldBe(Date(start)),
            () => deadline.Ongoing.ShouldBe(ongoing),
            () => deadline.Recurrence.ShouldBe(recurrence));
    }

    [Theory]
    [InlineData("2023年", "2023-12-31")]
    [InlineData("2022年", "2022-12-31")]
    [InlineData("2025年", "2025-12-31")]
    [InlineData("2023年完成", "2023-12-31")]
    [InlineData("2023年度", "2023-12-31")]
    [InlineData("2019年。", "2019-12-31")]
    public void Year_alone_is_due_on_December_31(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2021年4月", "2021-04-30")]
    [InlineData("2020年9月底", "2020-09-30")]
    [InlineData("2022年9月底", "2022-09-30")]
    [InlineData("2021年6月底前", "2021-06-30")]
    [InlineData("2024年2月", "2024-02-29")]
    [InlineData("2023年2月底前完成", "2023-02-28")]
    [InlineData("2021年11月末", "2021-11-30")]
    [InlineData("2022年6月份", "2022-06-30")]
    [InlineData("2023年6月完成并长期坚持", "2023-06-30", true)]
    public void Month_is_due_on_its_last_day(string raw, string due, bool ongoing = false) =>
        ShouldRead(raw, 2020, due, ongoing: ongoing);

    [Theory]
    [InlineData("6月底", 2020, "2020-06-30")]
    [InlineData("9月底前", 2021, "2021-09-30")]
    [InlineData("12月底前完成", 2020, "2020-12-31")]
    [InlineData("2月底", 2024, "2024-02-29")]
    [InlineData("6月", 2022, "2022-06-30")]
    public void Yearless_month_is_in_the_issue_year(string raw, int issueYear, string due) =>
        ShouldRead(raw, issueYear, due);

    [Theory]
    [InlineData("2021年7月前", "2021-06-30")]
    [InlineData("2021年1月前", "2020-12-31")]
    [InlineData("2021年3月前", "2021-02-28")]
    [InlineData("2024年3月以前", "2024-02-29")]
    [InlineData("2022年10月之前完成", "2022-09-30")]
    public void Before_a_month_is_the_last_day_of_the_month_before(string raw, string due) =>
        ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2025年春节前", 2020, "2025-01-28")] // the lunar new year of 2025 is January 29
    [InlineData("2024年春节前完成", 2020, "2024-02-09")] // February 10, 2024
    [InlineData("春节前", 2023, "2023-01-21")] // January 22, 2023, the issue year's
    [InlineData("2026年春节", 2020, "2026-02-17")]
    [InlineData("2026年春节期间", 2020, "2026-02-17")]
    public void Spring_festival_is_the_lunar_new_year_of_the_year_written(string raw, int issueYear, string due) =>
        ShouldRead(raw, issueYear, due);

    [Theory]
    [InlineData("2025年暑期", "2025-08-31")]
    [InlineData("2025年暑假期间", "2025-08-31")]
    [InlineData("2024年暑期内完成", "2024-08-31")]
    [InlineData("2025年暑假前", "2025-06-30")]
    public void Summer_break_ends_on_August_31(string raw, string due) => ShouldRead(raw, 2020, due);

    [Fact]
    public void Yearless_before_January_is_the_end_of_the_year_before_the_issue_year() =>
        ShouldRead("1月前", 2021, "2020-12-31");

    [Theory]
    [InlineData("2019年1月1日", "2019-01-01")]
    [InlineData("2021年6月30日前", "2021-06-30")]
    [InlineData("2022年3月15号前完成", "2022-03-15")]
    [InlineData("2024年2月29日", "2024-02-29")]
    [InlineData("2021年6月上旬", "2021-06-10")]
    [InlineData("2021年6月中旬", "2021-06-20")]
    [InlineData("2021年6月下旬", "2021-06-30")]
    [InlineData("9月10日前", "2020-09-10")]
    public void A_day_is_that_day(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2021.6", "2021-06-30")]
    [InlineData("2021.6.15", "2021-06-15")]
    [InlineData("2021/12/31前", "2021-12-31")]
    [InlineData("2022-03-31", "2022-03-31")]
    [InlineData("2022.06底", "2022-06-30")]
    public void Numeric_dates_are_read(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2021年底", "2021-12-31")]
    [InlineData("2020年底", "2020-12-31")]
    [InlineData("2021年年底", "2021-12-31")]
    [InlineData("2022年末", "2022-12-31")]
    [InlineData("2022年底前完成", "2022-12-31")]
    [InlineData("2023年年底前", "2023-12-31")]
    [InlineData("2023年内", "2023-12-31")]
    [InlineData("2023年度内", "2023-12-31")]
    public void End_of_a_written_year_is_December_31(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("年内", 2020, "2020-12-31")]
    [InlineData("年底前", 2021, "2021-12-31")]
    [InlineData("今年底", 2022, "2022-12-31")]
    [InlineData("年底", 2019, "2019-12-31")]
    [InlineData("年内完成", 2020, "2020-12-31")]
    [InlineData("本年度内", 2023, "2023-12-31")]
    [InlineData("今年6月底", 2021, "2021-06-30")]
    [InlineData("明年6月底前", 2021, "2022-06-30")]
    [InlineData("2019年试点，今年底前推开", 2021, "2021-12-31")]
    [InlineData("全年", 2025, "2025-12-31")]
    [InlineData("全年推进", 2025, "2025-12-31")]
    public void Yearless_year_end_is_December_31_of_the_issue_year(string raw, int issueYear, string due) =>
        ShouldRead(raw, issueYear, due);

    [Theory]
    [InlineData("2018年秋季学期开学前完成", "2018-09-01")]
    [InlineData("2019年秋季开学前", "2019-09-01")]
    [InlineData("2019年秋季学期", "2019-09-01")]
    [InlineData("2020年春季学期", "2020-03-01")]
    [InlineData("2021年春季开学前", "2021-03-01")]
    [InlineData("秋季学期开学前", "2020-09-01")]
    [InlineData("春季开学前", "2020-03-01")]
    public void Semester_is_due_on_its_first_day(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2022年第三季度", "2022-09-30")]
    [InlineData("2021年一季度", "2021-03-31")]
    [InlineData("2021年第1季度末", "2021-03-31")]
    [InlineData("2022年四季度", "2022-12-31")]
    [InlineData("第二季度", "2020-06-30")]
    [InlineData("一季度", "2020-03-31")]
    [InlineData("三季度末前", "2020-09-30")]
    [InlineData("2021年二季度前", "2021-03-31")]
    [InlineData("2021年前三季度", "2021-09-30")]
    [InlineData("2021年第1季", "2021-03-31")]
    public void Quarter_is_due_on_its_last_day(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("上半年", 2020, "2020-06-30")]
    [InlineData("下半年", 2020, "2020-12-31")]
    [InlineData("2021年上半年", null, "2021-06-30")]
    [InlineData("2022年下半年完成", null, "2022-12-31")]
    public void Half_year_is_due_on_its_last_day(string raw, int? issueYear, string due) =>
        ShouldRead(raw, issueYear, due);

    [Theory]
    [InlineData("2024年年中", "2024-06-30")]
    [InlineData("2024年中前", "2024-06-30")]
    [InlineData("2025年年中前完成", "2025-06-30")]
    [InlineData("2025年初", "2025-03-31")]
    [InlineData("2025年年初前", "2025-03-31")]
    public void Mid_year_is_due_at_the_end_of_June_and_early_year_at_the_end_of_March(string raw, string due) =>
        ShouldRead(raw, null, due);

    [Theory]
    [InlineData("2025年中职学校招生")]
    [InlineData("2024年初中毕业生")]
    public void Zhongzhi_and_chuzhong_after_a_year_are_no_time_of_the_year(string text)
    {
        var deadline = Read(text, issueYear: null);
        deadline.Due.ShouldNotBe(new DateOnly(int.Parse(text[..4]), 6, 30));
        deadline.Due.ShouldNotBe(new DateOnly(int.Parse(text[..4]), 3, 31));
    }

    [Theory]
    [InlineData("2021—2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021年—2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021年至2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021-2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021——2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021～2023年", "2021-01-01", "2023-12-31")]
    [InlineData("2021－2023", "2021-01-01", "2023-12-31")]
    [InlineData("2021年到2025年", "2021-01-01", "2025-12-31")]
    [InlineData("2021年起至2023年底", "2021-01-01", "2023-12-31")]
    [InlineData("自2021年至2022年6月", "2021-01-01", "2022-06-30")]
    [InlineData("2021年9月—2022年6月", "2021-09-01", "2022-06-30")]
    [InlineData("2021年3月至6月", "2021-03-01", "2021-06-30")]
    [InlineData("2021年3-6月", "2021-03-01", "2021-06-30")]
    [InlineData("2021.9-2022.6", "2021-09-01", "2022-06-30")]
    [InlineData("2021年9月至6月", "2021-09-01", "2022-06-30")]
    [InlineData("2021年二至三季度", "2021-04-01", "2021-09-30")]
    [InlineData("2021年第一季度至第三季度", "2021-01-01", "2021-09-30")]
    [InlineData("2021年至次年6月", "2021-01-01", "2022-06-30")]
    [InlineData("2024—2025学年", "2024-09-01", "2025-08-31")]
    [InlineData("2024-2025学年", "2024-09-01", "2025-08-31")]
    public void Range_starts_at_its_first_date_and_is_due_at_its_last(string raw, string start, string due) =>
        ShouldRead(raw, 2020, due, start);

    [Theory]
    [InlineData("2017年起实施", "2017-01-01")]
    [InlineData("从2017年起", "2017-01-01")]
    [InlineData("自2019年1月1日起", "2019-01-01")]
    [InlineData("自2019年1月1日起施行", "2019-01-01")]
    [InlineData("2018年春季学期开始实施", "2018-03-01")]
    [InlineData("2018年秋季学期起", "2018-09-01")]
    [InlineData("从2018年9月起", "2018-09-01")]
    [InlineData("2020年下半年起", "2020-07-01")]
    [InlineData("自2020年开始", "2020-01-01")]
    [InlineData("2021年至今", "2021-01-01")]
    [InlineData("2019年以来", "2019-01-01")]
    public void Start_form_starts_and_runs_on_without_a_due_date(string raw, string start) =>
        ShouldRead(raw, 2016, due: null, start, ongoing: true);

    [Theory]
    [InlineData("长期坚持")]
    [InlineData("持续实施")]
    [InlineData("持续推进")]
    [InlineData("长期")]
    [InlineData("常态化")]
    [InlineData("常态化开展")]
    [InlineData("常年开展")]
    [InlineData("建立长效机制")]
    [InlineData("定期开展")]
    [InlineData("持续开展")]
    [InlineData("长期推进")]
    [InlineData("長期堅持")]
    [InlineData("持續實施")]
    [InlineData("長期推進")]
    [InlineData("常態化")]
    public void Ongoing_wording_is_ongoing_without_dates(string raw) => ShouldRead(raw, 2020, due: null, ongoing: true);

    [Theory]
    [InlineData("逐年推进")]
    [InlineData("按年度推进")]
    [InlineData("分年度实施")]
    public void Yearly_wording_without_每_recurs_yearly(string raw) =>
        ShouldRead(raw, 2020, due: null, ongoing: true, recurrence: Recurrence.Yearly);

    [Theory]
    [InlineData("按学期拨付", Recurrence.Semester)]
    [InlineData("按季度调度", Recurrence.Quarterly)]
    [InlineData("按月报送", Recurrence.Monthly)]
    public void A_cadence_written_with_按_recurs(string raw, Recurrence recurrence) =>
        ShouldRead(raw, 2020, due: null, ongoing: true, recurrence: recurrence);

    [Theory]
    [InlineData("2023年及以后", "2023-01-01")]
    [InlineData("2024年以后", "2024-01-01")]
    public void Year_and_after_starts_and_runs_on(string raw, string start) =>
        ShouldRead(raw, 2020, due: null, start, ongoing: true);

    [Fact]
    public void From_today_runs_on() => ShouldRead("即日起", 2020, due: null, ongoing: true);

    [Theory]
    [InlineData("“十四五”期间", "2021-01-01", "2025-12-31")]
    [InlineData("十三五期间", "2016-01-01", "2020-12-31")]
    [InlineData("“十五五”时期", "2026-01-01", "2030-12-31")]
    public void A_five_year_plan_period_spans_its_years(string raw, string start, string due) =>
        ShouldRead(raw, 2022, due, start);

    [Theory]
    [InlineData("2021年7月前完成并长期坚持", "2021-06-30")]
    [InlineData("2023年12月前完成并长期坚持", "2023-11-30")]
    [InlineData("2023年6月完成并长期坚持", "2023-06-30")]
    [InlineData("2023 年 6 月前完成并长期坚持", "2023-05-31")]
    [InlineData("2021 年 6 月前完成并长期坚持", "2021-05-31")]
    [InlineData("2022年底前完成，持续推进", "2022-12-31")]
    public void Date_with_ongoing_wording_is_due_and_ongoing(string raw, string due) =>
        ShouldRead(raw, 2020, due, ongoing: true);

    [Theory]
    [InlineData("每年12月底前", 2020, "2020-12-31", Recurrence.Yearly)]
    [InlineData("每年年底前", 2021, "2021-12-31", Recurrence.Yearly)]
    [InlineData("每年6月、12月", 2021, "2021-06-30", Recurrence.Yearly)]
    [InlineData("每月调度", 2020, null, Recurrence.Monthly)]
    [InlineData("每个月报送一次", 2020, null, Recurrence.Monthly)]
    [InlineData("每学期", 2020, null, Recurrence.Semester)]
    [InlineData("每學期開展一次", 2020, null, Recurrence.Semester)]
    [InlineData("每季度", 2020, null, Recurrence.Quarterly)]
    [InlineData("每季度末", 2020, null, Recurrence.Quarterly)]
    [InlineData("每半年", 2020, null, Recurrence.HalfYearly)]
    [InlineData("每年", 2020, null, Recurrence.Yearly)]
    [InlineData("每年度", 2020, null, Recurrence.Yearly)]
    [InlineData("每个季度", 2020, null, Recurrence.Quarterly)]
    [InlineData("每个学期", 2020, null, Recurrence.Semester)]
    [InlineData("每年12月底前", null, null, Recurrence.Yearly)]
    public void Recurring_wording_recurs_and_is_ongoing(
        string raw, int? issueYear, string? due, Recurrence recurrence) =>
        ShouldRead(raw, issueYear, due, ongoing: true, recurrence: recurrence);

    [Theory]
    [InlineData("每周调度")]
    [InlineData("每星期报送")]
    [InlineData("每天")]
    [InlineData("每旬")]
    public void Cadence_without_a_recurrence_value_is_ongoing(string raw) =>
        ShouldRead(raw, 2020, due: null, ongoing: true, recurrence: null);

    [Fact]
    public void Recurrence_after_a_start_year_is_first_due_in_that_year() =>
        ShouldRead("2020年起每年12月底前", 2019, "2020-12-31", "2020-01-01", ongoing: true, Recurrence.Yearly);

    [Theory]
    [InlineData("2023年前", "2022-12-31")]
    [InlineData("2020年前完成", "2019-12-31")]
    [InlineData("2021年下半年前", "2021-06-30")]
    [InlineData("2022年6月前后", "2022-06-30")]
    [InlineData("2025年前后", "2025-12-31")]
    [InlineData("2021年秋季", "2021-09-01")]
    [InlineData("2022年春季", "2022-03-01")]
    [InlineData("2021年起草", "2021-12-31")]
    [InlineData("截至2022年6月", "2022-06-30")]
    public void Ambiguous_forms_read_as_documented(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("２０２２年", "2022-12-31")]
    [InlineData("２０２２年６月底", "2022-06-30")]
    [InlineData("二〇二二年六月底", "2022-06-30")]
    [InlineData("二○二一年", "2021-12-31")]
    [InlineData("二O二一年十二月", "2021-12-31")]
    [InlineData("二〇二一年十一月三十日", "2021-11-30")]
    [InlineData("十二月底前", "2020-12-31")]
    [InlineData("三月底", "2020-03-31")]
    [InlineData("2022年十月前", "2022-09-30")]
    [InlineData("  2021年6月底  ", "2021-06-30")]
    [InlineData("2021\u3000年\u00A06\u200B月底", "2021-06-30")]
    [InlineData("完成時限：2022年底", "2022-12-31")]
    [InlineData("到2025年", "2025-12-31")]
    [InlineData("2020年9月底前完成。", "2020-09-30")]
    public void Messy_writing_reads_as_the_clean_form(string raw, string due) => ShouldRead(raw, 2020, due);

    [Theory]
    [InlineData("2023年", "2023-12-31", null, false)]
    [InlineData("2022年", "2022-12-31", null, false)]
    [InlineData("2021年4月", "2021-04-30", null, false)]
    [InlineData("长期坚持", null, null, true)]
    [InlineData("2020年9月底", "2020-09-30", null, false)]
    [InlineData("2021年底", "2021-12-31", null, false)]
    [InlineData("2022年9月底", "2022-09-30", null, false)]
    [InlineData("2020年底", "2020-12-31", null, false)]
    [InlineData("持续实施", null, null, true)]
    [InlineData("2018年秋季学期开学前完成", "2018-09-01", null, false)]
    [InlineData("2017年起实施", null, "2017-01-01", true)]
    [InlineData("2018年春季学期开始实施", null, "2018-03-01", true)]
    [InlineData("2021年7月前完成并长期坚持", "2021-06-30", null, true)]
    [InlineData("2023年12月前完成并长期坚持", "2023-11-30", null, true)]
    [InlineData("2023年6月完成并长期坚持", "2023-06-30", null, true)]
    [InlineData("2023 年 6 月前完成并长期坚持", "2023-05-31", null, true)]
    [InlineData("2021 年 6 月前完成并长期坚持", "2021-05-31", null, true)]
    public void Forms_from_real_plans(string raw, string? due, string? start, bool ongoing) =>
        ShouldRead(raw, 2019, due, start, ongoing);

    [Theory]
    [InlineData("2021年6月底前完成试点，2022年底前全面推开", "2022-12-31")]
    [InlineData("2022年、2021年", "2022-12-31")]
    [InlineData("2021年6月底前完成试点，12月底前全面推开", "2021-12-31")]
    [InlineData("2021年6月、9月、12月", "2021-12-31")]
    [InlineData("2021年6、9、12月", "2021-12-31")]
    [InlineData("2021年第一、二季度", "2021-06-30")]
    [InlineData("第一、第二季度", "2020-06-30")]
    [InlineData("2022年1和2月", "2022-02-28")]
    public void Several_milestones_are_due_at_the_last_and_share_the_written_year(string raw, string due) =>
        ShouldRead(raw, 2020, due);

    [Fact]
    public void Start_with_a_later_milestone_and_ongoing_wording_has_all_three() =>
        ShouldRead("2021年起步，2022年底前实现常态化", 2020, "2022-12-31", "2021-01-01", ongoing: true);

    [Fact]
    public void Start_and_due_written_apart_give_both_and_the_task_is_not_ongoing() =>
        ShouldRead("2021年起试点，2023年底前全面完成", 2020, "2023-12-31", "2021-01-01", ongoing: false);

    [Theory]
    [InlineData("按上级要求")]
    [InlineData("视情况")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("。")]
    [InlineData("根据工作需要")]
    [InlineData("2023")]
    [InlineData("3年内")]
    [InlineData("两年内完成")]
    [InlineData("半年内")]
    [InlineData("一年内")]
    [InlineData("几年内")]
    [InlineData("2021年2月30日")]
    [InlineData("1234年")]
    [InlineData("统一月报")]
    [InlineData("统一季度考核")]
    [InlineData("起草方案")]
    [InlineData("清明节后")]
    [InlineData("asdf!@#$%^&*()")]
    public void Unreadable_text_is_not_understood(string raw)
    {
        var deadline = Read(raw);
        deadline.ShouldSatisfyAllConditions(
            () => deadline.Understood.ShouldBeFalse(),
            () => deadline.Due.ShouldBeNull(),
            () => deadline.Start.ShouldBeNull(),
            () => deadline.Ongoing.ShouldBeFalse(),
            () => deadline.Recurrence.ShouldBeNull(),
            () => deadline.Raw.ShouldBe(raw.Trim()));
    }

    [Theory]
    [InlineData("年内")]
    [InlineData("年底前")]
    [InlineData("6月底")]
    [InlineData("12月底前")]
    [InlineData("第三季度")]
    [InlineData("上半年")]
    [InlineData("秋季学期开学前")]
    public void Yearless_date_without_issue_year_is_not_understood(string raw)
    {
        var deadline = Read(raw, issueYear: null);
        deadline.Understood.ShouldBeFalse();
        deadline.Due.ShouldBeNull();
    }

    [Theory]
    [InlineData("12月底前完成并长期坚持", true, null)]
    [InlineData("每年12月底前", true, Recurrence.Yearly)]
    [InlineData("自秋季学期起", true, null)]
    public void Yearless_date_without_issue_year_keeps_what_else_it_says(
        string raw, bool ongoing, Recurrence? recurrence)
    {
        var deadline = Read(raw, issueYear: null);
        deadline.ShouldSatisfyAllConditions(
            () => deadline.Due.ShouldBeNull(),
            () => deadline.Start.ShouldBeNull(),
            () => deadline.Ongoing.ShouldBe(ongoing),
            () => deadline.Recurrence.ShouldBe(recurrence),
            () => deadline.Understood.ShouldBe(ongoing || recurrence is not null));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-5)]
    [InlineData(99999)]
    [InlineData(int.MaxValue)]
    public void Implausible_issue_year_is_treated_as_unknown(int issueYear)
    {
        var deadline = Read("1月前", issueYear);
        deadline.Understood.ShouldBeFalse();
        deadline.Due.ShouldBeNull();
    }

    [Fact]
    public void Written_year_does_not_need_the_issue_year() => ShouldRead("2023年6月底前", null, "2023-06-30");

    [Fact]
    public void Raw_is_the_input_trimmed_and_span_is_kept()
    {
        var span = new SourceSpan(120, 141);
        var deadline = DeadlineParser.Parse("  2023 年 6 月前完成并长期坚持。\n", span, 2021);
        deadline.Raw.ShouldBe("2023 年 6 月前完成并长期坚持。");
        deadline.Span.ShouldBe(span);
    }

    [Fact]
    public void Null_input_is_not_understood_and_kept_empty()
    {
        var deadline = DeadlineParser.Parse(null!, AnySpan, 2020);
        deadline.Raw.ShouldBe("");
        deadline.Understood.ShouldBeFalse();
    }
}
