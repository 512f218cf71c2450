using Duban.Core.Tracking.Reporting;
using Duban.Web.Security;

namespace Duban.Web.Tracking;

/// <summary>
/// The reports of the 审核 queue: submitted, by an organisation the reviewer answers for (a county's administrator sees
/// a city department's report on a task shared with the county, but does not review it). The page and the 工作台's
/// 待审核 count use this one filter, so that the count is the queue's length.
/// </summary>
public static class ReviewQueueFilter
{
    public static Func<IQueryable<ProgressReport>, IQueryable<ProgressReport>> For(ActingRights rights, DubanUser reviewer)
    {
        var reviewable = rights.OrganizationIds(reviewer);
        return q => q.Where(r => r.Status == ReportStatus.Submitted && reviewable.Contains(r.Assignment!.OrganizationId));
    }
}
