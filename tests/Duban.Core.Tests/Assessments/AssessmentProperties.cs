using Duban.Core.Assessments;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Core.Tests.Assessments;

/// <summary>
/// Properties of the scorer over random facts: every score is the sum of its explanation items, stays within its
/// indicator's range, and the same facts in any order give byte-for-byte the same result.
/// </summary>
public sealed class AssessmentProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    private static readonly DateOnly Origin = new(2025, 1, 1);

    private static Gen<DateOnly> Day => Gen.Choose(0, 800).Select(d => Origin.AddDays(d));

    private static Gen<AssignmentFact> Assignments =>
        from id in Gen.Choose(1, 60)
        from role in Gen.Elements(UnitRole.Lead, UnitRole.Cooperating)
        from hasDue in Gen.Elements(true, false)
        from due in Day
        from ongoing in Gen.Elements(true, false)
        from state in Gen.Elements(Enum.GetValues<ReportedState>())
        from reported in Gen.Elements(true, false)
        from when in Day
        from last in Gen.Elements(Enum.GetValues<ClosedPeriodReport>())
        select new AssignmentFact(AssessmentFactsBuilder.Task(id),
            new AssignmentFacts(id, role, hasDue ? due : null, ongoing, reported ? new ApprovedReport(state, 50, when) : null, last));

    private static Gen<PeriodReportFact> Periods =>
        from id in Gen.Choose(1, 60)
        from month in Gen.Choose(1, 12)
        from timing in Gen.Elements(Enum.GetValues<ReportTiming>())
        let span = PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, month, 1))
        select new PeriodReportFact(AssessmentFactsBuilder.Task(id), span, span.End.AddDays(5), timing, timing == ReportTiming.Missing ? null : id, timing == ReportTiming.Missing ? null : span.End);

    private static Gen<TargetFact> Targets =>
        from id in Gen.Choose(1, 1000)
        from comparator in Gen.Elements(Comparator.AtLeast, Comparator.AtMost, Comparator.Approximately)
        from value in Gen.Choose(1, 200)
        from year in Gen.Elements<int?>(2025, 2026, 2027, null)
        from funding in Gen.Elements(true, false)
        from values in Gen.ListOf(Gen.Zip(Day, Gen.Choose(0, 300)))
        let target = new TargetFacts(comparator, value, null, "%", year, false)
        select new TargetFact(id, AssessmentFactsBuilder.Task(id), funding ? "生均拨款" : "双师型比例", "原文", target,
            [.. values.Select(v => new ObservationFact(v.Item1, v.Item2)).DistinctBy(v => v.PeriodEnd)]);

    private static Gen<OrderFact> Orders =>
        from id in Gen.Choose(1, 1000)
        from issued in Day
        from days in Gen.Choose(1, 30)
        from replied in Gen.Elements(true, false)
        from after in Gen.Choose(0, 60)
        from closed in Gen.Elements(true, false)
        select new OrderFact(id, $"督办〔2026〕{id}号", AssessmentFactsBuilder.Task(1), issued, issued.AddDays(days), replied ? issued.AddDays(after) : null, closed, closed && !replied, 0);

    private static Gen<FlagFact> Flags =>
        from id in Gen.Choose(1, 1000)
        from kind in Gen.Elements(FlagKind.Summons, FlagKind.Bulletin)
        from when in Day
        select new FlagFact(id, AssessmentFactsBuilder.Task(1), kind, when, "标记");

    private static Gen<EntryFact> Entries =>
        from id in Gen.Choose(1, 1000)
        from code in Gen.Elements("inspection", "bonus")
        from points in Gen.Choose(0, 120)
        select new EntryFact(id, code, points / 10m, "说明", "督查员", Origin, null, null);

    private static Gen<OrganizationFacts> Organization(long id) =>
        from a in Gen.ListOf(Assignments)
        from p in Gen.ListOf(Periods)
        from t in Gen.ListOf(Targets)
        from o in Gen.ListOf(Orders)
        from f in Gen.ListOf(Flags)
        from e in Gen.ListOf(Entries)
        from returns in Gen.ListOf(Gen.Choose(0, 2))
        select new OrganizationFacts(id, $"单位{id}", [.. a.DistinctBy(x => x.Task.TaskId)], [.. p.DistinctBy(x => (x.Task.TaskId, x.Period))],
            [.. returns.Select((r, i) => new ReviewedReportFact(i + 1, AssessmentFactsBuilder.Task(1), PeriodSpan.Containing(PeriodKind.Monthly, Origin), r, r == 0))],
            [.. t.DistinctBy(x => x.TargetId)], [.. o.DistinctBy(x => x.OrderId)], [.. f.DistinctBy(x => x.EventId)], [.. e.DistinctBy(x => x.EntryId)]);

    private static Arbitrary<AssessmentFacts> Facts =>
        (from asOf in Gen.Choose(0, 364)
         from one in Organization(1)
         from two in Organization(2)
         select new AssessmentFacts(2026, new DateOnly(2026, 1, 1).AddDays(asOf), [one, two])).ToArbitrary();

    [Fact]
    public void A_score_is_the_sum_of_its_explanation_items_and_stays_in_range() =>
        Check.One(Config, Prop.ForAll(Facts, facts =>
        {
            var scheme = DefaultScheme.For([1, 2]);
            var sheet = AssessmentScorer.Score(scheme, facts);
            foreach (var organization in sheet.Organizations)
            {
                organization.Total.ShouldBe(organization.Indicators.Sum(i => i.Points));
                foreach (var indicator in organization.Indicators)
                {
                    indicator.Points.ShouldBe(Points.Round(indicator.Items.Sum(i => i.Points)), indicator.Code);
                    var (min, max) = scheme.Indicator(indicator.Code)!.Range;
                    indicator.Points.ShouldBeInRange(min, max, indicator.Code);
                    indicator.Items.Where(i => !i.Counted).ShouldAllBe(i => i.Points == 0);
                }
            }
            return true;
        }));

    [Fact]
    public void The_same_facts_in_any_order_give_the_same_result() =>
        Check.One(Config, Prop.ForAll(Facts, Gen.Choose(0, int.MaxValue).ToArbitrary(), (facts, seed) =>
        {
            var random = new Random(seed);
            List<T> Shuffle<T>(IEnumerable<T> items) => [.. items.OrderBy(_ => random.Next())];
            var shuffled = facts with
            {
                Organizations = Shuffle(facts.Organizations.Select(o => o with
                {
                    Assignments = Shuffle(o.Assignments), PeriodReports = Shuffle(o.PeriodReports), ReviewedReports = Shuffle(o.ReviewedReports),
                    Targets = Shuffle(o.Targets), Orders = Shuffle(o.Orders), Flags = Shuffle(o.Flags), Entries = Shuffle(o.Entries),
                })),
            };
            var scheme = DefaultScheme.For([1, 2]);
            return AssessmentJson.Digest(AssessmentScorer.Score(scheme, facts)) == AssessmentJson.Digest(AssessmentScorer.Score(scheme, shuffled));
        }));

    [Fact]
    public void Standings_rank_by_total_with_ties_sharing_a_rank() =>
        Check.One(Config, Prop.ForAll(Gen.ListOf(Gen.Choose(0, 20)).ToArbitrary(), totals =>
        {
            var sheet = new ScoreSheet(2026, Origin, 100, [.. totals.Select((t, i) => new OrganizationScore(i + 1, $"单位{i + 1}", t * 5,
                [new IndicatorScore("manual", "人工", IndicatorKind.Manual, 100, t * 5, "", "", [])]))]);
            var standings = Standings.Rank(sheet, [], GradeBands.Default, []);
            foreach (var s in standings)
                s.Rank.ShouldBe(1 + standings.Count(o => o.Total > s.Total));
            standings.Select(s => s.Total).ShouldBeInOrder(SortDirection.Descending);
            return true;
        }));
}
