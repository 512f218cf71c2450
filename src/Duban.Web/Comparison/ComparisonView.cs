using System.Globalization;
using Duban.Core.Comparison;
using Duban.Core.Tracking.Attainment;
using Duban.Web.Paging;

namespace Duban.Web.Comparison;

/// <summary>Which way the grid is laid out: targets as rows and regions as columns, or the reverse.</summary>
public enum ComparisonOrientation
{
    /// <summary>Each target a row, each region below a column (the default).</summary>
    Targets,

    /// <summary>Each region below a row, each target a column.</summary>
    Regions,
}

/// <summary>The options of a comparison (docs/comparison.md): all from the query string, so that the page works without script.</summary>
/// <param name="Year">The values as they stood at the end of that year (and the tasks due in it); null: today.</param>
/// <param name="Sort">The grid's sort column: <c>name</c> or a column key (<c>r12</c> a region, <c>t34</c> a target); null: the natural order.</param>
/// <param name="CompletionSort">The completion table's sort column (<see cref="CompletionSorts"/>); null: the regions' order.</param>
public sealed record ComparisonFilter(long? PlanId, int? Year, ComparisonOrientation Orientation, string? Sort, bool Descending, string? CompletionSort, bool CompletionDescending)
{
    public static ComparisonFilter Default { get; } = new(null, null, ComparisonOrientation.Targets, null, false, null, false);

    public static readonly string[] CompletionSorts = ["name", "tasks", "doneOnTime", "doneLate", "overdue", "inProgress", "rate", "onTimeRate"];

    /// <summary>The query string of these options, leading "?" included (empty when all are defaults), with <paramref name="change"/> applied.</summary>
    public string Query(Func<ComparisonFilter, ComparisonFilter>? change = null)
    {
        var f = change is null ? this : change(this);
        var parts = new List<string>();
        if (f.PlanId is { } plan) parts.Add($"planId={plan}");
        if (f.Year is { } year) parts.Add($"year={year}");
        if (f.Orientation == ComparisonOrientation.Regions) parts.Add("orient=regions");
        if (f.Sort is { } sort) parts.Add($"sort={Uri.EscapeDataString(sort)}");
        if (f.Sort is not null && f.Descending) parts.Add("dir=desc");
        if (f.CompletionSort is { } csort) parts.Add($"csort={csort}");
        if (f.CompletionSort is not null && f.CompletionDescending) parts.Add("cdir=desc");
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    /// <summary>Reads the options; a wrong one is an error naming its field, in Chinese.</summary>
    public static (ComparisonFilter? Filter, string? Field, string? Error) Parse(string? planId, string? year, string? orient, string? sort, string? dir, string? csort, string? cdir)
    {
        if (!QueryValue.TryLong(planId, out var plan)) return (null, "planId", "planId（计划）必须是计划编号。");
        if (!QueryValue.TryInt(year, out var y) || y is < 2000 or > 2100) return (null, "year", "year（年度）必须是 2000 至 2100 之间的年份。");
        ComparisonOrientation? orientation = orient?.Trim() switch
        {
            null or "" or "targets" => ComparisonOrientation.Targets,
            "regions" => ComparisonOrientation.Regions,
            _ => null,
        };
        if (orientation is null) return (null, "orient", "orient（排列方式）只能是 targets（指标为行）或 regions（地区为行）。");
        var sortKey = string.IsNullOrWhiteSpace(sort) ? null : sort.Trim();
        if (sortKey is not null && sortKey != "name" && !IsColumnKey(sortKey))
            return (null, "sort", "sort（排序列）只能是 name 或列的编号（如 r12、t34）。");
        if (ReadDirection(dir) is not { } descending) return (null, "dir", "dir（排序方向）只能是 asc 或 desc。");
        var completionKey = string.IsNullOrWhiteSpace(csort) ? null : csort.Trim();
        if (completionKey is not null && !CompletionSorts.Contains(completionKey))
            return (null, "csort", $"csort（完成情况排序列）只能是 {string.Join("、", CompletionSorts)} 之一。");
        if (ReadDirection(cdir) is not { } completionDescending) return (null, "cdir", "cdir（排序方向）只能是 asc 或 desc。");
        return (new ComparisonFilter(plan, y, orientation.Value, sortKey, descending, completionKey, completionDescending), null, null);
    }

    private static bool? ReadDirection(string? dir) => dir?.Trim() switch
    {
        null or "" or "asc" => false,
        "desc" => true,
        _ => null,
    };

    private static bool IsColumnKey(string key) =>
        key.Length > 1 && key[0] is 'r' or 't' && long.TryParse(key.AsSpan(1), NumberStyles.None, CultureInfo.InvariantCulture, out _);
}

/// <summary>A row or a column of the grid: a target (<c>t{id}</c>) or a region (<c>r{id}</c>).</summary>
/// <param name="Detail">For a target, the target as written and where it stands in its plan; for a region, empty.</param>
public sealed record ComparisonAxis(string Key, string Kind, long Id, string Label, string Detail, string? Unit, long? PlanId, long? TaskId);

/// <summary>One target in one region.</summary>
/// <param name="Value">The latest value (by period end, up to the year's end with a year), null without any.</param>
/// <param name="ValueText">The value as offices write it (a ratio as 4.2:5.8); empty without a value.</param>
/// <param name="Rate">The latest value's attainment (direction-aware, 1 = met; docs/status-rules.md).</param>
/// <param name="Band">The band: the target status of the region's series (无数据 / 正常 / 滞后 / 已达成).</param>
/// <param name="Better">The move went towards the target (the rate rose); null when it cannot tell.</param>
/// <param name="OrganizationId">The organisation whose values these are (the region's responsible one that reported).</param>
public sealed record ComparisonCell(
    long TargetId,
    long RegionId,
    decimal? Value,
    string ValueText,
    string? Period,
    decimal? PreviousValue,
    string? PreviousPeriod,
    decimal? Rate,
    TargetStatus Band,
    string BandLabel,
    Trend Trend,
    string Arrow,
    bool? Better,
    long? OrganizationId,
    string? OrganizationName);

public sealed record ComparisonRow(ComparisonAxis Axis, IReadOnlyList<ComparisonCell> Cells);

/// <summary>One band of the legend, with how many cells of the grid are in it.</summary>
public sealed record ComparisonBand(TargetStatus Band, string Label, string Description, int Cells);

/// <summary>One region's task completion (docs/comparison.md).</summary>
public sealed record CompletionRow(long RegionId, string Name, int Tasks, int DoneOnTime, int DoneLate, int Overdue, int InProgress, decimal? Rate, decimal? OnTimeRate);

/// <summary>A region's comparison across the regions directly below it.</summary>
/// <param name="AsOf">The day the bands are judged at: today, or the year's last day when it has passed.</param>
/// <param name="MoreTargets">More targets are in scope than the grid holds (<see cref="ComparisonQueries.MaxTargets"/>): those with values come first.</param>
public sealed record ComparisonView(
    long RegionId,
    string RegionName,
    ComparisonFilter Filter,
    DateOnly AsOf,
    IReadOnlyList<ComparisonAxis> Columns,
    IReadOnlyList<ComparisonRow> Rows,
    IReadOnlyList<ComparisonBand> Legend,
    IReadOnlyList<CompletionRow> Completion,
    bool MoreTargets = false);
