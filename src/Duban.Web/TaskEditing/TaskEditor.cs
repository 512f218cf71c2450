using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Duban.Core.Plans;
using Duban.Core.Plans.Editing;
using Duban.Core.Text;
using Duban.Core.Tracking.Baseline;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Core.Tracking.Supervision;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Data.TaskEditing;
using Duban.Parsing.Model;
using PlanTask = Duban.Core.Plans.PlanTask;
using PlanDocument = Duban.Parsing.Model.PlanDocument;
using Duban.Parsing.Serialization;
using Duban.Web.Operations;
using Duban.Web.Plans;
using Duban.Web.Security;
using Microsoft.EntityFrameworkCore;

namespace Duban.Web.TaskEditing;

/// <summary>
/// Correcting and completing tasks after import (docs/supervision.md, "Correcting tasks"), for the API and the pages
/// alike: edit a task's text, number, deadline and targets; add, change and remove its organisations; retire it; add a
/// task; split one into two and merge two into one; create a plan without a document (交办事项). Only administrators
/// responsible for the task's plan (<see cref="ActingRights.ForTaskPlanAsync"/>); a task they cannot read is not found.
/// Every change is one transaction with its audit entry (before and after) and, once the plan is published, an entry
/// 修改 on the task's timeline. Reports, values and 督办单 stay on the task and the assignment they were made for.
/// </summary>
public sealed class TaskEditor(DubanDbContext db, AuditLog audit, PlanQueries plans, ActingRights rights, TimeProvider time,
    Duban.Data.Notifications.NotificationCenter center, Duban.Data.Notifications.WebhookOutbox outbox)
{
    public const string Stale = "该任务在您读取之后已被修改，请刷新后重试。";

    /// <summary>Whether the administrator may edit the task: null when it may, else why not (404 unseen, 403 seen but not its plan).</summary>
    public async Task<OperationError?> AccessAsync(DubanUser admin, long taskId, CancellationToken ct)
    {
        if (!await plans.VisibleTasks(admin).AnyAsync(t => t.Id == taskId, ct)) return new OperationError(ErrorKind.NotFound, "未找到该任务。");
        if (!admin.IsAdmin || !await rights.ForTaskPlanAsync(admin, taskId, ct)) return new OperationError(ErrorKind.Forbidden, ActingRights.NotResponsibleForPlan);
        return null;
    }

    /// <summary>Whether the administrator may add tasks to the plan: null when it may (404 unseen, 403 seen but not its region).</summary>
    public async Task<OperationError?> PlanAccessAsync(DubanUser admin, long planId, CancellationToken ct)
    {
        if (!await plans.VisiblePlans(admin).AnyAsync(p => p.Id == planId, ct)) return new OperationError(ErrorKind.NotFound, "未找到该计划。");
        if (!admin.IsAdmin || !await rights.ForPlanAsync(admin, planId, ct)) return new OperationError(ErrorKind.Forbidden, ActingRights.NotResponsibleForPlan);
        return null;
    }

    /// <summary>The task as the edit form and the API show it, retired or not; null when the user does not see it.</summary>
    public async Task<EditedTaskView?> GetAsync(DubanUser user, long taskId, CancellationToken ct)
    {
        if (!await plans.VisibleTasks(user, includeRetired: true).AnyAsync(t => t.Id == taskId, ct)) return null;
        var task = await db.Tasks.AsNoTracking().Include(t => t.Assignments).ThenInclude(a => a.Organization).Include(t => t.Targets).Include(t => t.TaskList)
            .SingleAsync(t => t.Id == taskId, ct);
        return View(task);
    }

    // ---- edit: text, number, deadline, targets ----

    public async Task<Outcome<EditedTaskView>> EditAsync(DubanUser admin, Actor actor, long taskId, Guid? expected, TaskPatch patch, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        if (patch.IsEmpty) return Outcome<EditedTaskView>.Ok(await ViewAsync(task!.Id, ct));
        var before = Image(task!);
        var fieldsBefore = TaskFields.Of(task!);
        var (fields, problem) = TaskEditRules.Apply(fieldsBefore, patch, plan!.IssueDate?.Year, TrackingDay.Today(time));
        if (problem is not null) return Outcome<EditedTaskView>.Invalid(problem.Field, problem.Message);
        var changes = fields!.ChangesFrom(fieldsBefore).ToList();
        if (patch.Targets.Present)
        {
            // Checked in full before anything changes: a refused edit leaves nothing modified behind.
            var targetsBefore = TargetsImage(task!);
            var targetProblem = await SyncTargetsAsync(task!, patch.Targets.Value ?? [], ct);
            if (targetProblem is not null) return targetProblem;
            if (TargetsImage(task!) != targetsBefore) changes.Add("指标");
        }
        fields.ApplyTo(task!);
        if (changes.Count == 0) return Outcome<EditedTaskView>.Ok(await ViewAsync(task!.Id, ct));
        return await SaveAsync(admin, actor, plan, task!, TaskEditingAuditActions.Edit, before, $"修改了任务的{string.Join("、", changes)}", ct);
    }

    /// <summary>
    /// Brings the task's targets in line with the list: a target with an id keeps its row (and the values reported on
    /// it) and takes the new fields; one without an id is added; one left out is removed, unless values were reported
    /// on it (409: the office settles those first, as a revision import does).
    /// </summary>
    private async Task<OperationError?> SyncTargetsAsync(PlanTask task, IReadOnlyList<TargetInput> inputs, CancellationToken ct)
    {
        for (var i = 0; i < inputs.Count; i++)
        {
            if (TaskEditRules.CheckTarget(inputs[i], i) is { } problem) return new OperationError(ErrorKind.Validation, problem.Message, problem.Field);
            if (inputs[i].Id is { } id && task.Targets.All(t => t.Id != id))
                return new OperationError(ErrorKind.Validation, $"targets[{i}].id：任务没有编号为 {id} 的指标（新指标不要带 id）。", $"targets[{i}].id");
        }
        var kept = inputs.Where(t => t.Id is not null).Select(t => t.Id!.Value).ToHashSet();
        var dropped = task.Targets.Where(t => !kept.Contains(t.Id)).ToList();
        var droppedIds = dropped.Select(t => t.Id).ToList();
        var reported = await db.Observations.Where(o => droppedIds.Contains(o.TargetId)).Select(o => o.TargetId).Distinct().ToListAsync(ct);
        if (reported.Count > 0)
        {
            var names = dropped.Where(t => reported.Contains(t.Id)).Select(t => t.Subject);
            return new OperationError(ErrorKind.Conflict, $"指标“{string.Join("”“", names)}”已有填报的数值，不能删除；请保留该指标（可修改其内容）。", "targets");
        }
        foreach (var target in dropped) task.Targets.Remove(target);
        db.RemoveRange(dropped);
        foreach (var input in inputs)
        {
            var target = input.Id is { } id ? task.Targets.Single(t => t.Id == id) : null;
            if (target is null)
            {
                target = new TaskTarget { PlanId = task.PlanId, Subject = "", Unit = "", Raw = "" };
                task.Targets.Add(target);
            }
            target.Subject = NameText.Normalize(input.Subject!.Trim());
            target.Comparator = input.Comparator!.Value;
            target.Value = input.Value!.Value;
            target.ValueMax = input.Comparator == Comparator.Range ? input.ValueMax : null;
            target.Unit = NameText.Normalize(input.Unit!.Trim());
            target.Year = input.Year;
            target.Raw = ColumnText(TaskEditRules.TargetText(input), 500);
        }
        return null;
    }

    // ---- organisations ----

    public async Task<Outcome<EditedTaskView>> AddAssignmentAsync(DubanUser admin, Actor actor, long taskId, Guid? expected, AssignmentInput input, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        if (input.OrganizationId is not { } organizationId) return Outcome<EditedTaskView>.Invalid("organizationId", "organizationId（单位）不能为空。");
        var role = ParseRole(input.Role);
        if (role is null) return Outcome<EditedTaskView>.Invalid("role", "role（角色）必须是 lead（牵头单位）或 cooperating（配合单位）。");
        var organization = await db.Organizations.VisibleTo(admin).Where(o => o.Id == organizationId && o.IsActive && o.MergedIntoId == null)
            .Select(o => new { o.Id, o.Name }).SingleOrDefaultAsync(ct);
        if (organization is null) return Outcome<EditedTaskView>.Invalid("organizationId", "organizationId（单位）不存在、已停用或已合并，或不在您的数据范围内。");
        if (task!.Assignments.Any(a => a.OrganizationId == organizationId))
            return new OperationError(ErrorKind.Conflict, $"{organization.Name}已是该任务的责任单位；要改变其角色，请修改该分工。", "organizationId");
        var primary = role == UnitRole.Lead && (input.Primary ?? !task.Assignments.Any(a => a.Role == UnitRole.Lead && a.Primary));
        if (input.Primary == true && role != UnitRole.Lead) return Outcome<EditedTaskView>.Invalid("primary", "primary（主责单位）只能是牵头单位。");
        var unitName = string.IsNullOrWhiteSpace(input.UnitName) ? organization.Name : input.UnitName.Trim();
        if (NameText.Problem(unitName, "单位名称") is { } nameProblem) return Outcome<EditedTaskView>.Invalid("unitName", $"unitName（文件中的单位名称）：{nameProblem}");
        var before = Image(task);
        if (primary) foreach (var other in task.Assignments) other.Primary = false;
        task.Assignments.Add(new Assignment { OrganizationId = organizationId, Role = role.Value, Primary = primary, UnitName = ColumnText(NameText.Normalize(unitName), 200) });
        Assigned(task.Id, [organizationId]);
        return await SaveAsync(admin, actor, plan!, task, TaskEditingAuditActions.Assign, before,
            $"添加{(role == UnitRole.Lead ? primary ? "主责牵头" : "牵头" : "配合")}单位：{organization.Name}", ct);
    }

    public async Task<Outcome<EditedTaskView>> ChangeAssignmentAsync(DubanUser admin, Actor actor, long taskId, long assignmentId, Guid? expected, AssignmentChange input, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        var assignment = task!.Assignments.SingleOrDefault(a => a.Id == assignmentId);
        if (assignment is null) return Outcome<EditedTaskView>.NotFound("该任务没有这条分工。");
        var role = input.Role is null ? assignment.Role : ParseRole(input.Role);
        if (role is null) return Outcome<EditedTaskView>.Invalid("role", "role（角色）必须是 lead（牵头单位）或 cooperating（配合单位）。");
        var primary = input.Primary ?? (assignment.Primary && role == UnitRole.Lead);
        if (primary && role != UnitRole.Lead) return Outcome<EditedTaskView>.Invalid("primary", "primary（主责单位）只能是牵头单位。");
        if (role == assignment.Role && primary == assignment.Primary) return Outcome<EditedTaskView>.Ok(await ViewAsync(task.Id, ct));
        var before = Image(task);
        if (primary) foreach (var other in task.Assignments) other.Primary = false;
        assignment.Role = role.Value;
        assignment.Primary = primary;
        EnsurePrimary(task);
        var name = await db.Organizations.Where(o => o.Id == assignment.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        return await SaveAsync(admin, actor, plan!, task, TaskEditingAuditActions.Reassign, before,
            $"{name}改为{(role == UnitRole.Lead ? primary ? "主责牵头" : "牵头" : "配合")}单位", ct);
    }

    /// <summary>Removes an organisation from the task, unless it has reported, stated a baseline, or has a 督办单 on it (409): those stay with the assignment.</summary>
    public async Task<Outcome<EditedTaskView>> RemoveAssignmentAsync(DubanUser admin, Actor actor, long taskId, long assignmentId, Guid? expected, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        var assignment = task!.Assignments.SingleOrDefault(a => a.Id == assignmentId);
        if (assignment is null) return Outcome<EditedTaskView>.NotFound("该任务没有这条分工。");
        var name = await db.Organizations.Where(o => o.Id == assignment.OrganizationId).Select(o => o.Name).SingleAsync(ct);
        var targetIds = task.Targets.Select(t => t.Id).ToList();
        var work = new List<string>();
        if (await db.ProgressReports.AnyAsync(r => r.AssignmentId == assignmentId, ct)) work.Add("进展报告");
        if (await db.Set<SupervisionOrder>().AnyAsync(o => o.AssignmentId == assignmentId, ct)) work.Add("督办单");
        if (await db.Set<TaskEvent>().AnyAsync(e => e.AssignmentId == assignmentId, ct)) work.Add("督办记录");
        if (await db.Set<BaselineReport>().AnyAsync(b => b.TaskId == taskId && b.OrganizationId == assignment.OrganizationId, ct)) work.Add("摸底情况");
        if (await db.Observations.AnyAsync(o => targetIds.Contains(o.TargetId) && o.OrganizationId == assignment.OrganizationId, ct)) work.Add("指标数值");
        if (work.Count > 0)
            return new OperationError(ErrorKind.Conflict,
                $"{name}在该任务上已有{string.Join("、", work)}，不能移除（这些记录属于这条分工）；可把它改为配合单位，或将任务退役后另行添加任务。", "assignmentId");
        var before = Image(task);
        task.Assignments.Remove(assignment);
        db.Assignments.Remove(assignment);
        EnsurePrimary(task);
        return await SaveAsync(admin, actor, plan!, task, TaskEditingAuditActions.Unassign, before, $"移除责任单位：{name}", ct, [assignment.OrganizationId]);
    }

    // ---- retire, add, split, merge ----

    /// <summary>
    /// Retires the task (退役 / 删除: it is not a task): it leaves every list, count, status and escalation as a task a
    /// revision removed does, and keeps its assignments, reports, values, 督办单 and timeline.
    /// </summary>
    public async Task<Outcome<EditedTaskView>> RetireAsync(DubanUser admin, Actor actor, long taskId, Guid? expected, RetireInput input, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        var (reason, problem) = Reason(input.Reason);
        if (problem is not null) return problem;
        var before = Image(task!);
        Retire(admin, task!, plan!, reason, null);
        return await SaveAsync(admin, actor, plan!, task!, TaskEditingAuditActions.Retire, before, "任务已退役" + (reason is null ? "" : $"：{reason}"), ct);
    }

    /// <summary>Adds a task the parser missed, or a task of a 交办 list, with its organisations and targets. Its key is a manual one, which no document has.</summary>
    public async Task<Outcome<EditedTaskView>> AddTaskAsync(DubanUser admin, Actor actor, long planId, long? taskListId, TaskPatch fields,
        IReadOnlyList<AssignmentInput> assignments, CancellationToken ct = default)
    {
        if (await PlanAccessAsync(admin, planId, ct) is { } refused) return refused;
        var plan = await db.Plans.SingleAsync(p => p.Id == planId, ct);
        var lists = await db.TaskLists.Where(l => l.PlanVersionId == plan.CurrentVersionId).OrderBy(l => l.Order).ThenBy(l => l.Id).ToListAsync(ct);
        PlanTaskList? list;
        if (taskListId is { } listId)
        {
            list = lists.SingleOrDefault(l => l.Id == listId);
            if (list is null) return Outcome<EditedTaskView>.Invalid("taskListId", "taskListId（任务清单）不是该计划当前版本的清单。");
        }
        else list = lists.FirstOrDefault();
        if (!fields.Text.Present) return Outcome<EditedTaskView>.Invalid("text", "text（任务内容）不能为空。");
        if (plan.CurrentVersionId is not { } versionId) return Outcome<EditedTaskView>.Invalid("planId", "该计划没有当前版本。");
        // A plan without any list gets one, added only once everything else is checked.
        list ??= new PlanTaskList { PlanVersionId = versionId, Name = "人工添加的任务", Order = 0 };
        var count = list.Id == 0 ? 0 : await db.Tasks.CountAsync(t => t.TaskListId == list.Id, ct);
        var start = new TaskFields((count + 1).ToString(System.Globalization.CultureInfo.InvariantCulture), "", null, null, null, false, null);
        var (applied, problem) = TaskEditRules.Apply(start, fields, plan.IssueDate?.Year, TrackingDay.Today(time));
        if (problem is not null) return Outcome<EditedTaskView>.Invalid(problem.Field, problem.Message);
        var order = list.Id == 0 ? 0 : (await db.Tasks.Where(t => t.TaskListId == list.Id).MaxAsync(t => (int?)t.Order, ct) ?? -1) + 1;
        var task = new PlanTask { PlanId = planId, Key = TaskEditRules.NewManualKey(), No = "", Text = "", Order = order, TaskList = list };
        applied!.ApplyTo(task);

        var organizations = new HashSet<long>();
        for (var i = 0; i < assignments.Count; i++)
        {
            var input = assignments[i];
            var at = $"assignments[{i}]";
            if (input.OrganizationId is not { } organizationId) return Outcome<EditedTaskView>.Invalid($"{at}.organizationId", $"{at}.organizationId（单位）不能为空。");
            var role = ParseRole(input.Role);
            if (role is null) return Outcome<EditedTaskView>.Invalid($"{at}.role", $"{at}.role（角色）必须是 lead（牵头单位）或 cooperating（配合单位）。");
            if (input.Primary == true && role != UnitRole.Lead) return Outcome<EditedTaskView>.Invalid($"{at}.primary", $"{at}.primary（主责单位）只能是牵头单位。");
            if (!organizations.Add(organizationId)) return Outcome<EditedTaskView>.Invalid($"{at}.organizationId", $"{at}.organizationId：同一单位只能出现一次。");
            var name = await db.Organizations.VisibleTo(admin).Where(o => o.Id == organizationId && o.IsActive && o.MergedIntoId == null).Select(o => o.Name).SingleOrDefaultAsync(ct);
            if (name is null) return Outcome<EditedTaskView>.Invalid($"{at}.organizationId", $"{at}.organizationId（单位）不存在、已停用或已合并，或不在您的数据范围内。");
            task.Assignments.Add(new Assignment { OrganizationId = organizationId, Role = role.Value, Primary = input.Primary == true, UnitName = ColumnText(name, 200) });
        }
        var leads = task.Assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        if (leads.Count(a => a.Primary) > 1) return Outcome<EditedTaskView>.Invalid("assignments", "assignments：只能有一个主责牵头单位（primary）。");
        if (leads.Count > 0 && !leads.Any(a => a.Primary)) leads[0].Primary = true;
        if (fields.Targets.Present && await SyncTargetsAsync(task, fields.Targets.Value ?? [], ct) is { } targetProblem) return targetProblem;

        if (list.Id == 0) db.TaskLists.Add(list);
        db.Tasks.Add(task);
        // The caller's transaction when there is one: a meeting's 议定事项 are added all or none (GovernanceDesk).
        await using var tx = await WriteTransaction.BeginAsync(db, ct);
        await db.SaveChangesAsync(ct);
        audit.Add(actor, TaskEditingAuditActions.Create, AuditEntities.Task, task.Id, null, Image(task));
        if (plan.Status != PlanStatus.Draft) AddEvent(admin, task.Id, "人工添加了该任务");
        Assigned(task.Id, organizations);
        await db.SaveChangesAsync(ct);
        await NotifyAsync([], ct);
        await tx.CommitAsync(ct);
        return Outcome<EditedTaskView>.Ok(await ViewAsync(task.Id, ct));
    }

    /// <summary>
    /// Splits a task in two: this task keeps its id, key, reports, values, 督办单 and targets (with the text it keeps);
    /// the new task, with a manual key, gets the split-off text, the same deadline and the chosen organisations (default:
    /// all of them, in the same roles), without any history.
    /// </summary>
    public async Task<Outcome<SplitView>> SplitAsync(DubanUser admin, Actor actor, long taskId, Guid? expected, SplitInput input, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        var (newText, textProblem) = TaskEditRules.CleanText(input.NewText, "newText");
        if (textProblem is not null) return Outcome<SplitView>.Invalid(textProblem.Field, textProblem.Message);
        string? keptText = null;
        if (input.Text is not null)
        {
            var (text, problem) = TaskEditRules.CleanText(input.Text);
            if (problem is not null) return Outcome<SplitView>.Invalid(problem.Field, problem.Message);
            keptText = text;
        }
        var (newNo, noProblem) = TaskEditRules.CleanNo(input.NewNo ?? task!.No + "-2", "newNo");
        if (noProblem is not null) return Outcome<SplitView>.Invalid(noProblem.Field, noProblem.Message);
        var chosen = input.OrganizationIds ?? task!.Assignments.Select(a => a.OrganizationId).ToList();
        if (chosen.FirstOrDefault(id => task!.Assignments.All(a => a.OrganizationId != id)) is var stray && stray != 0)
            return Outcome<SplitView>.Invalid("organizationIds", $"organizationIds：单位 {stray} 不是该任务的责任单位。");

        var before = Image(task!);
        if (keptText is not null) task!.Text = keptText;
        var split = new PlanTask
        {
            PlanId = task!.PlanId, TaskListId = task.TaskListId, Key = TaskEditRules.NewManualKey(), No = newNo!, Order = task.Order, SectionPath = task.SectionPath,
            Text = newText!, DeadlineRaw = task.DeadlineRaw, Due = task.Due, Start = task.Start, Ongoing = task.Ongoing, Recurrence = task.Recurrence,
        };
        foreach (var a in task.Assignments.Where(a => chosen.Contains(a.OrganizationId)))
            split.Assignments.Add(new Assignment { OrganizationId = a.OrganizationId, Role = a.Role, Primary = a.Primary, UnitName = a.UnitName });
        var leads = split.Assignments.Where(a => a.Role == UnitRole.Lead).ToList();
        if (leads.Count > 0 && !leads.Any(a => a.Primary)) leads[0].Primary = true;
        task.Version = Guid.NewGuid();
        db.Tasks.Add(split);

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        audit.Add(actor, TaskEditingAuditActions.Split, AuditEntities.Task, task.Id, before, new { Task = Image(task), SplitOff = Image(split) });
        audit.Add(actor, TaskEditingAuditActions.Create, AuditEntities.Task, split.Id, null, new { Image = Image(split), SplitFrom = task.Id });
        if (plan!.Status != PlanStatus.Draft)
        {
            AddEvent(admin, task.Id, $"任务被拆分：拆出任务 {split.No}");
            AddEvent(admin, split.Id, $"由任务 {task.No} 拆分而来");
        }
        await db.SaveChangesAsync(ct);
        await NotifyAsync([], ct);
        await tx.CommitAsync(ct);
        return Outcome<SplitView>.Ok(new SplitView(await ViewAsync(task.Id, ct), await ViewAsync(split.Id, ct)));
    }

    /// <summary>
    /// Merges another task of the same plan into this one: this task gets the other's organisations it lacks (new
    /// assignments, cooperating unless they lead there) and optionally a new text; the other is retired, merged into
    /// this one, and keeps its own reports, values, 督办单 and timeline (they were made for it).
    /// </summary>
    public async Task<Outcome<MergeView>> MergeAsync(DubanUser admin, Actor actor, long taskId, Guid? expected, MergeInput input, CancellationToken ct = default)
    {
        var (task, plan, refused) = await LoadAsync(admin, taskId, expected, ct);
        if (refused is not null) return refused;
        if (input.MergedTaskId is not { } mergedId) return Outcome<MergeView>.Invalid("mergedTaskId", "mergedTaskId（被合并的任务）不能为空。");
        if (mergedId == taskId) return Outcome<MergeView>.Invalid("mergedTaskId", "mergedTaskId（被合并的任务）不能是该任务本身。");
        var merged = await db.Tasks.Include(t => t.Assignments).Include(t => t.Targets)
            .SingleOrDefaultAsync(t => t.Id == mergedId && t.PlanId == task!.PlanId && t.RemovedInVersionId == null, ct);
        if (merged is null) return Outcome<MergeView>.Invalid("mergedTaskId", "mergedTaskId（被合并的任务）必须是同一计划的当前任务。");
        string? text = null;
        if (input.Text is not null)
        {
            var (clean, problem) = TaskEditRules.CleanText(input.Text);
            if (problem is not null) return Outcome<MergeView>.Invalid(problem.Field, problem.Message);
            text = clean;
        }
        var before = new { Task = Image(task!), Merged = Image(merged) };
        if (text is not null) task!.Text = text;
        foreach (var a in merged.Assignments.Where(a => task!.Assignments.All(b => b.OrganizationId != a.OrganizationId)))
            task!.Assignments.Add(new Assignment { OrganizationId = a.OrganizationId, Role = a.Role, Primary = false, UnitName = a.UnitName });
        EnsurePrimary(task!);
        Retire(admin, merged, plan!, $"合并入任务 {task!.No}", task.Id);
        task.Version = Guid.NewGuid();

        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        audit.Add(actor, TaskEditingAuditActions.Merge, AuditEntities.Task, task.Id, before, new { Task = Image(task), Merged = Image(merged) });
        audit.Add(actor, TaskEditingAuditActions.Retire, AuditEntities.Task, merged.Id, before.Merged, Image(merged));
        if (plan!.Status != PlanStatus.Draft)
        {
            AddEvent(admin, task.Id, $"任务 {merged.No} 并入本任务（其进展报告与督办单保留在原任务上）");
            AddEvent(admin, merged.Id, $"本任务已合并入任务 {task.No}，不再单独跟踪");
        }
        await db.SaveChangesAsync(ct);
        await NotifyAsync([], ct);
        await tx.CommitAsync(ct);
        return Outcome<MergeView>.Ok(new MergeView(await ViewAsync(task.Id, ct), await ViewAsync(merged.Id, ct)));
    }

    // ---- a plan without a document ----

    /// <summary>The file name of a version that has no file.</summary>
    public const string NoFileName = "（无文件）";

    /// <summary>
    /// Creates a plan without a document, in 草稿: a 交办事项 (领导批示交办, 会议议定事项, 上级交办, 年度重点工作) or a plan
    /// entered by hand. Its one version has no file (empty content, file name （无文件）, empty text, a parsed document with
    /// nothing in it, and a SHA-256 of a random value, which no file has, for the unique index) and one empty task list
    /// carrying the source. The region must be one the administrator answers for.
    /// </summary>
    public async Task<Outcome<CreatedPlanView>> CreatePlanAsync(DubanUser admin, Actor actor, PlanInput input, CancellationToken ct = default)
    {
        if (!admin.IsAdmin) return new OperationError(ErrorKind.Forbidden, "只有管理员可以新建计划。");
        var title = input.Title?.Trim();
        if (string.IsNullOrEmpty(title)) return Outcome<CreatedPlanView>.Invalid("title", "title（标题）不能为空。");
        if (NameText.Problem(title, "标题") is { } titleProblem) return Outcome<CreatedPlanView>.Invalid("title", $"title（标题）：{titleProblem}");
        title = NameText.Normalize(title);
        if (title.Length > 500) return Outcome<CreatedPlanView>.Invalid("title", "title（标题）不能超过 500 个字符。");
        if (input.RegionId is not { } regionId) return Outcome<CreatedPlanView>.Invalid("regionId", "regionId（地区）不能为空。");
        if (!await db.Regions.ActionableBy(admin).AnyAsync(r => r.Id == regionId, ct))
            return Outcome<CreatedPlanView>.Invalid("regionId", "regionId（地区）不存在，或不在您的管理范围内。");
        var (docNumber, docProblem) = Optional(input.DocNumber, "docNumber", "文号", 100);
        if (docProblem is not null) return docProblem;
        var (issuer, issuerProblem) = Optional(input.Issuer, "issuer", "发文机关", 200);
        if (issuerProblem is not null) return issuerProblem;
        var today = TrackingDay.Today(time);
        if (input.IssueDate is { } issued && (issued < PlausibleDates.Earliest || issued > today))
            return Outcome<CreatedPlanView>.Invalid("issueDate", $"issueDate（成文日期）必须在 {PlausibleDates.Text(PlausibleDates.Earliest)} 至今天之间。");
        var source = input.Source ?? new SourceInput(null, null, null, null);
        var kind = source.Kind is null ? TaskListSource.Document : TaskListSources.Parse(source.Kind);
        if (kind is null)
            return Outcome<CreatedPlanView>.Invalid("source.kind", "source.kind（来源）必须是 instruction（领导批示交办）、meetingDecision（会议议定事项）、upperAssignment（上级交办）、annualPriority（年度重点工作）或 document（计划文件，手工录入）。");
        var (instructor, instructorProblem) = Optional(source.Instructor, "source.instructor", kind.Value.InstructorLabel(), PlanTaskList.MaxInstructorLength);
        if (instructorProblem is not null) return instructorProblem;
        var (reference, referenceProblem) = Optional(source.Reference, "source.reference", "会议或文件", PlanTaskList.MaxReferenceLength);
        if (referenceProblem is not null) return referenceProblem;
        if (kind == TaskListSource.Instruction && instructor is null)
            return Outcome<CreatedPlanView>.Invalid("source.instructor", "source.instructor（批示领导）不能为空：领导批示交办须写明批示的领导。");
        if (kind == TaskListSource.MeetingDecision && reference is null)
            return Outcome<CreatedPlanView>.Invalid("source.reference", "source.reference（会议）不能为空：会议议定事项须写明哪次会议（如“市政府第5次常务会议”）。");
        if (source.Date is { } date && (date < PlausibleDates.Earliest || date > today))
            return Outcome<CreatedPlanView>.Invalid("source.date", $"source.date（交办日期）必须在 {PlausibleDates.Text(PlausibleDates.Earliest)} 至今天之间。");
        var (listName, listProblem) = Optional(input.ListName, "listName", "清单名称", 300);
        if (listProblem is not null) return listProblem;

        var at = time.GetUtcNow();
        var seed = "duban:no-file:" + Guid.NewGuid().ToString("N");
        var sha = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(seed)));
        var document = new PlanDocument { Source = new SourceInfo("none", null, 0, sha), Text = "", Title = title, DocNumber = docNumber, Issuer = issuer, IssueDate = input.IssueDate };
        var list = new PlanTaskList
        {
            Name = listName ?? (kind == TaskListSource.Document ? Duban.Parsing.Model.TaskList.PlainName : kind.Value.Label()), Order = 0,
            Source = kind.Value, SourceInstructor = instructor, SourceDate = source.Date, SourceReference = reference,
        };
        var version = new PlanVersion
        {
            Number = 1, FileName = NoFileName, Content = [], Sha256 = sha, Text = "", ParsedJson = PlanJson.Serialize(document, indented: false),
            SchemaVersion = document.SchemaVersion, ImportedAt = at, ImportedById = admin.Id, TaskLists = [list],
        };
        var plan = new Plan { Title = title, DocNumber = docNumber, Issuer = issuer, IssueDate = input.IssueDate, RegionId = regionId, CreatedAt = at, Versions = [version] };
        db.Plans.Add(plan);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        await db.SaveChangesAsync(ct);
        plan.CurrentVersionId = version.Id;
        audit.Add(actor, TaskEditingAuditActions.PlanCreate, AuditEntities.Plan, plan.Id, null, new
        {
            plan.Id, plan.Title, plan.DocNumber, plan.Issuer, plan.IssueDate, plan.RegionId, plan.Status, VersionId = version.Id,
            TaskList = new { list.Id, list.Name, list.Source, list.SourceInstructor, list.SourceDate, list.SourceReference },
        });
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        return Outcome<CreatedPlanView>.Ok(new CreatedPlanView(plan.Id, plan.Title, plan.DocNumber, plan.Issuer, plan.IssueDate, regionId, plan.Status, version.Id, list.Id,
            SourceOf(list), plan.Version));
    }

    // ---- shared ----

    private async Task<(PlanTask? Task, Plan? Plan, OperationError? Refused)> LoadAsync(DubanUser admin, long taskId, Guid? expected, CancellationToken ct)
    {
        if (await AccessAsync(admin, taskId, ct) is { } refused) return (null, null, refused);
        var task = await db.Tasks.Include(t => t.Assignments).Include(t => t.Targets).SingleAsync(t => t.Id == taskId, ct);
        if (expected is { } version && version != task.Version) return (null, null, new OperationError(ErrorKind.PreconditionFailed, Stale));
        var plan = await db.Plans.AsNoTracking().SingleAsync(p => p.Id == task.PlanId, ct);
        return (task, plan, null);
    }

    private async Task<Outcome<EditedTaskView>> SaveAsync(DubanUser admin, Actor actor, Plan plan, PlanTask task, string action, object before, string summary, CancellationToken ct,
        IEnumerable<long>? formerOrganizations = null)
    {
        formerOrganizations ??= [];
        // The task's version changes with every edit, its assignments' and targets' included: the ETag covers them.
        task.Version = Guid.NewGuid();
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        if (!await db.SaveUnlessStaleAsync(ct)) return new OperationError(ErrorKind.PreconditionFailed, Stale);
        audit.Add(actor, action, AuditEntities.Task, task.Id, before, Image(task));
        if (plan.Status != PlanStatus.Draft) AddEvent(admin, task.Id, summary);
        await db.SaveChangesAsync(ct);
        await NotifyAsync(formerOrganizations, ct);
        await tx.CommitAsync(ct);
        return Outcome<EditedTaskView>.Ok(await ViewAsync(task.Id, ct));
    }

    private void Retire(DubanUser admin, PlanTask task, Plan plan, string? reason, long? mergedInto)
    {
        task.RetiredAt = time.GetUtcNow();
        task.RetiredById = admin.Id;
        task.RetiredByName = ColumnText(admin.DisplayName, 100);
        task.RetiredReason = reason;
        task.MergedIntoId = mergedInto;
        task.RemovedInVersionId = plan.CurrentVersionId;
    }

    /// <summary>
    /// An edit after publication, on the task's timeline (修改), for everyone who reads the task; the organisations of
    /// the task (before and after the edit) are told, and a webhook event of kind task-edit is queued, when the
    /// transaction is saved (<see cref="NotifyAsync"/>).
    /// </summary>
    private void AddEvent(DubanUser admin, long taskId, string summary)
    {
        var key = $"edit:{taskId}:{Guid.NewGuid():N}";
        db.Add(new TaskEvent
        {
            TaskId = taskId, Kind = TaskEventKind.Edited, At = time.GetUtcNow(), ActorId = admin.Id, ActorName = ColumnText(admin.DisplayName, 100),
            Summary = ColumnText(summary, 500), IdempotencyKey = key,
        });
        pending.Add((taskId, key, ColumnText(summary, 500)));
    }

    private readonly List<(long TaskId, string Key, string Summary)> pending = [];

    /// <summary>The organisations this edit gives the task to (added to it, or on a task just added), per task.</summary>
    private readonly Dictionary<long, HashSet<long>> assigned = [];

    private void Assigned(long taskId, IEnumerable<long> organizations)
    {
        if (!assigned.TryGetValue(taskId, out var set)) assigned[taskId] = set = [];
        set.UnionWith(organizations);
    }

    /// <summary>
    /// Tells the organisations of the edited tasks (their reporters), in the edit's transaction, and queues the webhook
    /// events: an organisation the edit gives the task to is told it was assigned the task (任务交办), the others that
    /// the task changed (任务修改).
    /// </summary>
    private async Task NotifyAsync(IEnumerable<long> formerOrganizations, CancellationToken ct)
    {
        var at = time.GetUtcNow();
        var former = formerOrganizations.ToHashSet();
        foreach (var (taskId, key, summary) in pending)
        {
            var task = await db.Tasks.AsNoTracking().Where(t => t.Id == taskId).Select(t => new { t.No, t.Text, t.PlanId, t.DeadlineRaw }).SingleAsync(ct);
            var organizations = (await db.Assignments.Where(a => a.TaskId == taskId).Select(a => a.OrganizationId).ToListAsync(ct)).Concat(former).Distinct().ToList();
            var fresh = assigned.GetValueOrDefault(taskId) ?? [];
            var message = new Duban.Core.Notifications.NotificationMessage(Duban.Core.Notifications.NotificationKinds.TaskEdit, $"任务 {task.No} 已修改", summary, $"tasks/{taskId}", key);
            var assignment = new Duban.Core.Notifications.NotificationMessage(Duban.Core.Notifications.NotificationKinds.TaskAssigned, $"新交办任务：任务 {task.No}",
                ColumnText($"本单位被列为任务 {task.No} 的责任单位：{task.Text}{(string.IsNullOrEmpty(task.DeadlineRaw) ? "" : $"（完成时限：{task.DeadlineRaw}）")}", 2000),
                $"tasks/{taskId}", key + ":assigned");
            foreach (var organization in organizations)
                await center.NotifyOrganizationAsync(organization, fresh.Contains(organization) ? assignment : message, at, ct);
            var data = new System.Text.Json.Nodes.JsonObject { ["taskId"] = taskId, ["planId"] = task.PlanId };
            await outbox.EnqueueAsync(new Duban.Core.Notifications.WebhookEvent(key, Duban.Core.Notifications.NotificationKinds.TaskEdit, at, message.Title, summary, message.Link, data), ct);
            if (fresh.Count > 0)
                await outbox.EnqueueAsync(new Duban.Core.Notifications.WebhookEvent(assignment.IdempotencyKey, Duban.Core.Notifications.NotificationKinds.TaskAssigned, at,
                    assignment.Title, assignment.Body, assignment.Link, new System.Text.Json.Nodes.JsonObject { ["taskId"] = taskId, ["planId"] = task.PlanId,
                        ["organizationIds"] = new System.Text.Json.Nodes.JsonArray([.. fresh.Order().Select(o => (System.Text.Json.Nodes.JsonNode?)o)]) }), ct);
        }
        pending.Clear();
        assigned.Clear();
    }

    private async Task<EditedTaskView> ViewAsync(long taskId, CancellationToken ct)
    {
        var task = await db.Tasks.AsNoTracking().Include(t => t.Assignments).ThenInclude(a => a.Organization).Include(t => t.Targets).Include(t => t.TaskList)
            .SingleAsync(t => t.Id == taskId, ct);
        return View(task);
    }

    private static EditedTaskView View(PlanTask t) => new(
        t.Id, t.PlanId, t.TaskListId, t.Key, t.No, t.Text, t.DeadlineRaw, t.Due, t.Start, t.Ongoing, t.Recurrence, t.RetiredAt is not null || t.RemovedInVersionId is not null,
        t.RetiredAt, t.RetiredByName, t.RetiredReason, t.MergedIntoId, SourceOf(t.TaskList!),
        t.Assignments.OrderBy(a => a.Role).ThenByDescending(a => a.Primary).ThenBy(a => a.Id)
            .Select(a => new AssignmentView(a.Id, a.OrganizationId, a.Organization?.Name ?? a.UnitName, a.Role, a.Primary, a.UnitName)).ToList(),
        t.Targets.OrderBy(x => x.Id).Select(x => new TargetView(x.Id, x.Subject, x.Comparator, x.Value, x.ValueMax, x.Unit, x.Year, x.Raw)).ToList(),
        t.Version);

    public static TaskSourceView SourceOf(PlanTaskList list) =>
        new(list.Source, list.Source.Label(), list.Name, list.SourceInstructor, list.SourceDate, list.SourceReference);

    /// <summary>The task as the audit log records it before and after an edit.</summary>
    private static object Image(PlanTask t) => new
    {
        t.Id, t.Key, t.No, t.Text, t.DeadlineRaw, t.Due, t.Start, t.Ongoing, t.Recurrence, t.TaskListId,
        t.RetiredAt, t.RetiredReason, t.MergedIntoId, t.RemovedInVersionId,
        Assignments = t.Assignments.OrderBy(a => a.Id).Select(a => new { a.Id, a.OrganizationId, a.UnitName, a.Role, a.Primary }).ToList(),
        Targets = t.Targets.OrderBy(x => x.Id).Select(x => new { x.Id, x.Subject, x.Comparator, x.Value, x.ValueMax, x.Unit, x.Year }).ToList(),
    };

    private static string TargetsImage(PlanTask t) => JsonSerializer.Serialize(
        t.Targets.OrderBy(x => x.Id).Select(x => new { x.Id, x.Subject, x.Comparator, x.Value, x.ValueMax, x.Unit, x.Year }));

    /// <summary>A task with leads has one primary lead (主责), as the import gives it: the first lead when none is left primary.</summary>
    private static void EnsurePrimary(PlanTask task)
    {
        var leads = task.Assignments.Where(a => a.Role == UnitRole.Lead).OrderBy(a => a.Id == 0 ? long.MaxValue : a.Id).ToList();
        if (leads.Count > 0 && !leads.Any(a => a.Primary)) leads[0].Primary = true;
    }

    private static UnitRole? ParseRole(string? role) => TaskPatchReader.ParseEnum<UnitRole>(role);

    private static (string? Reason, OperationError? Problem) Reason(string? text)
    {
        var reason = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (reason is null) return (null, null);
        if (NameText.Problem(reason, "原因") is { } problem) return (null, new OperationError(ErrorKind.Validation, $"reason（原因）：{problem}", "reason"));
        if (reason.Length > PlanTask.MaxReasonLength) return (null, new OperationError(ErrorKind.Validation, $"reason（原因）不能超过 {PlanTask.MaxReasonLength} 个字符。", "reason"));
        return (NameText.Normalize(reason), null);
    }

    private static (string? Value, OperationError? Problem) Optional(string? text, string field, string label, int max)
    {
        var value = string.IsNullOrWhiteSpace(text) ? null : text.Trim();
        if (value is null) return (null, null);
        if (NameText.Problem(value, label) is { } problem) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）：{problem}", field));
        value = NameText.Normalize(value);
        if (value.Length > max) return (null, new OperationError(ErrorKind.Validation, $"{field}（{label}）不能超过 {max} 个字符。", field));
        return (value, null);
    }

    private static string ColumnText(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
