namespace Duban.Core.Assessments;

/// <summary>
/// Where an assessment is in the cycle offices run: 自评 → 复核 → 公示 → 定稿 (docs/assessment.md, "The cycle"). It only
/// moves forward; from 公示 on, the result is frozen.
/// </summary>
public enum AssessmentStage
{
    /// <summary>自评: the assessed organisations state their own scores; the office may recompute and enter scores.</summary>
    SelfAssessment = 1,

    /// <summary>复核: the office (or an inspector, for entered scores) reviews and adjusts with reasons.</summary>
    Review = 2,

    /// <summary>公示: published and frozen; later data changes do not move it.</summary>
    Publicity = 3,

    /// <summary>定稿: final.</summary>
    Final = 4,
}

public static class AssessmentStageRules
{
    public static string Label(this AssessmentStage stage) => stage switch
    {
        AssessmentStage.SelfAssessment => "自评",
        AssessmentStage.Review => "复核",
        AssessmentStage.Publicity => "公示",
        AssessmentStage.Final => "定稿",
        _ => throw new ArgumentOutOfRangeException(nameof(stage), stage, null),
    };

    /// <summary>A result can be computed again until it is published.</summary>
    public static bool Recomputable(this AssessmentStage stage) => stage is AssessmentStage.SelfAssessment or AssessmentStage.Review;

    public static bool AcceptsSelfScores(this AssessmentStage stage) => stage == AssessmentStage.SelfAssessment;

    /// <summary>Scores and bonus items may be entered while the result can still be computed again.</summary>
    public static bool AcceptsEntries(this AssessmentStage stage) => stage.Recomputable();

    /// <summary>Adjustments (复核) belong to the review stage.</summary>
    public static bool AcceptsReviews(this AssessmentStage stage) => stage == AssessmentStage.Review;

    /// <summary>From 公示 on the standings are the ones stored at publication.</summary>
    public static bool Frozen(this AssessmentStage stage) => stage is AssessmentStage.Publicity or AssessmentStage.Final;

    /// <summary>The one stage each stage may move to: forward, one step at a time.</summary>
    public static AssessmentStage? Next(this AssessmentStage stage) => stage switch
    {
        AssessmentStage.SelfAssessment => AssessmentStage.Review,
        AssessmentStage.Review => AssessmentStage.Publicity,
        AssessmentStage.Publicity => AssessmentStage.Final,
        _ => null,
    };
}
