namespace Duban.Parsing.Model;

/// <summary>A task's deadline (完成时限 / 时间进度), with the rules of docs/parsing-rules.md applied.</summary>
public sealed record Deadline
{
    /// <summary>The deadline as written.</summary>
    public required string Raw { get; init; }

    /// <summary>The date by which the task is due, when one can be computed.</summary>
    public DateOnly? Due { get; init; }

    /// <summary>The date from which the task runs (2017年起实施, 2018年春季学期开始实施, 2021—2023年).</summary>
    public DateOnly? Start { get; init; }

    /// <summary>True for 长期坚持 / 持续实施 / …并长期坚持 / 常态化.</summary>
    public bool Ongoing { get; init; }

    /// <summary>For recurring deadlines (每年, 每学期, 每月): how often.</summary>
    public Recurrence? Recurrence { get; init; }

    /// <summary>False when the text could not be read as a deadline (a warning says so).</summary>
    public bool Understood { get; init; } = true;

    public required SourceSpan Span { get; init; }
}

public enum Recurrence
{
    Monthly,
    Quarterly,
    Semester,
    HalfYearly,
    Yearly,
}
