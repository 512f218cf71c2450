using Duban.Core.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Users;
using Duban.Data.TaskOrder;
using Duban.Data.Tracking.Status;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Configuration;

internal sealed class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> e)
    {
        e.ToTable("regions");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Path).HasMaxLength(400);
        e.HasIndex(x => x.Path);
        // Unique where set: both providers let any number of rows leave a unique column null.
        e.Property(x => x.Code).HasMaxLength(6);
        e.HasIndex(x => x.Code).IsUnique();
        // Recognising a plan's region looks places up by name.
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.Parent).WithMany().HasForeignKey(x => x.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> e)
    {
        e.ToTable("organizations");
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => new { x.RegionId, x.Name });
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Aliases).WithOne().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.MergedIntoId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrganizationAliasConfiguration : IEntityTypeConfiguration<OrganizationAlias>
{
    public void Configure(EntityTypeBuilder<OrganizationAlias> e)
    {
        e.ToTable("organization_aliases");
        e.Property(x => x.Name).HasMaxLength(200);
        e.HasIndex(x => x.Name);
    }
}

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> e)
    {
        e.ToTable("plans");
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.DocNumber).HasMaxLength(100);
        e.Property(x => x.Issuer).HasMaxLength(200);
        e.HasIndex(x => x.DocNumber);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Region).WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Versions).WithOne().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        // CurrentVersionId has no foreign key: with plan_versions.PlanId it would make a cycle, and every import would
        // need two round trips to insert a plan with its first version.
    }
}

internal sealed class PlanVersionConfiguration : IEntityTypeConfiguration<PlanVersion>
{
    public void Configure(EntityTypeBuilder<PlanVersion> e)
    {
        e.ToTable("plan_versions");
        e.Property(x => x.FileName).HasMaxLength(300);
        e.Property(x => x.Sha256).HasMaxLength(64);
        // Unique: of two concurrent imports of the same new file only one can store it; the import turns the other's
        // violation into "already imported".
        e.HasIndex(x => x.Sha256).IsUnique();
        e.HasIndex(x => new { x.PlanId, x.Number }).IsUnique();
        e.HasMany(x => x.TaskLists).WithOne().HasForeignKey(x => x.PlanVersionId).OnDelete(DeleteBehavior.Cascade);
        // ImportedById has no foreign key, like the audit's UserId: it records history, which outlives users.
    }
}

internal sealed class PlanTaskListConfiguration : IEntityTypeConfiguration<PlanTaskList>
{
    public void Configure(EntityTypeBuilder<PlanTaskList> e)
    {
        e.ToTable("task_lists");
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.SourceInstructor).HasMaxLength(PlanTaskList.MaxInstructorLength);
        e.Property(x => x.SourceReference).HasMaxLength(PlanTaskList.MaxReferenceLength);
        // MeetingId has no foreign key: a list copied to a new plan version carries it as history does (HandTasks).
        e.HasIndex(x => x.MeetingId);
        e.HasMany(x => x.Tasks).WithOne(x => x.TaskList).HasForeignKey(x => x.TaskListId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanTaskConfiguration : IEntityTypeConfiguration<PlanTask>
{
    public void Configure(EntityTypeBuilder<PlanTask> e)
    {
        e.ToTable("tasks");
        e.Property(x => x.Key).HasMaxLength(400);
        e.Property(x => x.No).HasMaxLength(20);
        e.Property(x => x.SectionPath).HasMaxLength(1000);
        e.Property(x => x.DeadlineRaw).HasMaxLength(200);
        e.Property(x => x.RetiredByName).HasMaxLength(100);
        e.Property(x => x.RetiredReason).HasMaxLength(PlanTask.MaxReasonLength);
        // RetiredById and MergedIntoId have no foreign key: they record history, like the audit's UserId.
        e.HasIndex(x => new { x.PlanId, x.Key });
        e.HasIndex(x => x.Due);
        // The list's order kept on the task, and the indexes that serve both sorts of the task list (TaskSortKeys).
        e.Property<int>(TaskSortKeys.DueKey);
        e.Property<int>(TaskSortKeys.ListOrder);
        e.HasIndex(TaskSortKeys.DueKey, nameof(PlanTask.PlanId), TaskSortKeys.ListOrder, nameof(PlanTask.Order), nameof(PlanTask.Id))
            .HasDatabaseName(TaskSortKeys.ByDueIndex).HasFilter(TaskSortKeys.CurrentFilter);
        e.HasIndex(nameof(PlanTask.PlanId), TaskSortKeys.ListOrder, nameof(PlanTask.Order), nameof(PlanTask.Id))
            .HasDatabaseName(TaskSortKeys.ByNumberIndex).HasFilter(TaskSortKeys.CurrentFilter);
        // Each current task's status by the rules, kept up to date by StoredTaskStatuses, and the indexes that walk one
        // status in either sort of the list (the plain list's keys behind the status); the partly completed are few.
        e.Property<int?>(StoredTaskStatuses.Status);
        e.Property<bool>(StoredTaskStatuses.PartlyCompleted);
        e.HasIndex(StoredTaskStatuses.Status, TaskSortKeys.DueKey, nameof(PlanTask.PlanId), TaskSortKeys.ListOrder, nameof(PlanTask.Order), nameof(PlanTask.Id))
            .HasDatabaseName(StoredTaskStatuses.ByDueIndex).HasFilter(TaskSortKeys.CurrentFilter);
        e.HasIndex(StoredTaskStatuses.Status, nameof(PlanTask.PlanId), TaskSortKeys.ListOrder, nameof(PlanTask.Order), nameof(PlanTask.Id))
            .HasDatabaseName(StoredTaskStatuses.ByNumberIndex).HasFilter(TaskSortKeys.CurrentFilter);
        e.HasIndex(nameof(PlanTask.PlanId)).HasDatabaseName(StoredTaskStatuses.PartlyCompletedIndex).HasFilter(StoredTaskStatuses.PartlyCompletedFilter);
        // The foreign key's index holds the removed tasks only: SQLite would otherwise answer "current tasks" (IS NULL)
        // from it and sort them all, rather than read the sort index in order and stop after a page.
        e.HasIndex(x => x.RemovedInVersionId).HasFilter(TaskSortKeys.RemovedFilter);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Assignments).WithOne(x => x.Task).HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Targets).WithOne().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Cascade);
        // PlanId is a shortcut past task list and version; the key keeps it pointing at a plan that exists.
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
        // Set null, not restrict: deleting a plan deletes its versions and its tasks in one cascade, in any order.
        e.HasOne<PlanVersion>().WithMany().HasForeignKey(x => x.RemovedInVersionId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class AssignmentConfiguration : IEntityTypeConfiguration<Assignment>
{
    public void Configure(EntityTypeBuilder<Assignment> e)
    {
        e.ToTable("assignments");
        e.Property(x => x.UnitName).HasMaxLength(200);
        // The reporter's task page: every task of one organisation.
        e.HasIndex(x => new { x.OrganizationId, x.TaskId });
        // The task's sort keys and removal, copied (AssignmentSortKeys): one organisation's list in due order is a walk
        // of this index.
        e.Property<int>(AssignmentSortKeys.DueKey);
        e.Property<long>(AssignmentSortKeys.PlanId);
        e.Property<int>(AssignmentSortKeys.ListOrder);
        e.Property<int>(AssignmentSortKeys.Order);
        e.Property<long?>(AssignmentSortKeys.RemovedInVersionId);
        e.HasIndex(nameof(Assignment.OrganizationId), AssignmentSortKeys.DueKey, AssignmentSortKeys.PlanId, AssignmentSortKeys.ListOrder, AssignmentSortKeys.Order,
            nameof(Assignment.TaskId)).HasDatabaseName(AssignmentSortKeys.ByDueIndex).HasFilter(AssignmentSortKeys.CurrentFilter);
        e.HasOne(x => x.Organization).WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskTargetConfiguration : IEntityTypeConfiguration<TaskTarget>
{
    public void Configure(EntityTypeBuilder<TaskTarget> e)
    {
        e.ToTable("targets");
        e.Property(x => x.Subject).HasMaxLength(300);
        e.Property(x => x.Unit).HasMaxLength(20);
        e.Property(x => x.Raw).HasMaxLength(500);
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.Property(x => x.ValueMax).HasPrecision(18, 4);
        e.HasIndex(x => x.PlanId);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class GoverningBodyConfiguration : IEntityTypeConfiguration<GoverningBodyRecord>
{
    public void Configure(EntityTypeBuilder<GoverningBodyRecord> e)
    {
        e.ToTable("governing_bodies");
        e.Property(x => x.Name).HasMaxLength(300);
        e.Property(x => x.Office).HasMaxLength(200);
        e.Property(x => x.MeetingsPerYear).HasPrecision(9, 2);
        e.Property(x => x.CadenceText).HasMaxLength(GoverningBodyRecord.MaxCadenceTextLength);
        e.Property(x => x.CorrectedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.PlanId);
        // No foreign key (the column was added to a table in use, which SQLite cannot constrain after the fact): the
        // writes check the organisation, and a merge moves it (OrganizationAdministration).
        e.HasIndex(x => x.OfficeOrganizationId);
        e.HasMany(x => x.Members).WithOne().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class BodyMemberConfiguration : IEntityTypeConfiguration<BodyMemberRecord>
{
    public void Configure(EntityTypeBuilder<BodyMemberRecord> e)
    {
        e.ToTable("body_members");
        e.Property(x => x.Person).HasMaxLength(50);
        e.Property(x => x.Title).HasMaxLength(200);
        e.Property(x => x.UnitName).HasMaxLength(200);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class UserConfiguration : IEntityTypeConfiguration<User>
{
    public void Configure(EntityTypeBuilder<User> e)
    {
        e.ToTable("users");
        e.Property(x => x.UserName).HasMaxLength(100);
        e.Property(x => x.DisplayName).HasMaxLength(100);
        e.Property(x => x.PasswordHash).HasMaxLength(200);
        e.Property(x => x.ForwardedNotificationKinds).HasMaxLength(500);
        e.HasIndex(x => x.UserName).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SignInThrottleConfiguration : IEntityTypeConfiguration<SignInThrottle>
{
    public void Configure(EntityTypeBuilder<SignInThrottle> e)
    {
        e.ToTable("sign_in_throttles");
        e.Property(x => x.Client).HasMaxLength(SignInThrottle.MaxClientLength);
        e.HasIndex(x => new { x.UserId, x.Client }).IsUnique();
        e.HasIndex(x => x.LastFailureAt);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> e)
    {
        e.ToTable("api_tokens");
        e.Property(x => x.Name).HasMaxLength(100);
        e.Property(x => x.Prefix).HasMaxLength(16);
        e.Property(x => x.Hash).HasMaxLength(64);
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.UserId);
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> e)
    {
        e.ToTable("audit_entries");
        // UserId has no foreign key on purpose: the audit is kept forever, also for users who are gone; Actor names them.
        e.Property(x => x.Actor).HasMaxLength(100);
        e.Property(x => x.RemoteAddress).HasMaxLength(64);
        e.Property(x => x.Action).HasMaxLength(100);
        e.Property(x => x.EntityType).HasMaxLength(100);
        e.Property(x => x.EntityId).HasMaxLength(100);
        // The audit page reads newest first by (time, id), a page at a time from a cursor (docs/web.md, "Long lists"):
        // the whole log, and filtered by action or by kind of record.
        e.HasIndex(x => new { x.At, x.Id });
        e.HasIndex(x => new { x.EntityType, x.EntityId });
        e.HasIndex(x => new { x.Action, x.At, x.Id });
        e.HasIndex(x => new { x.EntityType, x.At, x.Id });
        // A user's history is looked up by UserId.
        e.HasIndex(x => x.UserId);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<DataProtectionKey> e)
    {
        e.ToTable("data_protection_keys");
        e.Property(x => x.FriendlyName).HasMaxLength(200);
    }
}
