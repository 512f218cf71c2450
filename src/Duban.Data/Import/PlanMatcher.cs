using Duban.Core.Import;
using Duban.Core.Plans;
using Duban.Parsing.Model;
using Duban.Parsing.Serialization;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Import;

/// <summary>
/// Finds what a file is to the stored plans: a file already stored (same SHA-256), the same text as a plan's current
/// version, or a revision of a plan (same document number; else same title in the same region, provided the
/// document numbers do not contradict each other).
/// </summary>
internal static class PlanMatcher
{
    public static async Task<DuplicateOf?> SameFileAsync(DubanDbContext db, string sha256, CancellationToken ct) =>
        await (from v in db.PlanVersions.AsNoTracking()
               join p in db.Plans on v.PlanId equals p.Id
               where v.Sha256 == sha256
               orderby v.Id
               select new DuplicateOf(p.Id, v.Id, v.Number, p.Title, DuplicateReason.SameFile))
            .FirstOrDefaultAsync(ct);

    /// <summary>The plan this document revises and its current version, or null for a new plan.</summary>
    public static async Task<(Plan Plan, RevisionMatch By)?> RevisedPlanAsync(
        DubanDbContext db, PlanDocument document, string title, AnalyzedRegion region, CancellationToken ct)
    {
        var plans = db.Plans.AsNoTracking().Where(p => p.CurrentVersionId != null);
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
