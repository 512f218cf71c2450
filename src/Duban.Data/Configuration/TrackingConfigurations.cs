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
        // The status computation (TrackingStatuses) reads reports through these two indexes alone, index-only scans
        // instead of the table at province scale (docs/benchmarks.md, "Tracking at province scale"): the reports of
        // the recent periods with what timeliness and the latest approved revision need, and the latest approved
        // report of each assignment whose approved reports are all older.
        e.HasIndex(x => new { x.PeriodId, x.AssignmentId, x.Status, x.SubmittedAt, x.Late, x.LatestRevisionId })
            .HasDatabaseName(ReportIndexes.RecentPeriods);
        e.HasIndex(x => new { x.AssignmentId, x.Status, x.PeriodId, x.LatestRevisionId })
            .HasDatabaseName(ReportIndexes.ApprovedHistory);
        // The 审核 queue: submitted reports, first submitted first, a page at a time from a cursor.
        e.HasIndex(x => new { x.Status, x.SubmittedAt, x.Id });
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
        // The approved revision of each assignment's latest report, read by id for the status computation: the
        // table's rows carry up to 12 000 characters of text, this index only what the status rules need.
        e.HasIndex(x => new { x.Id, x.State, x.PercentComplete, x.SubmittedAt, x.CreatedAt })
            .HasDatabaseName(ReportIndexes.RevisionOutcome);
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
        // The status computation reads every value of the targets in view through this index alone (TrackingStatuses).
        e.HasIndex(x => new { x.TargetId, x.OrganizationId, x.PeriodId, x.LatestRevisionId }).HasDatabaseName(ReportIndexes.ObservationValues);
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

/// <summary>Names of the status computation's covering indexes: the generated ones would pass PostgreSQL's 63 characters.</summary>
internal static class ReportIndexes
{
    public const string RecentPeriods = "IX_progress_reports_recent_periods";
    public const string ApprovedHistory = "IX_progress_reports_approved_history";
    public const string RevisionOutcome = "IX_report_revisions_outcome";
    public const string ObservationValues = "IX_observations_values";
}
