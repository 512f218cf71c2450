using Duban.Core.Import;
using Duban.Core.Import.Review;
using Duban.Core.Plans;
using Duban.Parsing;
using Duban.Parsing.Input;
using Duban.Parsing.Model;
using Duban.Parsing.Serialization;
using Microsoft.EntityFrameworkCore;
using StoredTask = Duban.Core.Plans.PlanTask;
using Duban.Data.Audit;

namespace Duban.Data.Import;

/// <summary>
/// Imports plan documents: <see cref="AnalyzeAsync(ImportFile, PlanRegion, CancellationToken)"/> checks and parses a
/// file and says what importing it would do (writing nothing); <see cref="ConfirmAsync(ImportAnalysis, ImportDecisions, ImportActor, CancellationToken)"/>
/// stores it with the user's unit decisions in one transaction, audit entries included. The flow and its rules are in
/// docs/import.md. Free of ASP.NET: the web layer and the command line both call it.
/// </summary>
public sealed class PlanImportService(DubanDbContext db, TimeProvider clock, AuditLog audit, PlanParser parser, ImportOptions? options = null)
{
    private readonly ImportOptions options = options ?? ImportOptions.Default;

    /// <summary>Analyses a file for a region given by id, or (null) the region its issuer names, as the machine's operator (<see cref="ImportAuthority.Unrestricted"/>).</summary>
    public Task<ImportAnalysis> AnalyzeAsync(byte[] content, string fileName, long? regionId = null, CancellationToken ct = default) =>
        AnalyzeAsync(new ImportFile(content, fileName), regionId is { } id ? new PlanRegion.Existing(id) : new PlanRegion.FromDocument(), ImportAuthority.Unrestricted, ct);

    /// <summary>Analyses a file as the machine's operator (<see cref="ImportAuthority.Unrestricted"/>): the command line, demo seeding.</summary>
    public Task<ImportAnalysis> AnalyzeAsync(ImportFile file, PlanRegion region, CancellationToken ct = default) =>
        AnalyzeAsync(file, region, ImportAuthority.Unrestricted, ct);

    /// <summary>
    /// Analyses a file for someone who answers for <paramref name="authority"/>: only its plans are matched and named,
    /// only its regions accepted. The confirmation of the analysis is held to the same authority.
    /// </summary>
    /// <exception cref="PlanImportException">The file has the wrong type or size, cannot be read, is stored under a plan
    /// outside the authority, or the region is unknown or outside the authority.</exception>
    public Task<ImportAnalysis> AnalyzeAsync(ImportFile file, PlanRegion region, ImportAuthority authority, CancellationToken ct = default) =>
        AnalyzeAsync(file, region, authority, null, ct);

    /// <summary>
    /// Analyses a file with the review's corrections applied to its tasks (<see cref="ReviewEdits"/>): units added in
    /// the review are proposed like those the document names, and the edited tasks are what a confirmation stores.
    /// </summary>
    /// <exception cref="PlanImportException">As above, and for an edit that names no task or gives an unreadable value (field taskEdits).</exception>
    public async Task<ImportAnalysis> AnalyzeAsync(ImportFile file, PlanRegion region, ImportAuthority authority, IReadOnlyList<ReviewEdit>? edits, CancellationToken ct = default)
    {
        var document = Parse(file);
        try
        {
            document = ReviewEdits.Apply(document, edits);
        }
        catch (ReviewEditException e)
        {
            throw new PlanImportException(ImportErrorCodes.InvalidDecision, ImportFields.TaskEdits, e.Message);
        }
        var sha256 = document.Source.Sha256;
        var title = TitleOf(document, file);

        var analyzedRegion = await RegionResolver.AnalyzeAsync(db, region, document, options, authority, ct);
        var duplicate = await PlanMatcher.SameFileAsync(db, sha256, authority, ct);
        RevisionOf? revision = null;
        if (duplicate is null && await PlanMatcher.RevisedPlanAsync(db, document, title, analyzedRegion, authority, ct) is var (plan, by))
        {
            (duplicate, revision) = await PlanMatcher.CompareAsync(db, plan, by, document, ct);
            // A revision stays where its plan is, whatever the caller asked: its units were matched there before.
            if (plan.RegionId is { } planRegion && planRegion != analyzedRegion.Id)
                analyzedRegion = await RegionResolver.WithLineageAsync(db, await RegionResolver.ExistingAsync(db, planRegion, authority, ct), ct);
        }

        IReadOnlyList<UnitProposal> proposals = [];
        if (duplicate is null)
        {
            var matcher = await ImportScope.MatcherAsync(db, analyzedRegion, ct);
            proposals = matcher.ProposeAll(UnitsToDecide(document, revision).Select(WrittenUnit.From), document.Bodies);
        }
        return new ImportAnalysis(file, sha256, document.Source.Format, document, analyzedRegion, duplicate, revision, proposals, authority)
        {
            Edits = [.. (edits ?? []).Where(e => !e.IsEmpty)],
        };
    }

    /// <summary>Analyses and confirms in one call, for callers with no one to review (the command line), as the machine's operator.</summary>
    public async Task<(ImportAnalysis Analysis, ImportResult Result)> ImportAsync(
        ImportFile file, PlanRegion region, Func<ImportAnalysis, ImportDecisions> decide, ImportActor actor, CancellationToken ct = default)
    {
        return await ImportAsync(file, region, null, decide, actor, ct);
    }

    /// <summary>Analyses with the review's corrections and confirms in one call, as the machine's operator.</summary>
    public async Task<(ImportAnalysis Analysis, ImportResult Result)> ImportAsync(
        ImportFile file, PlanRegion region, IReadOnlyList<ReviewEdit>? edits, Func<ImportAnalysis, ImportDecisions> decide, ImportActor actor, CancellationToken ct = default)
    {
        var analysis = await AnalyzeAsync(file, region, ImportAuthority.Unrestricted, edits, ct);
        return (analysis, await ConfirmAsync(analysis, decide(analysis), actor, ct));
    }

    /// <summary>
    /// Stores an analysed file: a new plan, or a new version of the plan it revises. A file already stored returns the
    /// stored version and writes nothing, not even an audit entry. Either everything is stored or nothing is.
    /// </summary>
    /// <exception cref="PlanImportException">Units without a decision (<see cref="UnmappedUnitsException"/>), a
    /// document without tasks, invalid decisions, or a database that changed since the analysis.</exception>
    public async Task<ImportResult> ConfirmAsync(ImportAnalysis analysis, ImportDecisions decisions, ImportActor actor, CancellationToken ct = default)
    {
        if (analysis.Duplicate is { } duplicate) return Unchanged(duplicate);
        if (analysis.TaskCount == 0 && !decisions.AllowWithoutTasks)
            throw new PlanImportException(ImportErrorCodes.NoTaskList, ImportFields.Tasks, "文件中没有找到任务清单（带责任单位的编号条目或任务表格），未导入。");
        UnitResolution.Check(analysis, decisions);

        var strategy = db.Database.CreateExecutionStrategy();
        try
        {
            return await strategy.ExecuteAsync(async token =>
            {
                // A retried attempt starts from nothing: what the failed one added to the context was rolled back.
                db.ChangeTracker.Clear();
                await using var transaction = await db.Database.BeginTransactionAsync(token);
                var result = await StoreAsync(analysis, decisions, actor, token);
                await transaction.CommitAsync(token);
                return result;
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            throw Stale();
        }
        catch (DbUpdateException)
        {
            // Another import of the same file committed between our check and our insert: the unique index on the
            // hash refused ours, and all of it was rolled back. For the user it is the same as a file already stored.
            if (await StoredMeanwhileAsync(analysis.Sha256, analysis.Authority, ct) is { } stored) return Unchanged(stored);
            throw;
        }
        finally
        {
            // Whatever happened, nothing of this import may linger in the context for a later SaveChanges to store.
            db.ChangeTracker.Clear();
        }
    }

    private async Task<DuplicateOf?> StoredMeanwhileAsync(string sha256, ImportAuthority authority, CancellationToken ct)
    {
        db.ChangeTracker.Clear();
        return await PlanMatcher.SameFileAsync(db, sha256, authority, ct);
    }

    private async Task<ImportResult> StoreAsync(ImportAnalysis analysis, ImportDecisions decisions, ImportActor actor, CancellationToken ct)
    {
        // The database may have moved since the analysis: the same file stored by someone else, a newer version.
        if (await PlanMatcher.SameFileAsync(db, analysis.Sha256, analysis.Authority, ct) is { } duplicate) return Unchanged(duplicate);
        var target = await PlanMatcher.RevisedPlanAsync(db, analysis.Document, analysis.Title, analysis.Region, analysis.Authority, ct);
        if ((target?.Plan.Id, target?.Plan.CurrentVersionId) != (analysis.RevisionOf?.PlanId, analysis.RevisionOf?.CurrentVersionId)) throw Stale();

        var trail = new ImportAuditTrail(actor, clock.GetUtcNow());
        var regionId = await RegionResolver.EnsureAsync(db, analysis.Region, analysis.Authority, trail, ct);
        var units = await UnitResolution.ApplyAsync(db, analysis, decisions, regionId, trail, ct);
        await db.SaveChangesAsync(ct);

        var memberMatcher = await ImportScope.MatcherAsync(db, analysis.Region with { Id = regionId, Path = analysis.Region.Path ?? await PathOfAsync(regionId, ct) }, ct);
        long? MemberOrganization(string unit) => units.ByName.TryGetValue(unit, out var organizations) && organizations.Count == 1
            ? organizations[0].Id
            : memberMatcher.Propose(new WrittenUnit(unit, unit)) is { Kind: UnitMatchKind.Exact or UnitMatchKind.Alias } p ? p.OrganizationIds[0] : null;

        var result = analysis.RevisionOf is { } revision
            ? await AddVersionAsync(analysis, revision, units, MemberOrganization, actor, trail, ct)
            : await CreatePlanAsync(analysis, regionId, units, MemberOrganization, actor, trail, ct);
        await db.SaveChangesAsync(ct);
        // Basis documents, links by 发文字号 both ways, filing requirements read from the text, filings and coverage (docs/cascade.md).
        await new Cascade.CascadeLinker(db, (action, entity, id, before, after) => trail.Add(action, entity, id, before, after))
            .OnImportedAsync(result.PlanId, analysis.Document, actor.Name, trail.At, ct);
        trail.WriteTo(audit);
        await db.SaveChangesAsync(ct);
        return result with { OrganizationsCreated = units.OrganizationsCreated, AliasesLearnt = units.AliasesLearnt };
    }

    private async Task<ImportResult> CreatePlanAsync(
        ImportAnalysis analysis, long regionId, UnitResolution units, Func<string, long?> memberOrganization,
        ImportActor actor, ImportAuditTrail trail, CancellationToken ct)
    {
        var document = analysis.Document;
        var plan = new Plan
        {
            Title = ColumnText.Fit(analysis.Title, 500),
            DocNumber = ColumnText.FitOrNull(document.DocNumber, 100),
            Issuer = ColumnText.FitOrNull(document.Issuer, 200),
            IssueDate = document.IssueDate,
            RegionId = regionId,
            CreatedAt = trail.At,
        };
        var version = NewVersion(analysis, 1, actor, trail.At);
        plan.Versions.Add(version);
        db.Plans.Add(plan);
        await db.SaveChangesAsync(ct);
        plan.CurrentVersionId = version.Id;

        var content = new PlanContent(db, plan.Id, units, memberOrganization);
        var lists = PlanContent.Lists(document);
        version.TaskLists.AddRange(lists);
        var tasks = TaskKeys.Of(document).Select(keyed =>
        {
            var task = content.NewTask(keyed);
            lists[keyed.ListIndex].Tasks.Add(task);
            return task;
        }).ToList();
        content.AddPlanLevel(document);

        trail.Add(AuditActions.PlanImport, AuditEntities.Plan, () => plan.Id, null, () => new
        {
            Plan = PlanImage(plan),
            Version = VersionImage(version),
            TaskLists = lists.Select(l => new { l.Id, l.Name, Tasks = l.Tasks.Count }),
            Tasks = tasks.Count,
            Assignments = content.AssignmentsCreated,
            GoalTargets = document.Targets.Count,
            Bodies = document.Bodies.Count,
            ReviewEdits = analysis.Edits,
        });
        return new ImportResult(ImportOutcome.Imported, plan.Id, version.Id, 1, null, tasks.Count, content.AssignmentsCreated);
    }

    private async Task<ImportResult> AddVersionAsync(
        ImportAnalysis analysis, RevisionOf revision, UnitResolution units, Func<string, long?> memberOrganization,
        ImportActor actor, ImportAuditTrail trail, CancellationToken ct)
    {
        var document = analysis.Document;
        var plan = await db.Plans.SingleAsync(p => p.Id == revision.PlanId, ct);
        var before = PlanImage(plan);
        var version = NewVersion(analysis, revision.NextNumber, actor, trail.At);
        version.PlanId = plan.Id;
        db.PlanVersions.Add(version);
        plan.Title = ColumnText.Fit(analysis.Title, 500);
        // A revision that no longer shows a number or issuer (an excerpt, a retyped copy) does not erase what is known.
        plan.DocNumber = ColumnText.FitOrNull(document.DocNumber, 100) ?? plan.DocNumber;
        plan.Issuer = ColumnText.FitOrNull(document.Issuer, 200) ?? plan.Issuer;
        plan.IssueDate = document.IssueDate ?? plan.IssueDate;
        await db.SaveChangesAsync(ct);
        plan.CurrentVersionId = version.Id;

        var content = new PlanContent(db, plan.Id, units, memberOrganization);
        var lists = PlanContent.Lists(document);
        version.TaskLists.AddRange(lists);
        var keyed = TaskKeys.Of(document).ToDictionary(k => k.Key, StringComparer.Ordinal);
        var stored = (await db.Tasks.Include(t => t.Assignments).Include(t => t.Targets)
                .Where(t => t.PlanId == plan.Id && t.TaskList!.PlanVersionId == revision.CurrentVersionId)
                .ToListAsync(ct))
            .GroupBy(t => t.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        // Before the diff's tasks move: the query must see the lists as stored, and no task moved in memory yet.
        var diffKeys = revision.Diff.Tasks.Where(t => t.Before is not null).Select(t => t.Before!.Key).ToHashSet(StringComparer.Ordinal);
        var carried = await HandTasks.CarryOverAsync(db, plan.Id, revision.CurrentVersionId, version, diffKeys, ct);

        var created = 0;
        foreach (var diff in revision.Diff.Tasks)
        {
            if (diff.Kind == TaskDiffKind.Removed)
            {
                // Kept on the old version's list, with its assignments and history, and marked as no longer current.
                // A task the office retired stays as it was retired (in the version current then).
                if (stored.TryGetValue(diff.Before!.Key, out var removed) && removed.RemovedInVersionId is null)
                {
                    trail.Add(AuditActions.TaskRemove, AuditEntities.Task, () => removed.Id, TaskImage(removed), null);
                    removed.RemovedInVersionId = version.Id;
                }
                continue;
            }

            var next = keyed[diff.After!.Key];
            var list = lists[next.ListIndex];
            if (diff.Before is null || !stored.TryGetValue(diff.Before.Key, out var task))
            {
                var added = content.NewTask(next);
                list.Tasks.Add(added);
                created++;
                trail.Add(AuditActions.TaskAdd, AuditEntities.Task, () => added.Id, null, () => TaskImage(added));
                continue;
            }

            // Retired by hand (not a task, or merged into another): the document still having it does not bring it back.
            if (task.RemovedInVersionId is not null) continue;
            var image = diff.Kind == TaskDiffKind.Changed ? TaskImage(task) : null;
            task.TaskList = list;
            PlanContent.Place(task, next);
            content.Revise(task, next, diff.Changes);
            content.SyncTargets(task, next.Task.Targets);
            if (image is not null)
            {
                var changed = task;
                trail.Add(AuditActions.TaskUpdate, AuditEntities.Task, () => changed.Id, image, () => TaskImage(changed));
            }
        }
        await content.ReplacePlanLevelAsync(document, ct);
        await content.EnsureNothingReportedIsRemovedAsync(ct);

        trail.Add(AuditActions.PlanVersion, AuditEntities.Plan, () => plan.Id, before, () => new
        {
            Plan = PlanImage(plan),
            Version = VersionImage(version),
            Diff = new
            {
                Added = revision.Diff.Tasks.Where(t => t.Kind == TaskDiffKind.Added).Select(t => t.After!.Key),
                Removed = revision.Diff.Tasks.Where(t => t.Kind == TaskDiffKind.Removed).Select(t => t.Before!.Key),
                Changed = revision.Diff.Tasks.Where(t => t.Kind == TaskDiffKind.Changed).Select(t => new { t.Before!.Key, t.Changes }),
                KeptByHand = carried,
            },
            ReviewEdits = analysis.Edits,
        });
        return new ImportResult(ImportOutcome.NewVersion, plan.Id, version.Id, version.Number, revision.Diff, created, content.AssignmentsCreated);
    }

    private PlanDocument Parse(ImportFile file)
    {
        var extension = Path.GetExtension(file.FileName);
        if (!options.AllowedExtensions.Any(e => string.Equals(e, extension, StringComparison.OrdinalIgnoreCase)))
        {
            throw new PlanImportException(ImportErrorCodes.FileType, ImportFields.File,
                ImportOptions.RefusalOf(extension) ?? $"只能导入 {options.AllowedList} 文件（收到“{Path.GetFileName(file.FileName)}”）。");
        }
        if (file.Content.LongLength > options.MaxFileBytes)
        {
            throw new PlanImportException(ImportErrorCodes.FileTooLarge, ImportFields.File,
                $"文件过大（{file.Content.LongLength:N0} 字节），上限为 {options.MaxFileBytes:N0} 字节。");
        }
        try
        {
            return parser.Parse(file.Content, Path.GetFileName(file.FileName));
        }
        catch (PlanInputException e)
        {
            throw new PlanImportException(e.Code, ImportFields.File, e.Message);
        }
    }

    private static string TitleOf(PlanDocument document, ImportFile file) =>
        document.Title ?? document.NoticeTitle ?? Path.GetFileNameWithoutExtension(file.FileName);

    private static PlanVersion NewVersion(ImportAnalysis analysis, int number, ImportActor actor, DateTimeOffset at) => new()
    {
        Number = number,
        FileName = ColumnText.Fit(Path.GetFileName(analysis.File.FileName), 300),
        Content = analysis.File.Content,
        Sha256 = analysis.Sha256,
        Text = analysis.Document.Text,
        ParsedJson = PlanJson.Serialize(analysis.Document, indented: false),
        SchemaVersion = analysis.Document.SchemaVersion,
        ImportedAt = at,
        ImportedById = actor.UserId,
    };

    private async Task<string> PathOfAsync(long regionId, CancellationToken ct) =>
        await db.Regions.Where(r => r.Id == regionId).Select(r => r.Path).SingleAsync(ct);

    /// <summary>Units to decide: every task's in a new plan; in a revision only those of added tasks and of tasks whose units changed.</summary>
    private static IEnumerable<ResponsibleUnit> UnitsToDecide(PlanDocument document, RevisionOf? revision)
    {
        var keys = revision?.Diff.Tasks
            .Where(t => t.Kind == TaskDiffKind.Added || (t.Kind == TaskDiffKind.Changed && t.Changes.HasFlag(TaskChanges.Units)))
            .Select(t => t.After!.Key)
            .ToHashSet(StringComparer.Ordinal);
        return TaskKeys.Of(document)
            .Where(k => keys is null || keys.Contains(k.Key))
            .SelectMany(k => k.Task.Units)
            .DistinctBy(u => u.Name, StringComparer.Ordinal);
    }

    private static ImportResult Unchanged(DuplicateOf duplicate) =>
        new(ImportOutcome.Unchanged, duplicate.PlanId, duplicate.VersionId, duplicate.VersionNumber);

    private static PlanImportException Stale() => new(ImportErrorCodes.Stale, ImportFields.File,
        "分析之后该计划已被修改（例如他人导入了新版本），请重新上传并核对后再确认。");

    private static object PlanImage(Plan p) => new { p.Id, p.Title, p.DocNumber, p.Issuer, p.IssueDate, p.RegionId, p.Status, p.CurrentVersionId };

    private static object VersionImage(PlanVersion v) => new { v.Id, v.Number, v.FileName, v.Sha256, Size = v.Content.LongLength };

    private static object TaskImage(StoredTask t) => new
    {
        t.Id,
        t.Key,
        t.No,
        t.Text,
        t.DeadlineRaw,
        t.Due,
        Assignments = t.Assignments.OrderBy(a => a.Id).Select(a => new { a.OrganizationId, a.UnitName, a.Role, a.Primary }).ToList(),
    };
}
