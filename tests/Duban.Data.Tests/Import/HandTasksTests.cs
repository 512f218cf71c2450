using Duban.Core.Plans;
using Duban.Core.Plans.Editing;
using Duban.Data.Audit;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Import;

/// <summary>
/// What a revision import does with the office's hand edits (docs/import.md, "Editing after import"): tasks made by hand
/// move to the new version with their rows, on their list or a copy of it; retired tasks stay retired.
/// </summary>
public sealed class HandTasksTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task Hand_made_tasks_move_to_the_new_version_and_retired_ones_stay_retired()
    {
        var first = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        long handTask, assignedTask, retiredKept, retiredDropped, assignedList;
        await using (var db = harness.Database.NewContext())
        {
            var list = await db.TaskLists.Where(l => l.PlanVersionId == first.VersionId).OrderBy(l => l.Order).FirstAsync();
            var organization = await db.Organizations.Select(o => o.Id).FirstAsync();
            var hand = new PlanTask { PlanId = first.PlanId, TaskListId = list.Id, Key = TaskEditRules.NewManualKey(), No = "13", Text = "人工补录的任务。", Order = 99 };
            hand.Assignments.Add(new Assignment { OrganizationId = organization, Role = Duban.Parsing.Model.UnitRole.Lead, Primary = true, UnitName = "单位" });
            var instructed = new PlanTaskList
            {
                PlanVersionId = first.VersionId, Name = "领导批示交办事项", Order = 9, Source = TaskListSource.Instruction, SourceInstructor = "张市长",
                SourceDate = new DateOnly(2026, 3, 2), SourceReference = "批示件12号",
                Tasks = [new PlanTask { PlanId = first.PlanId, Key = TaskEditRules.NewManualKey(), No = "1", Text = "研究解决实训基地用地。" }],
            };
            db.Add(hand);
            db.Add(instructed);
            var tasks = await db.Tasks.Where(t => t.TaskList!.PlanVersionId == first.VersionId && t.Key.Contains("#")).OrderBy(t => t.Order).ToListAsync();
            // Task 1 is retired by hand (the next document still has it), task 5 too (the next document drops it).
            foreach (var t in new[] { tasks[0], tasks[4] })
            {
                t.RetiredAt = DateTimeOffset.UtcNow;
                t.RetiredReason = "不是任务";
                t.RemovedInVersionId = first.VersionId;
            }
            await db.SaveChangesAsync();
            (handTask, assignedTask, assignedList) = (hand.Id, instructed.Tasks[0].Id, instructed.Id);
            (retiredKept, retiredDropped) = (tasks[0].Id, tasks[4].Id);
        }

        var revised = SamplePlan.Load().With(tasks =>
        {
            tasks[1] = tasks[1].Replace("发布专业预警名单。", "发布专业预警名单，动态调整专业结构。");
            tasks.RemoveAt(4);
        });
        var second = await harness.ImportAsync(revised.Bytes(), "deadline-forms-v2.txt");
        second.VersionNumber.ShouldBe(2);

        await using var check = harness.Database.NewContext();
        var current = await check.Tasks.Include(t => t.TaskList).Include(t => t.Assignments)
            .Where(t => t.RemovedInVersionId == null).ToListAsync();
        current.ShouldAllBe(t => t.TaskList!.PlanVersionId == second.VersionId, "every current task is on the new version");
        var hand2 = current.Single(t => t.Id == handTask);
        hand2.Assignments.Count.ShouldBe(1, "its rows came along");
        hand2.TaskList!.Source.ShouldBe(TaskListSource.Document);
        var assigned = current.Single(t => t.Id == assignedTask);
        assigned.TaskList!.Id.ShouldNotBe(assignedList, "a copy of its list in the new version");
        (assigned.TaskList.Source, assigned.TaskList.SourceInstructor, assigned.TaskList.SourceReference).ShouldBe((TaskListSource.Instruction, "张市长", "批示件12号"));
        current.Select(t => t.Id).ShouldNotContain(retiredKept);
        current.Select(t => t.Id).ShouldNotContain(retiredDropped);
        (await check.Tasks.SingleAsync(t => t.Id == retiredDropped)).RemovedInVersionId.ShouldBe(first.VersionId, "retired in version 1, not removed by version 2");
        current.Count.ShouldBe(10 + 2, "12 tasks less the two retired, plus the two made by hand");
        var entry = await check.AuditEntries.Where(e => e.Action == AuditActions.PlanVersion).OrderByDescending(e => e.Id).FirstAsync();
        entry.After!.ShouldContain("KeptByHand");
        entry.After!.ShouldContain(handTask.ToString());
    }
}
