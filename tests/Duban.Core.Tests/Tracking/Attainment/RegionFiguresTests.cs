using Duban.Core.Tracking.Attainment;

namespace Duban.Core.Tests.Tracking.Attainment;

/// <summary>The 全市 figure of a period: reported by the region, or summed from the counties where the unit adds up.</summary>
public sealed class RegionFiguresTests
{
    public static TheoryData<string, decimal?, decimal[], int, RegionFigureSource, decimal?, bool> Table => new()
    {
        // unit, region's own value, counties' values, counties expected → source, figure, partial
        { "人次", null, [3200m, 2900m, 4100m], 3, RegionFigureSource.Summed, 10200m, false },
        { "人次", null, [3200m, 2900m], 3, RegionFigureSource.Summed, 6100m, true },
        { "人次", 11000m, [3200m, 2900m, 4100m], 3, RegionFigureSource.Reported, 11000m, false },
        { "%", 52.5m, [40m, 60m], 2, RegionFigureSource.Reported, 52.5m, false },
        { "%", null, [40m, 60m], 2, RegionFigureSource.None, null, false },
        { "ratio", null, [4.5m, 5m], 2, RegionFigureSource.None, null, false },
        { "元/生", null, [6000m], 1, RegionFigureSource.None, null, false },
        { "所", null, [], 4, RegionFigureSource.None, null, false },
        { "所", 0m, [], 4, RegionFigureSource.Reported, 0m, false },
        { "万元", null, [120.5m, 80m], 2, RegionFigureSource.Summed, 200.5m, false },
    };

    [Theory, MemberData(nameof(Table))]
    public void The_region_figure(string unit, decimal? region, decimal[] parts, int expected, RegionFigureSource source, decimal? value, bool partial)
    {
        var figure = RegionFigures.For(unit, region, parts, expected);

        figure.Source.ShouldBe(source);
        figure.Value.ShouldBe(value);
        figure.Partial.ShouldBe(partial);
        figure.Parts.ShouldBe(parts.Length);
        figure.ExpectedParts.ShouldBe(expected);
        (figure.Reason is null).ShouldBe(source != RegionFigureSource.None);
    }

    [Theory]
    [InlineData("%", "单位为“%”的指标值不能由下级汇总相加，须直接填报。")]
    [InlineData("ratio", "单位为“比例”的指标值不能由下级汇总相加，须直接填报。")]
    public void A_rate_is_not_summed_and_says_why(string unit, string reason) =>
        RegionFigures.For(unit, null, [1m, 2m], 2).Reason.ShouldBe(reason);

    [Fact]
    public void Nothing_reported_says_so() =>
        RegionFigures.For("人", null, [], 3).Reason.ShouldBe(RegionFigures.NotReported);
}
