using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Configuration;

// Reports, values and their revisions are history: nothing cascades into them, and the ids of their authors and
// reviewers carry no foreign key, like the audit's (people leave, what they wrote stays).

internal sealed class ReportingCycleConfiguration : IEntityTypeConfiguration<ReportingCycle>
{
    public void Configure(EntityTypeBuilder<ReportingCycle> e)
    {
        e.ToTable("reporting_cycles");
        e.HasIndex(x => x.PlanId).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PeriodConfiguration : IEntityTypeConfiguration<Period>
{
    public void Configure(EntityTypeBuilder<Period> e)
    {
        e.ToTable("periods");
        e.Ignore(x => x.Span);
        e.HasIndex(x => new { x.PlanId, x.Kind, x.Start }).IsUnique();
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ProgressReportConfiguration : IEntityTypeConfiguration<ProgressReport>
{
    public void Configure(EntityTypeBuilder<ProgressReport> e)
    {
        e.ToTable("progress_reports");
        e.Ignore(x => x.Editable);
        e.Ignore(x => x.Submittable);
        e.HasIndex(x => new { x.AssignmentId, x.PeriodId }).IsUnique();
        e.HasIndex(x => new { x.PeriodId, x.Status });
        // The latest approved report of each assignment (TrackingStatuses) reads only these columns: an index-only
        // scan instead of the table at province scale (docs/benchmarks.md, "Tracking at province scale").
        e.HasIndex(x => new { x.AssignmentId, x.Status, x.PeriodId, x.Id });
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne(x => x.Assignment).WithMany().HasForeignKey(x => x.AssignmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Reviews).WithOne().HasForeignKey(x => x.ReportId).OnDelete(DeleteBehavior.Restrict);
        // LatestRevisionId has no foreign key: with report_revisions.ReportId it would make a cycle, as plans' CurrentVersionId.
    }
}

internal sealed class ReportRevisionConfiguration : IEntityTypeConfiguration<ReportRevision>
{
    public void Configure(EntityTypeBuilder<ReportRevision> e)
    {
        e.ToTable("report_revisions");
        e.Property(x => x.Done).HasMaxLength(ReportRevision.MaxTextLength);
        e.Property(x => x.Problems).HasMaxLength(ReportRevision.MaxTextLength);
        e.Property(x => x.NextSteps).HasMaxLength(ReportRevision.MaxTextLength);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.HasIndex(x => new { x.ReportId, x.Number }).IsUnique();
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReportRevisionEvidenceConfiguration : IEntityTypeConfiguration<ReportRevisionEvidence>
{
    public void Configure(EntityTypeBuilder<ReportRevisionEvidence> e)
    {
        e.ToTable("report_evidence");
        e.HasKey(x => new { x.RevisionId, x.EvidenceId });
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ReviewConfiguration : IEntityTypeConfiguration<Review>
{
    public void Configure(EntityTypeBuilder<Review> e)
    {
        e.ToTable("reviews");
        e.Property(x => x.Comment).HasMaxLength(Review.MaxCommentLength);
        e.Property(x => x.ReviewerName).HasMaxLength(100);
        e.HasOne<ReportRevision>().WithMany().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class EvidenceConfiguration : IEntityTypeConfiguration<Evidence>
{
    public void Configure(EntityTypeBuilder<Evidence> e)
    {
        e.ToTable("evidence");
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(Evidence.MaxFileNameLength);
        e.HasIndex(x => x.Sha256);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObservationConfiguration : IEntityTypeConfiguration<Observation>
{
    public void Configure(EntityTypeBuilder<Observation> e)
    {
        e.ToTable("observations");
        e.HasIndex(x => new { x.TargetId, x.OrganizationId, x.PeriodId }).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<TaskTarget>().WithMany().HasForeignKey(x => x.TargetId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne(x => x.Period).WithMany().HasForeignKey(x => x.PeriodId).OnDelete(DeleteBehavior.Restrict);
        e.HasMany(x => x.Revisions).WithOne().HasForeignKey(x => x.ObservationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObservationRevisionConfiguration : IEntityTypeConfiguration<ObservationRevision>
{
    public void Configure(EntityTypeBuilder<ObservationRevision> e)
    {
        e.ToTable("observation_revisions");
        e.Property(x => x.Value).HasPrecision(18, 4);
        e.Property(x => x.Note).HasMaxLength(ObservationRevision.MaxNoteLength);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.HasIndex(x => new { x.ObservationId, x.Number }).IsUnique();
        e.HasMany(x => x.Evidence).WithOne().HasForeignKey(x => x.RevisionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class ObservationRevisionEvidenceConfiguration : IEntityTypeConfiguration<ObservationRevisionEvidence>
{
    public void Configure(EntityTypeBuilder<ObservationRevisionEvidence> e)
    {
        e.ToTable("observation_evidence");
        e.HasKey(x => new { x.RevisionId, x.EvidenceId });
        e.HasOne(x => x.File).WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}
