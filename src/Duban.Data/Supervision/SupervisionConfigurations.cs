using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Supervision;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Supervision;

// Orders, replies, instructions and timeline events are history: nothing cascades into them, and the people's ids
// carry no foreign key, as in the audit log.

internal sealed class SupervisionOrderConfiguration : IEntityTypeConfiguration<SupervisionOrder>
{
    public const string SubjectCheck = "CK_supervision_orders_subject";

    /// <summary>An order is on a task's assignment or on a filing, never both, never neither.</summary>
    public const string SubjectSql =
        "(\"TaskId\" IS NOT NULL AND \"AssignmentId\" IS NOT NULL AND \"FilingId\" IS NULL) OR (\"TaskId\" IS NULL AND \"AssignmentId\" IS NULL AND \"FilingId\" IS NOT NULL)";

    public void Configure(EntityTypeBuilder<SupervisionOrder> e)
    {
        e.ToTable("supervision_orders", t => t.HasCheckConstraint(SubjectCheck, SubjectSql));
        e.Ignore(x => x.Answerable);
        e.Property(x => x.Number).HasMaxLength(50);
        e.Property(x => x.Reason).HasMaxLength(SupervisionOrder.MaxReasonLength);
        e.Property(x => x.IssuedByName).HasMaxLength(100);
        e.Property(x => x.IdempotencyKey).HasMaxLength(TaskEvent.MaxKeyLength);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Number).IsUnique();
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.Status, x.ReplyBy });
        // The 督办单 list, newest first, a page at a time from a cursor: all of them, and by status (the active list
        // reads its three statuses one after the other).
        e.HasIndex(x => new { x.IssuedAt, x.Id });
        e.HasIndex(x => new { x.Status, x.IssuedAt, x.Id });
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Assignment>().WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Core.Cascade.Filing>().WithMany().HasForeignKey(x => x.FilingId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Rectifications).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.OrderId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class OrderReviewConfiguration : IEntityTypeConfiguration<OrderReview>
{
    public void Configure(EntityTypeBuilder<OrderReview> e)
    {
        e.ToTable("order_reviews");
        e.Property(x => x.Comment).HasMaxLength(OrderReview.MaxCommentLength);
        e.Property(x => x.ReviewerName).HasMaxLength(100);
    }
}

internal sealed class RectificationConfiguration : IEntityTypeConfiguration<Rectification>
{
    public void Configure(EntityTypeBuilder<Rectification> e)
    {
        e.ToTable("rectifications");
        e.Property(x => x.Measures).HasMaxLength(Rectification.MaxMeasuresLength);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.HasIndex(x => new { x.OrderId, x.Number }).IsUnique();
    }
}

internal sealed class InstructionConfiguration : IEntityTypeConfiguration<Instruction>
{
    public void Configure(EntityTypeBuilder<Instruction> e)
    {
        e.ToTable("instructions");
        e.Property(x => x.LeaderName).HasMaxLength(Instruction.MaxLeaderLength);
        e.Property(x => x.Text).HasMaxLength(Instruction.MaxTextLength);
        e.Property(x => x.RecordedByName).HasMaxLength(100);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class TaskEventConfiguration : IEntityTypeConfiguration<TaskEvent>
{
    public void Configure(EntityTypeBuilder<TaskEvent> e)
    {
        e.ToTable("task_events");
        e.Property(x => x.ActorName).HasMaxLength(100);
        e.Property(x => x.Summary).HasMaxLength(500);
        e.Property(x => x.IdempotencyKey).HasMaxLength(TaskEvent.MaxKeyLength);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
        e.HasIndex(x => new { x.TaskId, x.At });
        e.HasIndex(x => x.AssignmentId);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
    }
}
