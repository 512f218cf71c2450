using Duban.Parsing.Metadata;

namespace Duban.Parsing.Tests.Metadata;

/// <summary>The year a plan's year-less deadlines fall in: the one its title names, else its issue year.</summary>
public sealed class PlanYearTests
{
    [Theory]
    [InlineData("云岭县2025年职业教育工作要点", 2025)]
    [InlineData("东川区2024年度职业教育重点任务分工方案", 2024)]
    [InlineData("关于落实2023年政府工作报告的任务分解", 2023)]
    [InlineData("2024年全市职业教育工作要点（2024年修订）", 2024)]
    public void A_title_naming_one_year_gives_it(string title, int year) => PlanYear.TitleYear(title).ShouldBe(year);

    [Theory]
    [InlineData("青禾市职业教育提质培优行动计划（2023—2025年）")]
    [InlineData("青禾市职业教育三年行动计划（2023-2025）")]
    [InlineData("西岭市2021年至2025年职业教育发展规划")]
    [InlineData("南浦县2024年和2025年职业教育重点工作")]
    [InlineData("南浦县职业教育重点任务分工方案")]
    [InlineData("招收3000名学生的实施方案")]
    public void A_title_naming_a_span_several_years_or_none_gives_none(string title) => PlanYear.TitleYear(title).ShouldBeNull();

    [Fact]
    public void The_title_year_wins_over_the_issue_date()
    {
        var metadata = new PlanMetadata { Title = "云岭县2025年职业教育工作要点", IssueDate = new DateOnly(2024, 12, 26) };
        PlanYear.Of(metadata).ShouldBe(2025);
    }

    [Fact]
    public void Without_a_title_year_the_issue_year_is_taken()
    {
        var metadata = new PlanMetadata { Title = "青禾市职业教育提质培优行动计划（2023—2025年）", IssueDate = new DateOnly(2023, 4, 2) };
        PlanYear.Of(metadata).ShouldBe(2023);
    }
}
