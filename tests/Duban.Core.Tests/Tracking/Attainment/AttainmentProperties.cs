using Duban.Core.Tracking.Attainment;
using Duban.Parsing.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Core.Tests.Tracking.Attainment;

public sealed class AttainmentProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(300);

    // Values in hundredths from -100.00 to 100 000.00: percentages, counts and their edges.
    private static readonly Arbitrary<decimal> Values = Gen.Choose(-10_000, 10_000_000).Select(i => i / 100m).ToArbitrary();

    private static readonly Arbitrary<decimal> PositiveValues = Gen.Choose(1, 10_000_000).Select(i => i / 100m).ToArbitrary();

    // A comparator with the width of the range, used by Range only.
    private static readonly Arbitrary<(Comparator, decimal)> Targets =
        (from comparator in Gen.Elements(Enum.GetValues<Comparator>())
         from width in PositiveValues.Generator
         select (comparator, width)).ToArbitrary();

    private static TargetAttainment Rate(TargetFacts target, decimal actual) =>
        AttainmentRules.Evaluate(target, actual, AttainmentOptions.Default);

    [Fact]
    public void At_least_attainment_never_falls_as_the_value_rises() =>
        Check.One(Config, Prop.ForAll(PositiveValues, Values, Values, (target, a, b) =>
        {
            var facts = new TargetFacts(Comparator.AtLeast, target, null, "人", null, false);
            var (low, high) = a <= b ? (a, b) : (b, a);
            return Rate(facts, low).Rate <= Rate(facts, high).Rate;
        }));

    [Fact]
    public void At_most_attainment_never_rises_as_a_positive_value_rises() =>
        Check.One(Config, Prop.ForAll(PositiveValues, PositiveValues, PositiveValues, (target, a, b) =>
        {
            var facts = new TargetFacts(Comparator.AtMost, target, null, "%", null, false);
            var (low, high) = a <= b ? (a, b) : (b, a);
            return Rate(facts, low).Rate >= Rate(facts, high).Rate;
        }));

    [Fact]
    public void Met_exactly_when_the_distance_is_zero_and_the_rate_at_least_one() =>
        Check.One(Config, Prop.ForAll(Targets, PositiveValues, Values, (target, value, actual) =>
        {
            var (comparator, width) = target;
            var facts = new TargetFacts(comparator, value, value + width, "个", null, false);
            var result = Rate(facts, actual);
            return result.Met == (result.Distance == 0) && result.Met == (result.Rate >= 1) && result.Rate >= 0;
        }));

    [Fact]
    public void A_ratio_is_judged_by_its_share_whatever_its_scale() =>
        // 3800:6200 and 38:62 are the same ratio.
        Check.One(Config, Prop.ForAll(Gen.Choose(1, 9999).ToArbitrary(), Gen.Choose(1, 1000).ToArbitrary(), (first, scale) =>
        {
            var facts = AttainmentRulesTests.VocationalShareAtLeast;
            var small = AttainmentRules.Attain(facts, new(new DateOnly(2025, 6, 30), first, 10_000 - first), AttainmentOptions.Default);
            var large = AttainmentRules.Attain(facts, new(new DateOnly(2025, 6, 30), first * scale, (10_000 - first) * scale), AttainmentOptions.Default);
            return small.Met == large.Met && decimal.Round(small.Rate, 12) == decimal.Round(large.Rate, 12);
        }));

    [Fact]
    public void Points_on_a_line_project_onto_the_line() =>
        Check.One(Config, Prop.ForAll(Values, Gen.Choose(-500, 500).ToArbitrary(), Gen.Choose(2, 24).ToArbitrary(), (start, perMonth, count) =>
        {
            // Month ends from January 2023 (through the 2024 leap year), projected to the end of 2026.
            var points = Enumerable.Range(0, count)
                .Select(i => (MonthEnd(2023, 1 + i), start + perMonth * i))
                .ToList();
            var projection = LinearProjection.Fit(points, new DateOnly(2026, 12, 31))!;
            return projection.Value == start + perMonth * 47m;
        }));

    [Fact]
    public void Additive_sums_add_and_percentages_refuse() =>
        Check.One(Config, Prop.ForAll(Gen.ListOf(Values.Generator).Select(l => l.ToArray()).ToArbitrary(), values =>
            AdditiveUnits.Sum("人次", values) == values.Sum()
            && Throws(() => AdditiveUnits.Sum("%", values))));

    private static DateOnly MonthEnd(int year, int month)
    {
        var first = new DateOnly(year, 1, 1).AddMonths(month - 1);
        return first.AddDays(DateTime.DaysInMonth(first.Year, first.Month) - 1);
    }

    private static bool Throws(Action action)
    {
        try
        {
            action();
            return false;
        }
        catch (NonAdditiveUnitException)
        {
            return true;
        }
    }
}
