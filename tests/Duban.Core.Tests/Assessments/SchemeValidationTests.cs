using Duban.Core.Assessments;

namespace Duban.Core.Tests.Assessments;

public sealed class SchemeValidationTests
{
    private static SchemeDefinition Default => DefaultScheme.For([1, 2, 3]);

    [Fact]
    public void The_default_scheme_is_valid_and_its_base_indicators_are_worth_100()
    {
        var (definition, problems) = SchemeValidation.Check(Default);

        problems.ShouldBeEmpty();
        definition!.BaseTotal.ShouldBe(100m);
        definition.Indicators.Select(i => i.Code).ShouldBe(["task", "timeliness", "quality", "targets", "funding", "orders", "inspection", "deduction", "bonus"]);
    }

    [Fact]
    public void A_missing_parameter_takes_its_kinds_default_and_other_kinds_parameters_are_dropped()
    {
        var scheme = Default with { Indicators = [new IndicatorDefinition("t", "任务", IndicatorKind.TaskCompletion, 40, new ScoringRule(LateCredit: 0.8m, SummonsPoints: 5))] };

        var rule = SchemeValidation.Check(scheme).Definition!.Indicators.Single().Rule;

        rule.ShouldBe(new ScoringRule(CooperatingWeight: 0m, LateCredit: 0.8m, OngoingMissingCredit: 0.5m));
    }

    public static TheoryData<string, string> Problems => new()
    {
        { "duplicate code", "indicators[1].code" },
        { "bad code", "indicators[0].code" },
        { "zero points", "indicators[0].maxPoints" },
        { "share above one", "indicators[0].rule.lateCredit" },
        { "invisible name", "indicators[0].name" },
        { "grades out of order", "grades" },
        { "no organisations", "organizationIds" },
        { "only a bonus", "indicators" },
        { "exclude without words", "indicators[0].rule.keywords" },
    };

    [Theory, MemberData(nameof(Problems))]
    public void A_wrong_scheme_is_refused_naming_the_field(string @case, string field)
    {
        var task = DefaultScheme.Indicators[0];
        var scheme = @case switch
        {
            "duplicate code" => Default with { Indicators = [task, task with { Name = "另一个" }] },
            "bad code" => Default with { Indicators = [task with { Code = "任务" }] },
            "zero points" => Default with { Indicators = [task with { MaxPoints = 0 }] },
            "share above one" => Default with { Indicators = [task with { Rule = task.Rule with { LateCredit = 1.5m } }] },
            "invisible name" => Default with { Indicators = [task with { Name = "任务\u200B完成" }] },
            "grades out of order" => Default with { Grades = new GradeBands(80, 90, 60) },
            "no organisations" => Default with { OrganizationIds = [] },
            "only a bonus" => Default with { Indicators = [DefaultScheme.Indicators.Single(i => i.Kind == IndicatorKind.Bonus)] },
            "exclude without words" => Default with { Indicators = [new IndicatorDefinition("t", "目标", IndicatorKind.TargetAttainment, 10, new ScoringRule(ExcludeKeywords: true))] },
            _ => throw new ArgumentOutOfRangeException(nameof(@case)),
        };

        var (definition, problems) = SchemeValidation.Check(scheme);

        definition.ShouldBeNull();
        problems.Select(p => p.Field).ShouldContain(field);
        problems.ShouldAllBe(p => p.Message.Length > 0);
    }

    [Fact]
    public void A_scheme_survives_its_json()
    {
        var json = AssessmentJson.Write(Default);
        var read = AssessmentJson.Read<SchemeDefinition>(json);

        AssessmentJson.Write(read).ShouldBe(json);
        json.ShouldContain("\"kind\":\"taskCompletion\"");
        json.ShouldContain("经费");
    }
}
