using Duban.Core.Plans;
using Duban.Core.Regions;

namespace Duban.Data.Import;

/// <summary>
/// What the person importing answers for, as the caller decides it: the web layer from the signed-in administrator's
/// responsibility, the command line as the machine's operator (<see cref="Unrestricted"/>). See docs/import.md,
/// "Who may import what". Duban.Data takes the filters as functions over queries so that it stays free of web types.
/// </summary>
/// <param name="Plans">
/// Narrows a query of plans to those the importer may revise. Only these are matched by document number or title, and
/// a file already stored under any other plan is refused without naming it.
/// </param>
/// <param name="Regions">Narrows a query of regions to those the importer may file plans under.</param>
/// <param name="HomeRegionId">
/// The importer's own region, which must be one of <paramref name="Regions"/>: a region the document names but the
/// database lacks is created below it, and a document that names no place is filed under it.
/// </param>
/// <param name="TopLevel">
/// Whether regions may be created at the top of the tree when there is no <paramref name="HomeRegionId"/>: only for
/// someone who answers for every region (scope 全部, the command line).
/// </param>
public sealed record ImportAuthority(
    Func<IQueryable<Plan>, IQueryable<Plan>> Plans,
    Func<IQueryable<Region>, IQueryable<Region>> Regions,
    long? HomeRegionId,
    bool TopLevel)
{
    /// <summary>Every plan and region; new regions at the top of the tree. The command line and demo seeding act so.</summary>
    public static ImportAuthority Unrestricted { get; } = new(plans => plans, regions => regions, null, TopLevel: true);

    /// <summary>Whether a region the database lacks may be created, below <see cref="HomeRegionId"/> or at the top.</summary>
    public bool MayCreateRegions => HomeRegionId is not null || TopLevel;
}
