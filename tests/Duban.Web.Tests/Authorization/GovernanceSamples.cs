using Duban.Core.Governance;
using Duban.Core.Plans;
using Duban.Parsing.Model;
using Duban.Web.Tests.Infrastructure;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Authorization;

/// <summary>A governing body with one meeting on each of the given plans, made directly in the database; the ids, in the plans' order.</summary>
public static class GovernanceSamples
{
    public static async Task<(long Body, long Meeting)[]> AddAsync(DubanWebFactory factory, string tag, params long[] plans)
    {
        var result = new (long, long)[plans.Length];
        for (var i = 0; i < plans.Length; i++)
        {
            var plan = plans[i];
            result[i] = await factory.WithDbAsync(async db =>
            {
                var member = await db.Assignments.Where(a => a.Task!.PlanId == plan).Select(a => (long?)a.OrganizationId).FirstOrDefaultAsync();
                var body = new GoverningBodyRecord
                {
                    PlanId = plan, Kind = GoverningBodyKind.JointMeeting, Name = $"{tag}联席会议{i}", Office = "市教育局", MeetingsPerYear = 2,
                    Members = member is { } m ? [new() { Role = MemberRole.Member, OrganizationId = m, UnitName = "成员单位" }] : [],
                };
                db.GoverningBodies.Add(body);
                await db.SaveChangesAsync();
                var minutes = await factory.Services.GetRequiredService<EvidenceStore>().SaveAsync(new MemoryStream(AssessmentSamples.Pdf));
                var meeting = new Meeting
                {
                    BodyId = body.Id, Date = new DateOnly(2026, 3, 1), Title = $"{tag}会议{i}", CreatedAt = DateTimeOffset.UtcNow, CreatedByName = "矩阵",
                    MinutesFileName = "会议纪要.pdf", MinutesSha256 = minutes, MinutesType = Core.Tracking.Reporting.EvidenceType.Pdf, MinutesSize = AssessmentSamples.Pdf.Length,
                };
                db.Add(meeting);
                await db.SaveChangesAsync();
                return (body.Id, meeting.Id);
            });
        }
        return result;
    }
}
