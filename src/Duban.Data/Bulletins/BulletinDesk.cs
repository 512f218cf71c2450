using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Bulletins;

/// <summary>
/// The writes of a 通报: saving the draft and issuing it (印发), each in one transaction with its audit entry (the
/// draft before and after). Once issued nothing changes it (409). Whether the actor answers for the assessment — an
/// administrator of the scheme's region — is checked by the caller (AssessmentAccess); the role is checked here again.
/// </summary>
public sealed class BulletinDesk(DubanDbContext db, TimeProvider clock, AuditLog audit)
{
    public const string Issued = "该通报已印发，不能再修改。";

    public Task<Bulletin?> FindAsync(long assessmentId, CancellationToken ct) =>
        db.Set<Bulletin>().AsNoTracking().SingleOrDefaultAsync(b => b.AssessmentId == assessmentId, ct);

    /// <summary>Stores the draft (the first save creates the row). <paramref name="expected"/> null skips the version check (If-Match: *).</summary>
    public async Task<TrackingOutcome<Bulletin>> SaveAsync(TrackingActor actor, long assessmentId, Guid? expected, BulletinDraft? input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以修改考核结果通报。");
        if (!await db.Set<Assessment>().AnyAsync(a => a.Id == assessmentId, ct)) return TrackingErrors.NotFound("未找到该考核。");
        var (draft, problems) = BulletinValidation.Check(input);
        if (draft is null) return TrackingErrors.Invalid(problems[0].Field, problems[0].Message);

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var bulletin = await db.Set<Bulletin>().SingleOrDefaultAsync(b => b.AssessmentId == assessmentId, ct);
        if (bulletin is { IssuedAt: not null }) return TrackingErrors.Conflict(Issued);
        if (expected is { } v && v != (bulletin?.Version ?? Guid.Empty)) return TrackingErrors.StaleCopy();
        var json = AssessmentJson.Write(draft);
        if (bulletin is not null && bulletin.Draft == json) return TrackingOutcome<Bulletin>.Ok(bulletin);
        var before = bulletin is null ? null : (object)new { assessmentId, draft = bulletin.Content };
        var at = clock.GetUtcNow();
        if (bulletin is null)
        {
            bulletin = new Bulletin { AssessmentId = assessmentId, Draft = json, UpdatedByName = actor.UserName };
            db.Add(bulletin);
        }
        bulletin.Draft = json;
        bulletin.UpdatedAt = at;
        bulletin.UpdatedById = actor.UserId;
        bulletin.UpdatedByName = actor.UserName;
        bulletin.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        audit.Add(new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), BulletinAuditActions.Save, BulletinAuditActions.Entity, bulletin.Id,
            before, new { assessmentId, draft });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Bulletin>.Ok(bulletin);
    }

    /// <summary>
    /// 印发: only once the result is published (公示 or 定稿); the draft shown to the office (<paramref name="current"/>,
    /// the stored one or the prefilled one when nothing was saved) is stored and frozen.
    /// </summary>
    public async Task<TrackingOutcome<Bulletin>> IssueAsync(TrackingActor actor, long assessmentId, Guid? expected, BulletinDraft current, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以印发考核结果通报。");
        var stage = await db.Set<Assessment>().Where(a => a.Id == assessmentId).Select(a => (AssessmentStage?)a.Stage).SingleOrDefaultAsync(ct);
        if (stage is null) return TrackingErrors.NotFound("未找到该考核。");
        if (!stage.Value.Frozen()) return TrackingErrors.Conflict("考核结果公示后才能印发通报：通报中的排名须是已固定的结果。");

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var bulletin = await db.Set<Bulletin>().SingleOrDefaultAsync(b => b.AssessmentId == assessmentId, ct);
        if (bulletin is { IssuedAt: not null }) return TrackingErrors.Conflict(Issued);
        if (expected is { } v && v != (bulletin?.Version ?? Guid.Empty)) return TrackingErrors.StaleCopy();
        var draft = bulletin?.Content ?? current;
        var (checkedDraft, problems) = BulletinValidation.Check(draft);
        if (checkedDraft is null) return TrackingErrors.Invalid(problems[0].Field, problems[0].Message);
        var at = clock.GetUtcNow();
        if (bulletin is null)
        {
            bulletin = new Bulletin { AssessmentId = assessmentId, Draft = AssessmentJson.Write(checkedDraft), UpdatedAt = at, UpdatedById = actor.UserId, UpdatedByName = actor.UserName };
            db.Add(bulletin);
        }
        bulletin.IssuedAt = at;
        bulletin.IssuedByName = actor.UserName;
        bulletin.Version = Guid.NewGuid();
        await db.SaveChangesAsync(ct);
        audit.Add(new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), BulletinAuditActions.Issue, BulletinAuditActions.Entity, bulletin.Id,
            new { assessmentId, issued = false }, new { assessmentId, issued = true, draft = checkedDraft });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Bulletin>.Ok(bulletin);
    }
}
