using Duban.Core.Assessments;
using Duban.Core.Plans;
using Duban.Core.Security;
using Duban.Core.Text;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Tracking.Status;
using Duban.Data.Audit;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Assessments;

/// <summary>
/// Every write of assessments, each in one transaction with its audit entry (who, when, before, after): schemes and
/// their versions, assessments and their runs, self-scores, entered scores, reviews, stages and evidence. Bad input is
/// refused naming the field, and nothing is stored. Whose record it is — the office responsible for the assessed
/// organisations, an inspector over them, the organisation's own reporter — is checked by the caller before (the web's
/// AssessmentAccess, the same for the API and the pages); the roles and the reporter's own organisation are checked
/// here again.
/// </summary>
public sealed class AssessmentDesk(DubanDbContext db, TimeProvider clock, AuditLog audit, AssessmentFactsReader reader, AssessmentResults results, EvidenceStore store, EvidenceOptions evidenceOptions)
{
    public const int MaxScoresPerStatement = 100;

    private DateOnly Today => TrackingDay.Today(clock);

    // ---- schemes ----

    public async Task<TrackingOutcome<AssessmentScheme>> CreateSchemeAsync(TrackingActor actor, NewScheme input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以制定考核方案。");
        if (CheckName(input.Name, "name", "方案名称", AssessmentScheme.MaxNameLength) is { } nameError) return nameError;
        if (input.RegionId is not { } regionId) return TrackingErrors.Invalid("regionId", "regionId（方案所属地区）不能为空。");
        var region = await db.Regions.AsNoTracking().Where(r => r.Id == regionId).Select(r => new { r.Id, r.Path }).SingleOrDefaultAsync(ct);
        if (region is null) return TrackingErrors.Invalid("regionId", "regionId（方案所属地区）不存在。");
        if (input.PlanId is { } planId)
        {
            var planPath = await db.Plans.AsNoTracking().Where(p => p.Id == planId).Select(p => p.Region == null ? null : p.Region.Path).SingleOrDefaultAsync(ct);
            if (planPath is null || !planPath.StartsWith(region.Path, StringComparison.Ordinal))
                return TrackingErrors.Invalid("planId", "planId（考核的计划）须是本地区或下级地区的计划。");
        }
        if (CheckNote(input.Note) is { } noteError) return noteError;
        var checkedDefinition = await CheckDefinitionAsync(input.Definition, region.Path, ct);
        if (checkedDefinition.Error is { } definitionError) return definitionError;

        var at = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var scheme = new AssessmentScheme
        {
            Name = NameText.Normalize(input.Name!), RegionId = regionId, PlanId = input.PlanId, CreatedAt = at, CreatedById = actor.UserId, CreatedByName = actor.UserName,
        };
        db.Add(scheme);
        await db.SaveChangesAsync(ct);
        var version = AddVersion(scheme, checkedDefinition.Value!, input.Note, actor, at);
        await db.SaveChangesAsync(ct);
        scheme.CurrentVersionId = version.Id;
        Audit(actor, AssessmentAuditActions.SchemeCreate, AssessmentAuditActions.SchemeEntity, scheme.Id, null, SchemeSnapshot(scheme, version));
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentScheme>.Ok(scheme);
    }

    /// <summary>The scheme's next version; nothing is stored when nothing changed.</summary>
    public async Task<TrackingOutcome<AssessmentScheme>> ReviseSchemeAsync(TrackingActor actor, long schemeId, Guid? expected, SchemeRevision input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以修改考核方案。");
        var scheme = await db.Set<AssessmentScheme>().SingleOrDefaultAsync(s => s.Id == schemeId, ct);
        if (scheme is null) return TrackingErrors.NotFound("未找到该考核方案。");
        if (expected is { } v && v != scheme.Version) return TrackingErrors.StaleCopy();
        var name = input.Name is null ? scheme.Name : input.Name;
        if (CheckName(name, "name", "方案名称", AssessmentScheme.MaxNameLength) is { } nameError) return nameError;
        if (CheckNote(input.Note) is { } noteError) return noteError;
        var regionPath = await db.Regions.Where(r => r.Id == scheme.RegionId).Select(r => r.Path).SingleAsync(ct);
        var checkedDefinition = await CheckDefinitionAsync(input.Definition, regionPath, ct);
        if (checkedDefinition.Error is { } definitionError) return definitionError;

        var current = await db.Set<AssessmentSchemeVersion>().AsNoTracking().SingleAsync(x => x.Id == scheme.CurrentVersionId, ct);
        var definition = checkedDefinition.Value!;
        name = NameText.Normalize(name);
        if (name == scheme.Name && AssessmentJson.Write(definition) == current.Definition) return TrackingOutcome<AssessmentScheme>.Ok(scheme);

        var before = SchemeSnapshot(scheme, current);
        var at = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        scheme.Name = name;
        var version = AddVersion(scheme, definition, input.Note, actor, at);
        if (!await db.SaveUnlessStaleAsync(ct)) return TrackingErrors.StaleCopy();
        scheme.CurrentVersionId = version.Id;
        Audit(actor, AssessmentAuditActions.SchemeRevise, AssessmentAuditActions.SchemeEntity, scheme.Id, before, SchemeSnapshot(scheme, version));
        if (!await db.SaveUnlessStaleAsync(ct)) return TrackingErrors.StaleCopy();
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentScheme>.Ok(scheme);
    }

    private AssessmentSchemeVersion AddVersion(AssessmentScheme scheme, SchemeDefinition definition, string? note, TrackingActor actor, DateTimeOffset at)
    {
        scheme.CurrentVersionNumber++;
        var version = new AssessmentSchemeVersion
        {
            SchemeId = scheme.Id, Number = scheme.CurrentVersionNumber, Definition = AssessmentJson.Write(definition),
            Note = string.IsNullOrWhiteSpace(note) ? null : note.Trim(), CreatedAt = at, CreatedById = actor.UserId, CreatedByName = actor.UserName,
        };
        db.Add(version);
        return version;
    }

    private async Task<TrackingOutcome<SchemeDefinition>> CheckDefinitionAsync(SchemeDefinition? input, string regionPath, CancellationToken ct)
    {
        if (input is null) return TrackingErrors.Invalid("indicators", "缺少方案内容：被考核单位（organizationIds）和考核指标（indicators）。");
        var (definition, problems) = SchemeValidation.Check(input);
        if (problems.Count > 0) return TrackingErrors.Invalid(problems[0].Field, string.Join(" ", problems.Select(p => p.Message).Distinct().Take(5)));
        var ids = definition!.OrganizationIds.ToList();
        var found = await db.Organizations.AsNoTracking().Where(o => EF.Parameter(ids).Contains(o.Id))
            .Select(o => new { o.Id, o.Name, o.IsActive, o.Region!.Path }).ToListAsync(ct);
        if (ids.FirstOrDefault(id => found.All(o => o.Id != id)) is var missing and not 0)
            return TrackingErrors.Invalid("organizationIds", $"被考核单位 {missing} 不存在。");
        if (found.FirstOrDefault(o => !o.IsActive) is { } inactive)
            return TrackingErrors.Invalid("organizationIds", $"“{inactive.Name}”已停用或已合并，不能作为被考核单位。");
        if (found.FirstOrDefault(o => !o.Path.StartsWith(regionPath, StringComparison.Ordinal)) is { } outside)
            return TrackingErrors.Invalid("organizationIds", $"“{outside.Name}”不在方案所属地区及其下级地区，不能由该方案考核。");
        return TrackingOutcome<SchemeDefinition>.Ok(definition);
    }

    private static object SchemeSnapshot(AssessmentScheme scheme, AssessmentSchemeVersion version) => new
    {
        scheme.Name, scheme.RegionId, scheme.PlanId, version = version.Number, version.Note,
        definition = AssessmentJson.Read<SchemeDefinition>(version.Definition),
    };

    // ---- assessments and runs ----

    public async Task<TrackingOutcome<Assessment>> CreateAssessmentAsync(TrackingActor actor, NewAssessment input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以发起考核。");
        if (input.SchemeId is not { } schemeId) return TrackingErrors.Invalid("schemeId", "schemeId（考核方案）不能为空。");
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == schemeId, ct);
        if (scheme is null) return TrackingErrors.Invalid("schemeId", "schemeId（考核方案）不存在。");
        if (input.Year is not { } year) return TrackingErrors.Invalid("year", "year（考核年度）不能为空。");
        if (year < 2000 || year > Today.Year) return TrackingErrors.Invalid("year", $"year（考核年度）须在 2000 年到今年（{Today.Year} 年）之间：尚未开始的年度无从考核。");
        var name = string.IsNullOrWhiteSpace(input.Name) ? $"{year}年度{scheme.Name}" : input.Name;
        if (name.Length > Assessment.MaxNameLength) name = name[..Assessment.MaxNameLength];
        if (CheckName(name, "name", "考核名称", Assessment.MaxNameLength) is { } nameError) return nameError;
        if (await db.Set<Assessment>().AnyAsync(a => a.SchemeId == schemeId && a.Year == year, ct))
            return TrackingErrors.Conflict($"该方案 {year} 年度的考核已经发起，请在原考核上重新计算。", "year");

        var at = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var assessment = new Assessment
        {
            SchemeId = schemeId, Year = year, Name = NameText.Normalize(name), CreatedAt = at, CreatedById = actor.UserId, CreatedByName = actor.UserName,
        };
        db.Add(assessment);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two offices starting the same year at once: the unique index lets one through.
            return TrackingErrors.Conflict($"该方案 {year} 年度的考核已经发起，请在原考核上重新计算。", "year");
        }
        var (run, _) = await ComputeAsync(actor, assessment, scheme, null, ct);
        Audit(actor, AssessmentAuditActions.AssessmentCreate, AssessmentAuditActions.AssessmentEntity, assessment.Id, null,
            new { assessment.Name, assessment.SchemeId, assessment.Year, run = run.Number, run.AsOf, schemeVersion = run.SchemeVersionNumber, run.Digest });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<Assessment>.Ok(assessment);
    }

    /// <summary>A new run on the data as it is now and the scheme's current version; the differences from the last run are stored with it.</summary>
    public async Task<TrackingOutcome<AssessmentRun>> RecomputeAsync(TrackingActor actor, long assessmentId, Guid? expected, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以重新计算考核结果。");
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null) return TrackingErrors.NotFound("未找到该考核。");
        if (expected is { } v && v != assessment.Version) return TrackingErrors.StaleCopy();
        if (!assessment.Stage.Recomputable())
            return TrackingErrors.Conflict($"考核已{assessment.Stage.Label()}，结果已固定，不能重新计算。");
        var scheme = await db.Set<AssessmentScheme>().AsNoTracking().SingleAsync(s => s.Id == assessment.SchemeId, ct);
        var previous = await results.SheetAsync(assessment.CurrentRunId, ct);
        var before = new { run = assessment.RunCount };

        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        var (run, changes) = await ComputeAsync(actor, assessment, scheme, previous, ct);
        Audit(actor, AssessmentAuditActions.Recompute, AssessmentAuditActions.AssessmentEntity, assessment.Id, before,
            new { run = run.Number, run.AsOf, schemeVersion = run.SchemeVersionNumber, run.Digest, changes = changes?.Count ?? 0 });
        if (!await db.SaveUnlessStaleAsync(ct)) return TrackingErrors.StaleCopy();
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentRun>.Ok(run);
    }

    /// <summary>Reads the facts, scores them, stores the run and a result per organisation, and points the assessment at the run.</summary>
    private async Task<(AssessmentRun Run, IReadOnlyList<ScoreChange>? Changes)> ComputeAsync(TrackingActor actor, Assessment assessment, AssessmentScheme scheme, ScoreSheet? previous, CancellationToken ct)
    {
        var version = await db.Set<AssessmentSchemeVersion>().AsNoTracking().SingleAsync(v => v.Id == scheme.CurrentVersionId, ct);
        var definition = AssessmentJson.Read<SchemeDefinition>(version.Definition);
        var asOf = AssessmentPeriods.AsOf(assessment.Year, Today);
        var facts = await reader.ReadAsync(new AssessmentScope(scheme.RegionId, scheme.PlanId), definition.OrganizationIds, assessment.Id, assessment.Year, asOf, ct);
        var sheet = AssessmentScorer.Score(definition, facts);
        var changes = previous is null ? null : RunComparison.Compare(previous, sheet);
        var run = new AssessmentRun
        {
            AssessmentId = assessment.Id, Number = assessment.RunCount + 1, SchemeVersionId = version.Id, SchemeVersionNumber = version.Number, AsOf = asOf,
            ComputedAt = clock.GetUtcNow(), ComputedById = actor.UserId, ComputedByName = actor.UserName, Digest = AssessmentJson.Digest(sheet),
            Changes = changes is null ? null : AssessmentJson.Write(changes),
        };
        db.Add(run);
        await db.SaveChangesAsync(ct);
        foreach (var organization in sheet.Organizations)
            db.Add(new AssessmentResult
            {
                RunId = run.Id, OrganizationId = organization.OrganizationId, Total = organization.Total, Detail = AssessmentJson.Write(organization),
                Summary = AssessmentJson.Write(ScoredPoints.Of(organization)),
            });
        assessment.CurrentRunId = run.Id;
        assessment.RunCount = run.Number;
        return (run, changes);
    }

    // ---- the cycle ----

    /// <summary>自评: a reporter states its own organisation's points, one or more indicators at a time.</summary>
    public async Task<TrackingOutcome<IReadOnlyList<SelfScore>>> SelfScoreAsync(TrackingActor actor, long assessmentId, IReadOnlyList<SelfScoreInput>? scores, CancellationToken ct = default)
    {
        if (actor.Role != Role.Reporter || actor.OrganizationId is not { } organizationId)
            return new TrackingError(TrackingErrorKind.Forbidden, "只有被考核单位的填报员可以填报自评，他人不能代填。");
        var context = await ContextAsync(assessmentId, organizationId, ct);
        if (context.Error is { } error) return error.Kind == TrackingErrorKind.Validation ? TrackingErrors.NotFound("未找到本单位参加的该考核。") : error;
        var (assessment, definition) = context.Value!;
        if (!assessment.Stage.AcceptsSelfScores()) return TrackingErrors.Conflict($"考核已进入{assessment.Stage.Label()}阶段，不再接受自评。");
        if (scores is null || scores.Count == 0) return TrackingErrors.Invalid("scores", "请至少填写一项自评（scores）。");
        if (scores.Count > MaxScoresPerStatement) return TrackingErrors.Invalid("scores", $"一次最多填写 {MaxScoresPerStatement} 项自评。");
        var rows = new List<SelfScore>();
        var at = clock.GetUtcNow();
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            var at_ = $"scores[{i}]";
            if (s is null) return TrackingErrors.Invalid(at_, $"第 {i + 1} 项自评为空。");
            if (FindIndicator(definition, s.Indicator, $"{at_}.indicator") is var found && found.Error is { } indicatorError) return indicatorError;
            var indicator = found.Value!;
            if (rows.Any(r => r.IndicatorCode == indicator.Code)) return TrackingErrors.Invalid($"{at_}.indicator", $"指标“{indicator.Name}”填写了两次。");
            if (CheckPoints(s.Points, indicator.Range, $"{at_}.points", indicator.Name) is { } pointsError) return pointsError;
            var comment = s.Comment?.Trim() ?? "";
            if (comment.Length > SelfScore.MaxCommentLength) return TrackingErrors.Invalid($"{at_}.comment", $"自评说明不能超过 {SelfScore.MaxCommentLength} 个字符。");
            if (await CheckEvidenceAsync(s.EvidenceId, assessmentId, organizationId, $"{at_}.evidenceId", ct) is { } evidenceError) return evidenceError;
            rows.Add(new SelfScore
            {
                AssessmentId = assessmentId, OrganizationId = organizationId, IndicatorCode = indicator.Code, Points = s.Points!.Value, Comment = comment,
                EvidenceId = s.EvidenceId, AuthorId = actor.UserId, AuthorName = actor.UserName, CreatedAt = at,
            });
        }
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.AddRange(rows);
        Audit(actor, AssessmentAuditActions.SelfScore, AssessmentAuditActions.AssessmentEntity, assessmentId, null,
            new { organizationId, scores = rows.Select(r => new { indicator = r.IndicatorCode, r.Points, r.Comment, r.EvidenceId }) });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<IReadOnlyList<SelfScore>>.Ok(rows);
    }

    /// <summary>An inspector's or the office's score of an entered indicator (人工评分, 加分项): a fact of the next computation.</summary>
    public async Task<TrackingOutcome<AssessmentEntry>> EnterAsync(TrackingActor actor, long assessmentId, EntryInput input, CancellationToken ct = default)
    {
        if (actor.Role is not (Role.Admin or Role.Inspector)) return new TrackingError(TrackingErrorKind.Forbidden, "只有督查员和管理员可以录入评分。");
        if (input.OrganizationId is not { } organizationId) return TrackingErrors.Invalid("organizationId", "organizationId（被考核单位）不能为空。");
        var context = await ContextAsync(assessmentId, organizationId, ct);
        if (context.Error is { } error) return error;
        var (assessment, definition) = context.Value!;
        if (!assessment.Stage.AcceptsEntries()) return TrackingErrors.Conflict($"考核已{assessment.Stage.Label()}，不能再录入评分。");
        if (FindIndicator(definition, input.Indicator, "indicator") is var found && found.Error is { } indicatorError) return indicatorError;
        var indicator = found.Value!;
        if (!indicator.Kind.IsEntered())
            return TrackingErrors.Invalid("indicator", $"“{indicator.Name}”由平台数据计算（{indicator.Kind.Label()}），不能录入；只有人工评分和加分项可以录入，计算得分可在复核时调整。");
        var range = indicator.Kind == IndicatorKind.Bonus ? (0m, indicator.EffectiveRule.ItemMax!.Value) : indicator.Range;
        if (CheckPoints(input.Points, range, "points", indicator.Name) is { } pointsError) return pointsError;
        var comment = input.Comment?.Trim() ?? "";
        if (comment.Length == 0) return TrackingErrors.Invalid("comment", indicator.Kind == IndicatorKind.Bonus ? "请填写加分事项（comment）。" : "请填写评分说明（comment）。");
        if (comment.Length > AssessmentEntry.MaxCommentLength) return TrackingErrors.Invalid("comment", $"说明不能超过 {AssessmentEntry.MaxCommentLength} 个字符。");
        if (await CheckEvidenceAsync(input.EvidenceId, assessmentId, organizationId, "evidenceId", ct) is { } evidenceError) return evidenceError;

        var entry = new AssessmentEntry
        {
            AssessmentId = assessmentId, OrganizationId = organizationId, IndicatorCode = indicator.Code, Points = input.Points!.Value, Comment = comment,
            EvidenceId = input.EvidenceId, AuthorId = actor.UserId, AuthorName = actor.UserName, AuthorRole = actor.Role, CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.Add(entry);
        await db.SaveChangesAsync(ct);
        Audit(actor, AssessmentAuditActions.Entry, AssessmentAuditActions.AssessmentEntity, assessmentId, null,
            new { entry.Id, organizationId, indicator = entry.IndicatorCode, entry.Points, entry.Comment, entry.EvidenceId });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentEntry>.Ok(entry);
    }

    /// <summary>复核: the office sets the points one indicator of one organisation is to count, with the reason; the computed points stay beside them.</summary>
    public async Task<TrackingOutcome<AssessmentReview>> ReviewAsync(TrackingActor actor, long assessmentId, AssessmentReviewInput input, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以复核调整得分。");
        if (input.OrganizationId is not { } organizationId) return TrackingErrors.Invalid("organizationId", "organizationId（被考核单位）不能为空。");
        var context = await ContextAsync(assessmentId, organizationId, ct);
        if (context.Error is { } error) return error;
        var (assessment, definition) = context.Value!;
        if (!assessment.Stage.AcceptsReviews())
            return TrackingErrors.Conflict(assessment.Stage == AssessmentStage.SelfAssessment ? "考核尚在自评阶段，进入复核阶段后才能调整得分。" : $"考核已{assessment.Stage.Label()}，结果已固定，不能再调整。");
        if (FindIndicator(definition, input.Indicator, "indicator") is var found && found.Error is { } indicatorError) return indicatorError;
        var indicator = found.Value!;
        if (CheckPoints(input.Points, indicator.Range, "points", indicator.Name) is { } pointsError) return pointsError;
        var reason = input.Reason?.Trim() ?? "";
        if (reason.Length == 0) return TrackingErrors.Invalid("reason", "请填写调整理由（reason）：复核调整必须说明理由。");
        if (reason.Length > AssessmentReview.MaxReasonLength) return TrackingErrors.Invalid("reason", $"调整理由不能超过 {AssessmentReview.MaxReasonLength} 个字符。");

        var computed = (await results.ScoreAsync(assessment.CurrentRunId!.Value, organizationId, ct))!.Indicator(indicator.Code)?.Points ?? 0m;
        var previous = await db.Set<AssessmentReview>().AsNoTracking()
            .Where(r => r.AssessmentId == assessmentId && r.OrganizationId == organizationId && r.IndicatorCode == indicator.Code)
            .OrderByDescending(r => r.Id).Select(r => (decimal?)r.Points).FirstOrDefaultAsync(ct) ?? computed;
        var review = new AssessmentReview
        {
            AssessmentId = assessmentId, OrganizationId = organizationId, IndicatorCode = indicator.Code, Points = input.Points!.Value, Reason = reason,
            RunNumber = assessment.RunCount, ComputedPoints = computed, PreviousPoints = previous, ReviewerId = actor.UserId, ReviewerName = actor.UserName,
            CreatedAt = clock.GetUtcNow(),
        };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.Add(review);
        await db.SaveChangesAsync(ct);
        Audit(actor, AssessmentAuditActions.Review, AssessmentAuditActions.AssessmentEntity, assessmentId,
            new { organizationId, indicator = indicator.Code, points = previous, computed },
            new { review.Id, organizationId, indicator = indicator.Code, points = review.Points, review.Reason, run = review.RunNumber });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentReview>.Ok(review);
    }

    /// <summary>Moves the assessment one stage forward; at 公示 its standings are stored and frozen.</summary>
    public async Task<TrackingOutcome<Assessment>> AdvanceAsync(TrackingActor actor, long assessmentId, Guid? expected, AssessmentStage? to, CancellationToken ct = default)
    {
        if (actor.Role != Role.Admin) return new TrackingError(TrackingErrorKind.Forbidden, "只有管理员可以推进考核阶段。");
        var assessment = await db.Set<Assessment>().SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment is null) return TrackingErrors.NotFound("未找到该考核。");
        if (to is not { } stage || !Enum.IsDefined(stage)) return TrackingErrors.Invalid("stage", "stage 必须是 review（复核）、publicity（公示）或 final（定稿）。");
        if (expected is { } v && v != assessment.Version) return TrackingErrors.StaleCopy();
        if (assessment.Stage.Next() != stage)
            return TrackingErrors.Conflict(assessment.Stage.Next() is { } next
                ? $"考核现处于{assessment.Stage.Label()}阶段，只能进入{next.Label()}阶段。"
                : "考核已定稿，不能再改变阶段。", "stage");

        var before = new { stage = assessment.Stage };
        var at = clock.GetUtcNow();
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        object after;
        if (stage == AssessmentStage.Publicity)
        {
            var standings = await results.ComputeStandingsAsync(assessment, ct);
            assessment.PublishedStandings = AssessmentJson.Write(standings);
            assessment.PublishedAt = at;
            assessment.PublishedByName = actor.UserName;
            after = new { stage, run = assessment.RunCount, standings = standings.Select(s => new { s.OrganizationId, s.Name, s.Total, s.Rank, grade = s.GradeLabel }) };
        }
        else
        {
            if (stage == AssessmentStage.Final) assessment.FinalizedAt = at;
            after = new { stage };
        }
        assessment.Stage = stage;
        Audit(actor, AssessmentAuditActions.Stage, AssessmentAuditActions.AssessmentEntity, assessment.Id, before, after);
        if (!await db.SaveUnlessStaleAsync(ct)) return TrackingErrors.StaleCopy();
        await tx.CommitAsync(ct);
        return TrackingOutcome<Assessment>.Ok(assessment);
    }

    // ---- evidence ----

    public async Task<TrackingOutcome<AssessmentEvidence>> UploadEvidenceAsync(TrackingActor actor, long assessmentId, AssessmentEvidenceUpload upload, CancellationToken ct = default)
    {
        if (upload.OrganizationId is not { } organizationId) return TrackingErrors.Invalid("organizationId", "organizationId（佐证材料所属的被考核单位）不能为空。");
        if (actor.Role == Role.Reporter && actor.OrganizationId != organizationId)
            return TrackingErrors.NotFound("未找到本单位参加的该考核。");
        var context = await ContextAsync(assessmentId, organizationId, ct);
        if (context.Error is { } error) return error;
        if (!context.Value!.Assessment.Stage.Recomputable()) return TrackingErrors.Conflict($"考核已{context.Value.Assessment.Stage.Label()}，不再接收佐证材料。");
        var name = Path.GetFileName(upload.FileName?.Replace('\\', '/') ?? "");
        if (NameText.Problem(name, "文件名") is { } nameProblem) return TrackingErrors.Invalid("file", nameProblem);
        name = NameText.Normalize(name);
        if (name.Length == 0) return TrackingErrors.Invalid("file", "请选择要上传的文件（file）。");
        if (name.Length > Evidence.MaxFileNameLength) return TrackingErrors.Invalid("file", $"文件名不能超过 {Evidence.MaxFileNameLength} 个字符。");
        if (EvidenceFormat.FromExtension(name) is not { } type) return TrackingErrors.Invalid("file", "佐证材料只接受 pdf、docx、xlsx、jpg、png 文件。");
        if (upload.Length <= 0) return TrackingErrors.Invalid("file", "上传的文件是空的。");
        if (upload.Length > evidenceOptions.MaxBytes) return TrackingErrors.Invalid("file", $"文件大小超过上限 {evidenceOptions.MaxBytes / 1024 / 1024} MB。");
        await using var buffered = new MemoryStream();
        await upload.Content.CopyToAsync(buffered, ct);
        if (buffered.Length != upload.Length || buffered.Length > evidenceOptions.MaxBytes)
            return TrackingErrors.Invalid("file", $"文件大小超过上限 {evidenceOptions.MaxBytes / 1024 / 1024} MB。");
        if (!EvidenceFormat.Matches(type, buffered.GetBuffer().AsSpan(0, (int)Math.Min(8, buffered.Length))))
            return TrackingErrors.Invalid("file", $"文件内容与扩展名 {Path.GetExtension(name).ToLowerInvariant()} 不符，请上传真实的 pdf、docx、xlsx、jpg 或 png 文件。");
        buffered.Position = 0;
        var sha256 = await store.SaveAsync(buffered, ct);
        var evidence = new AssessmentEvidence
        {
            AssessmentId = assessmentId, OrganizationId = organizationId, Sha256 = sha256, FileName = name, Type = type, Size = buffered.Length,
            UploadedById = actor.UserId, UploadedByName = actor.UserName, UploadedAt = clock.GetUtcNow(),
        };
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        db.Add(evidence);
        await db.SaveChangesAsync(ct);
        Audit(actor, AssessmentAuditActions.EvidenceUpload, AssessmentAuditActions.AssessmentEntity, assessmentId, null,
            new { evidence.Id, organizationId, evidence.FileName, evidence.Sha256, evidence.Size, evidence.Type });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return TrackingOutcome<AssessmentEvidence>.Ok(evidence);
    }

    // ---- checks ----

    /// <summary>The assessment and the scheme version of its current run, when the organisation is one it assesses.</summary>
    private async Task<TrackingOutcome<(Assessment Assessment, SchemeDefinition Definition)>> ContextAsync(long assessmentId, long organizationId, CancellationToken ct)
    {
        var assessment = await db.Set<Assessment>().AsNoTracking().SingleOrDefaultAsync(a => a.Id == assessmentId, ct);
        if (assessment?.CurrentRunId is not { } runId) return TrackingErrors.NotFound("未找到该考核。");
        if (!await db.Set<AssessmentResult>().AnyAsync(r => r.RunId == runId && r.OrganizationId == organizationId, ct))
            return TrackingErrors.Invalid("organizationId", "organizationId 不是该考核的被考核单位。");
        var versionId = await db.Set<AssessmentRun>().Where(r => r.Id == runId).Select(r => r.SchemeVersionId).SingleAsync(ct);
        return TrackingOutcome<(Assessment, SchemeDefinition)>.Ok((assessment, await results.DefinitionAsync(versionId, ct)));
    }

    private static TrackingOutcome<IndicatorDefinition> FindIndicator(SchemeDefinition definition, string? code, string field)
    {
        if (string.IsNullOrWhiteSpace(code)) return TrackingErrors.Invalid(field, "请指定考核指标（indicator，指标代码）。");
        return definition.Indicator(code.Trim()) is { } indicator
            ? TrackingOutcome<IndicatorDefinition>.Ok(indicator)
            : TrackingErrors.Invalid(field, $"考核方案中没有代码为“{(code.Length > 20 ? code[..20] + "…" : code)}”的指标。");
    }

    private static TrackingError? CheckPoints(decimal? points, (decimal Min, decimal Max) range, string field, string indicator)
    {
        if (points is not { } p) return TrackingErrors.Invalid(field, $"请填写“{indicator}”的分数（{field}）。");
        if (p < range.Min || p > range.Max) return TrackingErrors.Invalid(field, $"“{indicator}”的分数须在 {Points.Text(range.Min)} 到 {Points.Text(range.Max)} 之间。");
        if (decimal.Round(p, Points.Decimals) != p) return TrackingErrors.Invalid(field, $"“{indicator}”的分数至多两位小数。");
        return null;
    }

    private async Task<TrackingError?> CheckEvidenceAsync(long? evidenceId, long assessmentId, long organizationId, string field, CancellationToken ct)
    {
        if (evidenceId is not { } id) return null;
        return await db.Set<AssessmentEvidence>().AnyAsync(e => e.Id == id && e.AssessmentId == assessmentId && e.OrganizationId == organizationId, ct)
            ? null : TrackingErrors.Invalid(field, "佐证材料不存在，或不是本考核中该单位的材料。");
    }

    private static TrackingError? CheckName(string? name, string field, string label, int max)
    {
        if (NameText.Problem(name, label) is { } problem) return TrackingErrors.Invalid(field, problem);
        var normalized = NameText.Normalize(name ?? "");
        if (normalized.Length == 0) return TrackingErrors.Invalid(field, $"{label}（{field}）不能为空。");
        if (normalized.Length > max) return TrackingErrors.Invalid(field, $"{label}不能超过 {max} 个字符。");
        return null;
    }

    private static TrackingError? CheckNote(string? note) =>
        note is { Length: > AssessmentSchemeVersion.MaxNoteLength } ? TrackingErrors.Invalid("note", $"修改说明不能超过 {AssessmentSchemeVersion.MaxNoteLength} 个字符。") : null;

    private void Audit(TrackingActor actor, string action, string entity, long id, object? before, object? after) =>
        audit.Add(new Actor(actor.UserId, actor.UserName, actor.RemoteAddress), action, entity, id, before, after);
}
