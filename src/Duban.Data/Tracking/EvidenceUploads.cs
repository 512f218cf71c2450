using Duban.Data.Audit;
using Duban.Core.Organizations;
using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Core.Tracking.Reporting;
using Duban.Data.Import;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tracking;

/// <summary>The evidence limits: <c>Tracking:Evidence:MaxBytes</c>, 20 MB by default.</summary>
public sealed record EvidenceOptions(long MaxBytes = EvidenceOptions.DefaultMaxBytes)
{
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
}

/// <summary>An uploaded file and what it is evidence for: a task (taskId) or a target (targetId), exactly one of them.</summary>
public sealed record EvidenceUpload(string? FileName, long Length, Stream Content, long? TaskId, long? TargetId);

/// <summary>
/// Takes evidence files from reporters: checks the type by extension and by the first bytes and the size, stores
/// the bytes by content hash and the row with the uploaded name; a refused file leaves neither row nor file.
/// </summary>
public sealed class EvidenceUploads(DubanDbContext db, TimeProvider clock, AuditLog auditWriter, EvidenceStore store, EvidenceOptions options)
{
    private const int HeadLength = 8;

    public async Task<TrackingOutcome<Evidence>> UploadAsync(TrackingActor actor, EvidenceUpload upload, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter || actor.OrganizationId is not { } organizationId)
            return new TrackingError(TrackingErrorKind.Forbidden, "只有填报员可以上传佐证材料。");
        var name = Path.GetFileName(upload.FileName?.Replace('\\', '/') ?? "");
        // A right-to-left override (U+202E) before “fdp.exe” shows “exe.pdf”: file names follow the rule of names too.
        if (NameText.Problem(name, "文件名") is { } nameProblem) return TrackingErrors.Invalid("file", nameProblem);
        name = NameText.Normalize(name);
        if (name.Length == 0) return TrackingErrors.Invalid("file", "请选择要上传的文件（file）。");
        if (name.Length > Evidence.MaxFileNameLength) return TrackingErrors.Invalid("file", $"文件名不能超过 {Evidence.MaxFileNameLength} 个字符。");
        if (EvidenceFormat.FromExtension(name) is not { } type)
            return TrackingErrors.Invalid("file", "佐证材料只接受 pdf、docx、xlsx、jpg、png 文件。");
        if (upload.Length <= 0) return TrackingErrors.Invalid("file", "上传的文件是空的。");
        if (upload.Length > options.MaxBytes) return TrackingErrors.Invalid("file", $"文件大小超过上限 {options.MaxBytes / 1024 / 1024} MB。");

        var owner = await OwnerAsync(organizationId, upload.TaskId, upload.TargetId, ct);
        if (owner.Error is { } ownerProblem) return ownerProblem;
        var (planId, taskId) = owner.Value!;

        await using var buffered = new MemoryStream();
        await upload.Content.CopyToAsync(buffered, ct);
        if (buffered.Length != upload.Length || buffered.Length > options.MaxBytes)
            return TrackingErrors.Invalid("file", $"文件大小超过上限 {options.MaxBytes / 1024 / 1024} MB。");
        var head = buffered.GetBuffer().AsSpan(0, (int)Math.Min(HeadLength, buffered.Length));
        if (!EvidenceFormat.Matches(type, head))
            return TrackingErrors.Invalid("file", $"文件内容与扩展名 {Path.GetExtension(name).ToLowerInvariant()} 不符，请上传真实的 pdf、docx、xlsx、jpg 或 png 文件。");

        buffered.Position = 0;
        var sha256 = await store.SaveAsync(buffered, ct);
        var evidence = new Evidence
        {
            PlanId = planId, TaskId = taskId, OrganizationId = organizationId, Sha256 = sha256, FileName = name, Type = type,
            Size = buffered.Length, UploadedById = actor.UserId, UploadedAt = clock.GetUtcNow(),
        };
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        db.Evidence.Add(evidence);
        await db.SaveChangesAsync(ct);
        new TrackingAudit(auditWriter, clock).Add(actor, TrackingAuditActions.EvidenceUpload, TrackingAuditActions.EvidenceEntity, evidence.Id, null,
            new { evidence.PlanId, evidence.TaskId, evidence.OrganizationId, evidence.FileName, evidence.Sha256, evidence.Size, evidence.Type });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Evidence>.Ok(evidence);
    }

    private async Task<TrackingOutcome<(long PlanId, long? TaskId)>> OwnerAsync(long organizationId, long? taskId, long? targetId, CancellationToken ct)
    {
        if ((taskId is null) == (targetId is null)) return TrackingErrors.Invalid("taskId", "请指定佐证材料所属的任务（taskId）或指标（targetId），二者选一。");
        if (taskId is { } task)
        {
            var planId = await db.Assignments.Where(a => a.TaskId == task && a.OrganizationId == organizationId).Select(a => (long?)a.Task!.PlanId).FirstOrDefaultAsync(ct);
            return planId is { } plan ? TrackingOutcome<(long, long?)>.Ok((plan, task)) : TrackingErrors.NotFound("未找到本单位承担的该任务。");
        }
        var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == targetId, ct);
        if (target is null || !await ObservationRules.IsResponsibleAsync(db, target, organizationId, ct)) return TrackingErrors.NotFound("未找到本单位负责填报的该指标。");
        return TrackingOutcome<(long, long?)>.Ok((target.PlanId, target.TaskId));
    }
}
