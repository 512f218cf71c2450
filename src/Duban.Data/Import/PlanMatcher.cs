using Duban.Core.Import;
using Duban.Core.Plans;
using Duban.Parsing.Model;
using Duban.Parsing.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>
/// Finds what a file is to the stored plans: a file already stored (same SHA-256), the same text as a plan's current
/// version, or a revision of a plan (same document number; else same title in the same region, provided the
/// document numbers do not contradict each other). Revisions are looked for only among the plans the importer may
/// revise (<see cref="ImportAuthority.Plans"/>): a county's administrator re-importing a city's plan makes a plan
/// of its own, never a version of the city's.
/// </summary>
internal static class PlanMatcher
{
    /// <summary>
    /// The stored version with these bytes, wherever it is. A plan the importer may not revise is refused rather than
    /// named (<see cref="ImportErrorCodes.StoredElsewhere"/>): the bytes cannot be stored twice, and the importer may
    /// not be allowed to read that plan.
    /// </summary>
    public static async Task<DuplicateOf?> SameFileAsync(DubanDbContext db, string sha256, ImportAuthority authority, CancellationToken ct)
    {
        var duplicate = await (from v in db.PlanVersions.AsNoTracking()
                               join p in db.Plans on v.PlanId equals p.Id
                               where v.Sha256 == sha256
                               orderby v.Id
                               select new DuplicateOf(p.Id, v.Id, v.Number, p.Title, DuplicateReason.SameFile))
            .FirstOrDefaultAsync(ct);
        if (duplicate is null || await authority.Plans(db.Plans.AsNoTracking()).AnyAsync(p => p.Id == duplicate.PlanId, ct)) return duplicate;
        throw new PlanImportException(ImportErrorCodes.StoredElsewhere, ImportFields.File,
            "该文件已作为您管理范围以外的计划导入过，同一文件不能再次导入。如需跟踪该计划，请联系其所在地区的管理员。");
    }

    /// <summary>The plan this document revises and its current version, or null for a new plan.</summary>
    public static async Task<(Plan Plan, RevisionMatch By)?> RevisedPlanAsync(
        DubanDbContext db, PlanDocument document, string title, AnalyzedRegion region, ImportAuthority authority, CancellationToken ct)
    {
        var plans = authority.Plans(db.Plans.AsNoTracking()).Where(p => p.CurrentVersionId != null);
        if (document.DocNumber is { } docNumber)
        {
            var byNumber = await plans.Where(p => p.DocNumber == docNumber).OrderByDescending(p => p.Id).FirstOrDefaultAsync(ct);
            if (byNumber is not null) return (byNumber, RevisionMatch.DocNumber);
        }
        // A title is only as unique as its region: two cities may well issue plans of the same title.
        if (region.Id is not { } regionId) return null;
        var byTitle = await plans
            .Where(p => p.Title == title && p.RegionId == regionId && (p.DocNumber == null || document.DocNumber == null))
            .OrderByDescending(p => p.Id)
            .FirstOrDefaultAsync(ct);
        return byTitle is null ? null : (byTitle, RevisionMatch.Title);
    }

    /// <summary>For a plan the document revises: a duplicate when the text is the current version's, else the revision with its diff.</summary>
    public static async Task<(DuplicateOf? Duplicate, RevisionOf? Revision)> CompareAsync(
        DubanDbContext db, Plan plan, RevisionMatch by, PlanDocument document, CancellationToken ct)
    {
        var current = await db.PlanVersions.AsNoTracking()
            .Where(v => v.Id == plan.CurrentVersionId)
            .Select(v => new { v.Id, v.Number, v.Text, v.ParsedJson })
            .SingleAsync(ct);
        if (current.Text == document.Text)
            return (new DuplicateOf(plan.Id, current.Id, current.Number, plan.Title, DuplicateReason.SameText), null);
        var diff = PlanDiff.Compare(PlanJson.Deserialize(current.ParsedJson), document);
        return (null, new RevisionOf(plan.Id, plan.Title, current.Id, current.Number, by, diff));
    }
}
