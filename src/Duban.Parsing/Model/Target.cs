namespace Duban.Parsing.Model;

/// <summary>A quantitative commitment: 双师型教师比例达到50%以上 → subject 双师型教师比例, &gt;= 50 %.</summary>
public sealed record Target
{
    /// <summary>What is measured, e.g. 双师型教师比例, 中等职业教育在校生.</summary>
    public required string Subject { get; init; }

    public required Comparator Comparator { get; init; }

    /// <summary>The value, normalised (2万 → 20000). For a ratio, the first term.</summary>
    public required decimal Value { get; init; }

    /// <summary>The upper bound of a range (4—5所 → 5).</summary>
    public decimal? ValueMax { get; init; }

    /// <summary>%, 人, 人次, 万元, 元, 个, 所, 门, 家, 名, 项, 次, 人/年… or "ratio".</summary>
    public required string Unit { get; init; }

    /// <summary>For ratios (职普比4:6): both terms, e.g. [4, 6].</summary>
    public IReadOnlyList<decimal>? Ratio { get; init; }

    /// <summary>The year by which the target is to be met (到2025年).</summary>
    public int? Year { get; init; }

    /// <summary>True when the value is per year (每年, 年培训).</summary>
    public bool PerYear { get; init; }

    /// <summary>Where the target applies (全市, 每个县), when stated.</summary>
    public string? Scope { get; init; }

    /// <summary>The phrase the target was read from.</summary>
    public required string Raw { get; init; }

    public required SourceSpan Span { get; init; }
}

public enum Comparator
{
    /// <summary>以上, 不低于, 不少于, 至少, 达到…以上.</summary>
    AtLeast,
    /// <summary>以下, 不高于, 不超过, 以内.</summary>
    AtMost,
    /// <summary>达到, 建成, 为 (a plain figure).</summary>
    Equal,
    /// <summary>左右, 约, 大体相当.</summary>
    Approximately,
    /// <summary>4—5所: <see cref="Target.Value"/> to <see cref="Target.ValueMax"/>.</summary>
    Range,
}
