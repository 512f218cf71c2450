namespace Duban.Web.Batch;

/// <summary>An item as the confirmation step shows it: what it is, where it stands, and why the batch would leave it alone.</summary>
/// <param name="Version">The version read for the confirmation: the batch acts only on that version, so a change made
/// between the two steps is refused rather than approved unseen.</param>
/// <param name="Refusal">Why the batch would not act on it; null when it would.</param>
public sealed record BatchCandidate(long Id, string Label, string Detail, string Status, Guid? Version, string? Refusal)
{
    public bool Actionable => Refusal is null;
}

/// <summary>What became of one item: done, or refused and why. Nothing is written for a refused item.</summary>
public sealed record BatchItemResult(long Id, string Label, bool Done, string Message);

/// <summary>Limits and words shared by the batch pages.</summary>
public static class BatchRules
{
    /// <summary>The most items one batch takes: a page of the review queue or of the 督办单 list.</summary>
    public const int MaxItems = 100;

    public const string NotFound = "未找到，或不在您的数据范围内。";

    /// <summary>
    /// The ids posted by the list's check boxes (name <c>ids</c>): each a positive number, no more than
    /// <see cref="MaxItems"/>, in the order given, once each. A wrong one is named in the error.
    /// </summary>
    public static (IReadOnlyList<long> Ids, string? Error) ReadIds(IEnumerable<string?> values)
    {
        var ids = new List<long>();
        foreach (var value in values)
        {
            if (!long.TryParse(value, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var id) || id <= 0)
                return ([], $"所选项目的编号“{Shorten(value)}”无效。");
            if (!ids.Contains(id)) ids.Add(id);
        }
        if (ids.Count == 0) return ([], "请先在列表中勾选要处理的项目。");
        if (ids.Count > MaxItems) return ([], $"一次最多处理 {MaxItems} 项，您选择了 {ids.Count} 项。");
        return (ids, null);
    }

    /// <summary>The version each item had on the confirmation page (field <c>v-{id}</c>); an unreadable one is no version, which no record has.</summary>
    public static Guid VersionOf(Microsoft.AspNetCore.Http.IFormCollection form, long id) =>
        Guid.TryParse(form[$"v-{id}"], out var version) ? version : Guid.Empty;

    private static string Shorten(string? text) => text is null ? "" : text.Length > 20 ? text[..20] + "…" : text;
}
