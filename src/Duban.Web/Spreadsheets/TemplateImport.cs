using System.Globalization;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Data;
using Duban.Data.Tracking;
using Duban.Web.Operations;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.Spreadsheets;

/// <summary>A wrong cell of an imported template: the sheet, the row as Excel numbers it, the column's header, why.</summary>
public sealed record TemplateRowError(string Sheet, uint Row, string Column, string Message);

/// <summary>
/// What an import stored: reports and values created or revised (one revision each), filled rows whose content was
/// already stored, reports submitted for review (when asked: only those the file changed), and the draft or returned
/// reports left as they were because the file did not change them (<paramref name="NotSubmitted"/>).
/// </summary>
public sealed record TemplateImportResult(int ReportsCreated, int ReportsRevised, int ValuesCreated, int ValuesRevised, int Unchanged, int Submitted, int NotSubmitted = 0);

/// <summary>An import's outcome: the result, or the row errors (nothing stored), or a refusal of the whole file (nothing stored).</summary>
public sealed record TemplateImportOutcome(TemplateImportResult? Result, IReadOnlyList<TemplateRowError> Errors, OperationError? Refusal)
{
    public static TemplateImportOutcome Refused(ErrorKind kind, string message) => new(null, [], new OperationError(kind, message, "file"));
}

/// <summary>
/// Imports a filled 填报模板: every row is read and checked first (key, organisation, period, state, percentage,
/// texts, numbers, the version the template was made from); one wrong row rejects the whole file with the list of
/// errors. Otherwise every changed row is stored through <see cref="ProgressReporting"/> and
/// <see cref="ObservationReporting"/> (a new revision each, audited) in one transaction: all rows or none.
/// </summary>
public sealed class TemplateImport(DubanDbContext db, PlanQueries plans, ReportingPeriods periods, ProgressReporting reports,
    ObservationReporting observations, SpreadsheetLimits limits, TimeProvider clock)
{
    private abstract record Write(string Sheet, uint Row);

    private sealed record CreateReport(string Sheet, uint Row, NewReport Input) : Write(Sheet, Row);

    private sealed record ReviseReport(string Sheet, uint Row, long ReportId, Guid Version, ReportContent Content) : Write(Sheet, Row);

    private sealed record CreateValue(string Sheet, uint Row, NewObservation Input) : Write(Sheet, Row);

    private sealed record ReviseValue(string Sheet, uint Row, long ObservationId, Guid Version, ObservationContent Content) : Write(Sheet, Row);

    /// <param name="submit">
    /// Also submit for review (保存并提交审核), in the same transaction, every report the file creates or changes. A row
    /// the file leaves as it was submits nothing: a returned report the reporter did not touch stays returned (its
    /// comment has not been answered), and a draft stays a draft.
    /// </param>
    public async Task<TemplateImportOutcome> ImportAsync(DubanUser user, TrackingActor actor, byte[] content, bool submit, CancellationToken ct)
    {
        if (user.Role != Role.Reporter || user.OrganizationId is not { } organizationId)
            return TemplateImportOutcome.Refused(ErrorKind.Forbidden, "只有填报员可以导入本单位的填报模板。");
        var (sheets, problem) = TemplateReader.Read(content, limits, TemplateLayout.ProgressSheet, TemplateLayout.IndicatorSheet);
        if (problem is not null) return TemplateImportOutcome.Refused(ErrorKind.Validation, problem);
        if (sheets!.Count == 0)
            return TemplateImportOutcome.Refused(ErrorKind.Validation, $"文件中没有“{TemplateLayout.ProgressSheet}”或“{TemplateLayout.IndicatorSheet}”工作表，请使用系统生成的填报模板。");
        foreach (var (name, rows) in sheets)
            if (HeaderProblem(name, rows) is { } header) return TemplateImportOutcome.Refused(ErrorKind.Validation, header);

        var checker = new RowChecker(db, plans, periods, user, organizationId, ChinaCalendar.Today(clock.GetUtcNow()), submit);
        var errors = new List<TemplateRowError>();
        var writes = new List<Write>();
        int unchanged = 0, notSubmitted = 0;
        foreach (var row in sheets.GetValueOrDefault(TemplateLayout.ProgressSheet, []).Where(r => r.Number > 1))
        {
            var write = await checker.ProgressAsync(row, errors, ct);
            if (write is not null) writes.Add(write);
            if (checker.LastWasUnchanged) unchanged++;
            if (checker.LastWasLeftUnsubmitted) notSubmitted++;
        }
        foreach (var row in sheets.GetValueOrDefault(TemplateLayout.IndicatorSheet, []).Where(r => r.Number > 1))
        {
            var write = await checker.IndicatorAsync(row, errors, ct);
            if (write is not null) writes.Add(write);
            if (checker.LastWasUnchanged) unchanged++;
        }
        if (errors.Count > 0) return new(null, errors, null);
        return await StoreAsync(actor, writes, unchanged, notSubmitted, submit, ct);
    }

    private static string? HeaderProblem(string sheet, IReadOnlyList<SheetRow> rows)
    {
        var columns = sheet == TemplateLayout.ProgressSheet ? TemplateLayout.ProgressColumns : TemplateLayout.IndicatorColumns;
        var header = rows.FirstOrDefault(r => r.Number == 1);
        // Column A (the key's header) may be anything: it is hidden; the visible headers must be the template's.
        var same = header is not null && columns.Select((c, i) => (c, i)).Skip(1).All(x => header[x.i]?.Trim() == x.c.Header);
        return same ? null : $"工作表“{sheet}”的表头与系统生成的模板不一致（列被增删或移动），请重新下载模板填写。";
    }

    /// <summary>All writes in one transaction; a write the service still refuses (someone saved meanwhile) rolls everything back.</summary>
    private async Task<TemplateImportOutcome> StoreAsync(TrackingActor actor, List<Write> writes, int unchanged, int notSubmitted, bool submit, CancellationToken ct)
    {
        int reportsCreated = 0, reportsRevised = 0, valuesCreated = 0, valuesRevised = 0, submitted = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        try
        {
            foreach (var write in writes)
            {
                var error = write switch
                {
                    CreateReport c => await SubmittedAsync(await reports.CreateAsync(actor, c.Input, ct)),
                    ReviseReport r => await SubmittedAsync(await reports.ReviseAsync(actor, r.ReportId, r.Version, r.Content, ct)),
                    CreateValue c => (await observations.CreateAsync(actor, c.Input, ct)).Error,
                    ReviseValue r => (await observations.ReviseAsync(actor, r.ObservationId, r.Version, r.Content, ct)).Error,
                    _ => throw new InvalidOperationException(),
                };
                if (error is not null)
                {
                    await RollBackAsync(tx, ct);
                    return new(null, [new(write.Sheet, write.Row, "键", error.Kind == TrackingErrorKind.Stale ? RowChecker.Stale : error.Message)], null);
                }
                switch (write)
                {
                    case CreateReport: reportsCreated++; break;
                    case ReviseReport: reportsRevised++; break;
                    case CreateValue: valuesCreated++; break;
                    default: valuesRevised++; break;
                }
            }
            await tx.CommitAsync(ct);
        }
        catch (DbUpdateException)
        {
            await RollBackAsync(tx, ct);
            return TemplateImportOutcome.Refused(ErrorKind.Conflict, "导入时有他人同时填报了相同的内容，整个文件未导入，请重新下载模板后再试。");
        }
        return new(new(reportsCreated, reportsRevised, valuesCreated, valuesRevised, unchanged, submitted, notSubmitted), [], null);

        // A stored report, then submitted when asked (a submission is judged late or refused by the cycle as on the form).
        async Task<TrackingError?> SubmittedAsync(TrackingOutcome<ProgressReport> outcome)
        {
            if (outcome.Error is not null || !submit) return outcome.Error;
            var result = await reports.SubmitAsync(actor, outcome.Value!.Id, null, ct);
            if (result.Error is null) submitted++;
            return result.Error;
        }
    }

    private async Task RollBackAsync(Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction tx, CancellationToken ct)
    {
        await tx.RollbackAsync(ct);
        // What the services added stays tracked after a rollback; nothing of it may be saved by a later call.
        db.ChangeTracker.Clear();
    }

    /// <summary>The checks of one row, with what it needs from the database; collects errors rather than stopping at the first.</summary>
    private sealed class RowChecker(DubanDbContext db, PlanQueries plans, ReportingPeriods periods, DubanUser user, long organizationId, DateOnly today, bool submit)
    {
        public const string Stale = "模板生成后本单位该项在本期的内容已被修改（或已在别处填报），为免覆盖，请重新下载模板后填写。";
        private const string KeyColumn = "键";

        private readonly Dictionary<long, ReportingCycle> cycles = [];
        private readonly HashSet<(TemplateRowKind, long, DateOnly)> seen = [];

        public bool LastWasUnchanged { get; private set; }

        /// <summary>The last row was an unchanged draft or returned report that the import was asked to submit, and did not.</summary>
        public bool LastWasLeftUnsubmitted { get; private set; }

        public async Task<Write?> ProgressAsync(SheetRow row, List<TemplateRowError> errors, CancellationToken ct)
        {
            const string sheet = TemplateLayout.ProgressSheet;
            LastWasUnchanged = false;
            LastWasLeftUnsubmitted = false;
            int[] fill = [TemplateLayout.StateColumn, TemplateLayout.PercentColumn, TemplateLayout.DoneColumn, TemplateLayout.ProblemsColumn, TemplateLayout.NextStepsColumn];
            if (fill.All(c => row[c] is null)) return null;
            void Error(int column, string message) => errors.Add(new(sheet, row.Number, TemplateLayout.ColumnName(sheet, column), message));
            var before = errors.Count;

            var key = TemplateKey.Parse(row[TemplateLayout.KeyColumn]);
            if (key is not { Kind: TemplateRowKind.Report })
            {
                Error(TemplateLayout.KeyColumn, "该行的键缺失或被改动，请使用系统生成的模板，不要改动隐藏列，也不要自行添加行。");
                return null;
            }
            if (!seen.Add((key.Kind, key.Id, key.PeriodStart))) Error(TemplateLayout.KeyColumn, "同一任务同一周期在文件中出现了多次，请只保留一行。");
            var visible = plans.VisibleTasks(user).Select(t => t.Id);
            var assignment = await db.Assignments.AsNoTracking().Include(a => a.Task)
                .SingleOrDefaultAsync(a => a.Id == key.Id && a.OrganizationId == organizationId && visible.Contains(a.TaskId), ct);
            if (assignment is null)
            {
                Error(TemplateLayout.KeyColumn, "该行的任务不是本单位承担的任务，或已不存在：只能导入本单位的模板。");
                return null;
            }
            var task = assignment.Task!;
            var cycle = await CycleAsync(task.PlanId, ct);
            if (PeriodProblem(cycle, key.PeriodStart) is { } periodProblem)
            {
                Error(5, periodProblem);
                return null;
            }
            var span = PeriodSpan.StartingOn(cycle.Kind, key.PeriodStart)!.Value;
            var report = await db.ProgressReports.AsNoTracking()
                .SingleOrDefaultAsync(r => r.AssignmentId == assignment.Id && r.Period!.Kind == span.Kind && r.Period.Start == span.Start, ct);
            if (report?.Version != key.Version) Error(TemplateLayout.KeyColumn, Stale);
            else if (report is { Editable: false })
                Error(TemplateLayout.StateColumn, report.Status == ReportStatus.Approved ? "该任务本期进展已审核通过并锁定，不能再修改。" : "该任务本期进展已提交，正在等待审核；退回后才能修改。");
            if (report?.SubmittedAt is null && cycle.Judge(span, today) == Timeliness.Refused)
                Error(5, $"{span.Label}的报送期限已于 {cycle.WindowCloses(span):yyyy-MM-dd} 截止，逾期超过 {cycle.RefuseAfterDays} 天不再接收，请联系牵头部门。");

            ProgressState? state = null;
            if (row[TemplateLayout.StateColumn]?.Trim() is not { } stateText) Error(TemplateLayout.StateColumn, "请选择状态：未启动、推进中、已完成或长期推进。");
            else if (TemplateLayout.States.Where(s => s.Name == stateText).Select(s => (ProgressState?)s.State).FirstOrDefault() is { } known) state = known;
            else Error(TemplateLayout.StateColumn, $"“{stateText}”不是可选的状态，请从列表中选择：未启动、推进中、已完成或长期推进。");

            int? percent = null;
            if (row[TemplateLayout.PercentColumn]?.Trim() is { } percentText)
            {
                // As ProgressReporting: no percentage for a task to be kept up (长期坚持), even one with a first deadline.
                if (task.Ongoing) Error(TemplateLayout.PercentColumn, "长期坚持的任务不填完成百分比，请清空该格。");
                else if (decimal.TryParse(percentText.TrimEnd('%'), NumberStyles.Float, CultureInfo.InvariantCulture, out var p) && p == decimal.Truncate(p) && p is >= 0 and <= 100)
                    percent = (int)p;
                else Error(TemplateLayout.PercentColumn, $"完成百分比必须是 0 到 100 之间的整数，“{percentText}”不符合。");
            }
            else if (task.Due is not null && !task.Ongoing) Error(TemplateLayout.PercentColumn, "该任务有完成时限，请填写完成百分比（0 到 100 的整数）。");

            var done = row[TemplateLayout.DoneColumn]?.Trim();
            var problems = row[TemplateLayout.ProblemsColumn]?.Trim();
            var nextSteps = row[TemplateLayout.NextStepsColumn]?.Trim();
            foreach (var (column, text) in new[] { (TemplateLayout.DoneColumn, done), (TemplateLayout.ProblemsColumn, problems), (TemplateLayout.NextStepsColumn, nextSteps) })
                if (text is { Length: > ReportRevision.MaxTextLength }) Error(column, $"不能超过 {ReportRevision.MaxTextLength} 个字，现有 {text.Length} 个字。");
            if (state == ProgressState.Completed && string.IsNullOrEmpty(done)) Error(TemplateLayout.DoneColumn, "状态为已完成时，请填写工作进展（完成情况）。");
            if (errors.Count > before) return null;

            var content = new ReportContent(state, percent, done ?? "", problems ?? "", nextSteps ?? "", null);
            if (report is null) return new CreateReport(sheet, row.Number, new NewReport(assignment.Id, span.Start, content));
            var latest = await db.ReportRevisions.AsNoTracking().Include(r => r.Evidence).SingleOrDefaultAsync(r => r.Id == report.LatestRevisionId, ct);
            if (latest is not null && latest.State == state && latest.PercentComplete == percent && latest.Done == content.Done
                && latest.Problems == content.Problems && latest.NextSteps == content.NextSteps)
            {
                // The template comes filled with the latest revision: a row left as it came is not the reporter's
                // answer to anything, and submitting it would send a returned report back unchanged as if answered.
                LastWasUnchanged = true;
                LastWasLeftUnsubmitted = submit && report.Submittable;
                return null;
            }
            // The template carries no evidence: a new revision keeps the latest one's attachments.
            var evidence = latest?.Evidence.Select(e => e.EvidenceId).ToList();
            return new ReviseReport(sheet, row.Number, report.Id, report.Version, content with { EvidenceIds = evidence });
        }

        public async Task<Write?> IndicatorAsync(SheetRow row, List<TemplateRowError> errors, CancellationToken ct)
        {
            const string sheet = TemplateLayout.IndicatorSheet;
            LastWasUnchanged = false;
            if (row[TemplateLayout.ValueColumn] is null && row[TemplateLayout.NoteColumn] is null) return null;
            void Error(int column, string message) => errors.Add(new(sheet, row.Number, TemplateLayout.ColumnName(sheet, column), message));
            var before = errors.Count;

            var key = TemplateKey.Parse(row[TemplateLayout.KeyColumn]);
            if (key is not { Kind: TemplateRowKind.Indicator })
            {
                Error(TemplateLayout.KeyColumn, "该行的键缺失或被改动，请使用系统生成的模板，不要改动隐藏列，也不要自行添加行。");
                return null;
            }
            if (!seen.Add((key.Kind, key.Id, key.PeriodStart))) Error(TemplateLayout.KeyColumn, "同一指标同一周期在文件中出现了多次，请只保留一行。");
            var target = await db.Targets.AsNoTracking().SingleOrDefaultAsync(t => t.Id == key.Id, ct);
            if (target is null || !await ObservationRules.IsResponsibleAsync(db, target, organizationId, ct))
            {
                Error(TemplateLayout.KeyColumn, "该行的指标不是本单位负责填报的指标，或已不存在：只能导入本单位的模板。");
                return null;
            }
            var cycle = await CycleAsync(target.PlanId, ct);
            if (PeriodProblem(cycle, key.PeriodStart) is { } periodProblem)
            {
                Error(5, periodProblem);
                return null;
            }
            var span = PeriodSpan.StartingOn(cycle.Kind, key.PeriodStart)!.Value;
            var observation = await db.Observations.AsNoTracking()
                .SingleOrDefaultAsync(o => o.TargetId == target.Id && o.OrganizationId == organizationId && o.Period!.Kind == span.Kind && o.Period.Start == span.Start, ct);
            if (observation?.Version != key.Version) Error(TemplateLayout.KeyColumn, Stale);

            decimal? value = null;
            if (row[TemplateLayout.ValueColumn]?.Trim() is not { } valueText) Error(TemplateLayout.ValueColumn, "请填写本期数值。");
            else if (ParseValue(valueText) is { } parsed) value = parsed;
            else Error(TemplateLayout.ValueColumn, $"本期数值必须是不小于 0 的数（最多 4 位小数），“{valueText}”不符合。");
            var note = row[TemplateLayout.NoteColumn]?.Trim() ?? "";
            if (note.Length > ObservationRevision.MaxNoteLength) Error(TemplateLayout.NoteColumn, $"不能超过 {ObservationRevision.MaxNoteLength} 个字，现有 {note.Length} 个字。");
            if (errors.Count > before) return null;

            var content = new ObservationContent(value, note, null);
            if (observation is null) return new CreateValue(sheet, row.Number, new NewObservation(target.Id, span.Start, content));
            var latest = await db.ObservationRevisions.AsNoTracking().Include(r => r.Evidence).SingleOrDefaultAsync(r => r.Id == observation.LatestRevisionId, ct);
            if (latest is not null && latest.Value == value && latest.Note == note)
            {
                LastWasUnchanged = true;
                return null;
            }
            return new ReviseValue(sheet, row.Number, observation.Id, observation.Version, content with { EvidenceIds = latest?.Evidence.Select(e => e.EvidenceId).ToList() });
        }

        /// <summary>A value as Excel stores it: invariant digits, perhaps with a binary fraction's tail (12.300000000000001) that is not the reporter's.</summary>
        private static decimal? ParseValue(string text)
        {
            if (!decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value)) return null;
            var rounded = decimal.Round(value, 4);
            if (rounded != value && Math.Abs(rounded - value) > 0.0000001m) return null;
            return rounded is >= 0 and <= ObservationReporting.MaxValue ? rounded : null;
        }

        private string? PeriodProblem(ReportingCycle cycle, DateOnly start)
        {
            // A key this application wrote names a plausible period; another date was typed into the hidden column.
            if (!PlausibleDates.Contains(start, today))
                return PlausibleDates.OutOfRange($"该行的填报周期（{PlausibleDates.Text(start)}）", today).TrimEnd('。') + "：请使用系统生成的模板，不要改动隐藏列。";
            if (PeriodSpan.StartingOn(cycle.Kind, start) is not { } span)
                return "该计划的填报周期在模板生成后已调整，请重新下载模板。";
            return span.Start > today ? $"{span.Label}尚未开始，不能填报。" : null;
        }

        private async Task<ReportingCycle> CycleAsync(long planId, CancellationToken ct)
        {
            if (!cycles.TryGetValue(planId, out var cycle)) cycles[planId] = cycle = await periods.CycleAsync(planId, ct);
            return cycle;
        }
    }
}
