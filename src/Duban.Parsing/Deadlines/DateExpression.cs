namespace Duban.Parsing.Deadlines;

/// <summary>What a date written in a deadline says about the task.</summary>
internal enum DateRole
{
    /// <summary>The task is due by the end of the period: "2023年6月底前".</summary>
    Due,

    /// <summary>The task runs from the start of the period on: "2017年起实施", "自2019年1月1日起".</summary>
    Start,

    /// <summary>The task runs from the start to the end of the period: "2021—2023年".</summary>
    Range,
}

/// <param name="Period">The dates; null when the text needs a year nobody gave ("6月底" without an issue year).</param>
/// <param name="End">The index just after the expression in the normalized text.</param>
/// <param name="Year">The year the expression ends in, which year-less dates after it are in.</param>
internal readonly record struct DateExpression(DateRole Role, Period? Period, int End, int? Year);

/// <summary>One written date before its role is known.</summary>
/// <param name="Year">The year it is in, for a year-less second half of a range ("2021年3月至6月").</param>
/// <param name="IsRange">True when the date is already a range ("3—6月"), not a list ("6、9月").</param>
internal readonly record struct DatePoint(Period? Period, int End, int? Year, bool IsRange = false);
