using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;

namespace Duban.Core.Tests.Tracking;

public sealed class PeriodTests
{
    private static DateOnly D(string s) => DateOnly.Parse(s, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    [InlineData(PeriodKind.Monthly, "2026-01-15", "2026-01-01", "2026-01-31")]
    [InlineData(PeriodKind.Monthly, "2026-04-30", "2026-04-01", "2026-04-30")]
    [InlineData(PeriodKind.Monthly, "2024-02-10", "2024-02-01", "2024-02-29")] // leap year
    [InlineData(PeriodKind.Monthly, "2025-02-28", "2025-02-01", "2025-02-28")]
    [InlineData(PeriodKind.Monthly, "2100-02-01", "2100-02-01", "2100-02-28")] // not a leap year: divisible by 100
    [InlineData(PeriodKind.Monthly, "2000-02-01", "2000-02-01", "2000-02-29")] // a leap year: divisible by 400
    [InlineData(PeriodKind.Monthly, "2026-12-31", "2026-12-01", "2026-12-31")]
    [InlineData(PeriodKind.Quarterly, "2026-01-01", "2026-01-01", "2026-03-31")]
    [InlineData(PeriodKind.Quarterly, "2026-05-20", "2026-04-01", "2026-06-30")]
    [InlineData(PeriodKind.Quarterly, "2026-09-30", "2026-07-01", "2026-09-30")]
    [InlineData(PeriodKind.Quarterly, "2026-12-31", "2026-10-01", "2026-12-31")]
    [InlineData(PeriodKind.HalfYearly, "2026-06-30", "2026-01-01", "2026-06-30")]
    [InlineData(PeriodKind.HalfYearly, "2026-07-01", "2026-07-01", "2026-12-31")]
    public void The_period_containing_a_day(PeriodKind kind, string day, string start, string end)
    {
        var period = PeriodSpan.Containing(kind, D(day));

        period.ShouldBe(new PeriodSpan(kind, D(start), D(end)));
        period.Contains(D(day)).ShouldBeTrue();
    }

    [Fact]
    public void Periods_between_two_days_follow_each_other_without_gap_across_a_year()
    {
        var months = PeriodSpan.Between(PeriodKind.Monthly, D("2025-11-20"), D("2026-02-01")).ToList();

        months.Select(p => p.Start).ShouldBe([D("2025-11-01"), D("2025-12-01"), D("2026-01-01"), D("2026-02-01")]);
        months.Zip(months.Skip(1)).ShouldAllBe(pair => pair.First.End.AddDays(1) == pair.Second.Start);
        PeriodSpan.Between(PeriodKind.Quarterly, D("2026-01-01"), D("2026-12-31")).Select(p => p.Label)
            .ShouldBe(["2026年第1季度", "2026年第2季度", "2026年第3季度", "2026年第4季度"]);
        PeriodSpan.Between(PeriodKind.HalfYearly, D("2026-03-01"), D("2026-08-01")).Select(p => p.Label).ShouldBe(["2026年上半年", "2026年下半年"]);
    }

    [Fact]
    public void Next_and_previous_cross_the_year_and_a_period_starts_only_on_its_first_day()
    {
        var december = PeriodSpan.Containing(PeriodKind.Monthly, D("2025-12-09"));

        december.Next().ShouldBe(new PeriodSpan(PeriodKind.Monthly, D("2026-01-01"), D("2026-01-31")));
        december.Next().Previous().ShouldBe(december);
        december.Label.ShouldBe("2025年12月");
        PeriodSpan.StartingOn(PeriodKind.Quarterly, D("2026-04-01")).ShouldNotBeNull();
        PeriodSpan.StartingOn(PeriodKind.Quarterly, D("2026-05-01")).ShouldBeNull();
    }

    [Theory]
    // March 2026 closes on 31 March; the default window runs 5 days, to 5 April.
    [InlineData(LateRule.AcceptFlagged, 0, "2026-03-20", Timeliness.OnTime)]
    [InlineData(LateRule.AcceptFlagged, 0, "2026-04-05", Timeliness.OnTime)]
    [InlineData(LateRule.AcceptFlagged, 0, "2026-04-06", Timeliness.Late)]
    [InlineData(LateRule.AcceptFlagged, 0, "2026-12-31", Timeliness.Late)]
    [InlineData(LateRule.RefuseAfter, 10, "2026-04-15", Timeliness.Late)]
    [InlineData(LateRule.RefuseAfter, 10, "2026-04-16", Timeliness.Refused)]
    [InlineData(LateRule.RefuseAfter, 0, "2026-04-06", Timeliness.Refused)]
    public void A_submission_is_judged_against_the_window_of_its_cycle(LateRule rule, int refuseAfter, string submitted, Timeliness expected)
    {
        var cycle = new ReportingCycle { PlanId = 1, LateRule = rule, RefuseAfterDays = refuseAfter };
        var march = PeriodSpan.Containing(PeriodKind.Monthly, D("2026-03-01"));

        cycle.WindowCloses(march).ShouldBe(D("2026-04-05"));
        cycle.Judge(march, D(submitted)).ShouldBe(expected);
    }

    [Theory]
    [InlineData(PeriodKind.Monthly, "9999-12-31", "9999-12-01")]
    [InlineData(PeriodKind.Quarterly, "9999-12-01", "9999-10-01")]
    [InlineData(PeriodKind.HalfYearly, "9999-07-01", "9999-07-01")]
    public void The_calendars_last_period_is_computed_without_overflow(PeriodKind kind, string day, string start)
    {
        var last = PeriodSpan.Containing(kind, D(day));

        last.ShouldBe(new PeriodSpan(kind, D(start), DateOnly.MaxValue));
        last.IsLast.ShouldBeTrue();
        PeriodSpan.StartingOn(kind, D(start)).ShouldBe(last);
        new ReportingCycle { PlanId = 1, WindowDays = 30 }.WindowCloses(last).ShouldBe(DateOnly.MaxValue);
        new ReportingCycle { PlanId = 1, LateRule = LateRule.RefuseAfter, RefuseAfterDays = 30 }.Judge(last, DateOnly.MaxValue).ShouldBe(Timeliness.OnTime);
        Should.Throw<InvalidOperationException>(() => last.Next());
    }

    [Fact]
    public void Periods_up_to_the_end_of_the_calendar_stop_at_its_last_period()
    {
        PeriodSpan.Between(PeriodKind.Monthly, D("9999-10-15"), DateOnly.MaxValue).Select(p => p.Start)
            .ShouldBe([D("9999-10-01"), D("9999-11-01"), D("9999-12-01")]);
        PeriodSpan.Containing(PeriodKind.Quarterly, DateOnly.MinValue).IsFirst.ShouldBeTrue();
        Should.Throw<InvalidOperationException>(() => PeriodSpan.Containing(PeriodKind.Monthly, DateOnly.MinValue).Previous());
    }

    [Theory]
    [InlineData("1999-12-31", false)]
    [InlineData("2000-01-01", true)]
    [InlineData("2026-05-12", true)]
    [InlineData("2036-05-12", true)]
    [InlineData("2036-05-13", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    public void Plausible_dates_run_from_2000_to_ten_years_after_today(string day, bool plausible)
    {
        var today = D("2026-05-12");

        PlausibleDates.Contains(D(day), today).ShouldBe(plausible);
        PlausibleDates.OutOfRange("periodStart（填报周期的第一天）", today).ShouldBe("periodStart（填报周期的第一天）必须在 2000-01-01 至 2036-05-12 之间。");
    }

    [Fact]
    public void The_window_is_counted_in_Beijing_time()
    {
        // 16:30 UTC on 5 April is already 6 April in Beijing.
        ChinaCalendar.Today(new DateTimeOffset(2026, 4, 5, 16, 30, 0, TimeSpan.Zero)).ShouldBe(D("2026-04-06"));
        ChinaCalendar.Today(new DateTimeOffset(2026, 4, 5, 15, 59, 0, TimeSpan.Zero)).ShouldBe(D("2026-04-05"));
    }

    [Theory]
    [InlineData("报告.pdf", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("报告.PDF", new byte[] { 0x25, 0x50, 0x44, 0x46, 0x2D, 0x31 }, true)]
    [InlineData("报告.pdf", new byte[] { 0x50, 0x4B, 0x03, 0x04 }, false)]
    [InlineData("表.xlsx", new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x14 }, true)]
    [InlineData("照片.jpg", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, true)]
    [InlineData("照片.png", new byte[] { 0xFF, 0xD8, 0xFF, 0xE0 }, false)]
    [InlineData("照片.png", new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, true)]
    public void Evidence_must_match_its_extension_by_its_first_bytes(string name, byte[] head, bool accepted)
    {
        var type = EvidenceFormat.FromExtension(name);

        type.ShouldNotBeNull();
        EvidenceFormat.Matches(type.Value, head).ShouldBe(accepted);
    }

    [Theory]
    [InlineData("setup.exe")]
    [InlineData("报告.doc")]
    [InlineData("无扩展名")]
    public void Other_extensions_are_not_evidence(string name) => EvidenceFormat.FromExtension(name).ShouldBeNull();
}
