using Duban.Core.Governance;

namespace Duban.Core.Tests.Governance;

public sealed class CadenceRulesTests
{
    private static DateOnly D(string text) => DateOnly.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    [Theory]
    // 每半年一次 / 每年至少2次: January–June and July–December.
    [InlineData(2, "2026-01-01..2026-06-30|2026-07-01..2026-12-31")]
    [InlineData(1, "2026-01-01..2026-12-31")]
    [InlineData(4, "2026-01-01..2026-03-31|2026-04-01..2026-06-30|2026-07-01..2026-09-30|2026-10-01..2026-12-31")]
    [InlineData(3, "2026-01-01..2026-04-30|2026-05-01..2026-08-31|2026-09-01..2026-12-31")]
    // Rounded up: 1.5 a year asks for two windows; more than 12 is held to one a month.
    [InlineData(1.5, "2026-01-01..2026-06-30|2026-07-01..2026-12-31")]
    [InlineData(0.5, "2026-01-01..2026-12-31")]
    public void A_cadence_cuts_the_year_into_equal_windows_at_month_boundaries(double perYear, string expected)
    {
        var windows = CadenceRules.WindowsOf(2026, (decimal)perYear);
        string.Join("|", windows.Select(w => $"{w.Start:yyyy-MM-dd}..{w.End:yyyy-MM-dd}")).ShouldBe(expected);
    }

    [Fact]
    public void Monthly_at_most_and_leap_years_end_on_the_last_day()
    {
        var windows = CadenceRules.WindowsOf(2028, 24);
        windows.Count.ShouldBe(12);
        windows[1].End.ShouldBe(new DateOnly(2028, 2, 29));
    }

    [Theory]
    [InlineData(2, 1, "2026年上半年")]
    [InlineData(2, 2, "2026年下半年")]
    [InlineData(1, 1, "2026年")]
    [InlineData(4, 3, "2026年第3季度")]
    [InlineData(3, 2, "2026年第2期（5月—8月）")]
    public void Windows_are_named_as_an_office_names_them(int perYear, int index, string label) =>
        CadenceRules.WindowsOf(2026, perYear)[index - 1].Label.ShouldBe(label);

    [Theory]
    // from, today, meetings → the states of the windows shown, in order.
    [InlineData("2026-01-01", "2026-03-01", "", "Open,Upcoming")]
    [InlineData("2026-01-01", "2026-07-05", "", "Missed,Open,Upcoming")]
    [InlineData("2026-01-01", "2026-07-05", "2026-03-15", "Met,Open,Upcoming")]
    [InlineData("2026-01-01", "2027-01-10", "2026-03-15,2026-04-01", "Met,Missed,Open,Upcoming")]
    // The window holding the start is the first judged, even when the start is late in it.
    [InlineData("2026-06-20", "2026-07-05", "", "Missed,Open,Upcoming")]
    // A meeting on the window's last day meets it; the last day itself is still open.
    [InlineData("2026-01-01", "2026-06-30", "", "Open,Upcoming")]
    [InlineData("2026-01-01", "2026-07-01", "2026-06-30", "Met,Open,Upcoming")]
    // A start in the future is judged from today.
    [InlineData("2027-05-01", "2026-07-05", "", "Open,Upcoming")]
    public void Each_window_is_met_missed_open_or_upcoming(string from, string today, string meetings, string expected)
    {
        var held = meetings.Length == 0 ? [] : meetings.Split(',').Select(D).ToList();
        var statuses = CadenceRules.Evaluate(2, D(from), D(today), held);
        string.Join(",", statuses.Select(s => s.State)).ShouldBe(expected);
    }

    [Theory]
    [InlineData("2026-05-30", false)]
    [InlineData("2026-05-31", true)]
    [InlineData("2026-06-30", true)]
    public void An_open_window_is_due_soon_within_the_reminder_lead(string today, bool dueSoon)
    {
        var open = CadenceRules.Evaluate(2, D("2026-01-01"), D(today), []).Single(s => s.State == WindowState.Open);
        open.DueSoon.ShouldBe(dueSoon);
    }

    [Fact]
    public void A_met_window_is_never_due_soon()
    {
        var statuses = CadenceRules.Evaluate(2, D("2026-01-01"), D("2026-06-20"), [D("2026-02-01")]);
        statuses[0].State.ShouldBe(WindowState.Met);
        statuses.ShouldAllBe(s => !s.DueSoon);
    }
}
