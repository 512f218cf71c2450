using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Data.Organizations;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Organizations;

/// <summary>Organisations that share a name are shown with their region, on SQLite and PostgreSQL alike.</summary>
public sealed class OrganizationLabelTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    [Theory, OnSqlite, OnPostgres]
    public async Task A_shared_name_is_shown_with_the_region_and_a_unique_or_merged_one_without(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var tag = Guid.NewGuid().ToString("N")[..6];
        await using var db = DatabaseFixture.Context(options);
        var east = new Region { Name = "东" + tag + "市", Level = RegionLevel.City };
        var west = new Region { Name = "西" + tag + "市", Level = RegionLevel.City };
        db.Regions.AddRange(east, west);
        await db.SaveChangesAsync();
        var shared = "市教育局" + tag;
        var inEast = new Organization { Name = shared, RegionId = east.Id, Kind = OrganizationKind.Department };
        var inWest = new Organization { Name = shared, RegionId = west.Id, Kind = OrganizationKind.Department };
        var unique = new Organization { Name = "市财政局" + tag, RegionId = east.Id, Kind = OrganizationKind.Department };
        var merged = new Organization { Name = "市人社局" + tag, RegionId = east.Id, Kind = OrganizationKind.Department };
        var survivor = new Organization { Name = "市人社局" + tag, RegionId = west.Id, Kind = OrganizationKind.Department };
        db.Organizations.AddRange(inEast, inWest, unique, merged, survivor);
        await db.SaveChangesAsync();
        merged.IsActive = false;
        merged.MergedIntoId = survivor.Id;
        await db.SaveChangesAsync();

        var labels = await db.LabelsAsync([inEast.Id, inWest.Id, unique.Id, survivor.Id], CancellationToken.None);

        labels[inEast.Id].ShouldBe($"{shared}（{east.Name}）");
        labels[inWest.Id].ShouldBe($"{shared}（{west.Name}）");
        labels[unique.Id].ShouldBe(unique.Name);
        // The merged twin no longer counts: the survivor is the only active one of its name.
        labels[survivor.Id].ShouldBe(survivor.Name);
    }
}
