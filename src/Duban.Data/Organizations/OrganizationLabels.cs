namespace Duban.Data.Organizations;

/// <summary>An organisation as lists show it: its name, with its region when another active organisation has the same name.</summary>
/// <remarks>Init properties rather than a positional record: a query can then go on filtering on them in SQL.</remarks>
public sealed record OrganizationLabel
{
    public long Id { get; init; }

    public string Label { get; init; } = "";
}

/// <summary>
/// No two organisations are shown under one name. Imports now write the place into a name (平凉市教育局), but databases
/// filled before that hold several 市教育局; until an administrator merges or renames them, each is shown with its region
/// (市教育局（平凉市）) wherever a list has to tell them apart. One query, translated to SQL on both databases.
/// </summary>
public static class OrganizationLabels
{
    public static IQueryable<OrganizationLabel> Labels(this DubanDbContext db) =>
        db.Organizations.Select(o => new OrganizationLabel
        {
            Id = o.Id,
            Label = db.Organizations.Any(x => x.Id != o.Id && x.Name == o.Name && x.IsActive && x.MergedIntoId == null)
                ? o.Name + "（" + o.Region!.Name + "）"
                : o.Name,
        });

    /// <summary>The labels of these organisations, by id.</summary>
    public static Task<Dictionary<long, string>> LabelsAsync(this DubanDbContext db, IReadOnlyCollection<long> ids, CancellationToken ct) =>
        Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToDictionaryAsync(
            db.Labels().Where(l => ids.Contains(l.Id)), l => l.Id, l => l.Label, ct);
}
