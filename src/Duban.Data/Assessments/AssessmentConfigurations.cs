using Duban.Core.Assessments;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Tracking.Reporting;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Assessments;

// Schemes, runs, results, self-scores, reviews and entries are history: nothing cascades into them, rows are added and
// never changed (but for the scheme's and the assessment's pointers and stage), and people's ids carry no foreign key,
// as in the audit log. Points are numeric(9,2): totals and 分值 never need more.

internal sealed class AssessmentSchemeConfiguration : IEntityTypeConfiguration<AssessmentScheme>
{
    public void Configure(EntityTypeBuilder<AssessmentScheme> e)
    {
        e.ToTable("assessment_schemes");
        e.Property(x => x.Name).HasMaxLength(AssessmentScheme.MaxNameLength);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        // CurrentVersionId has no foreign key: with the versions' SchemeId it would make a cycle, as plans' CurrentVersionId.
        e.HasOne<Region>().WithMany().HasForeignKey(x => x.RegionId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentSchemeVersionConfiguration : IEntityTypeConfiguration<AssessmentSchemeVersion>
{
    public void Configure(EntityTypeBuilder<AssessmentSchemeVersion> e)
    {
        e.ToTable("assessment_scheme_versions");
        e.Property(x => x.Note).HasMaxLength(AssessmentSchemeVersion.MaxNoteLength);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.SchemeId, x.Number }).IsUnique();
        e.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentConfiguration : IEntityTypeConfiguration<Assessment>
{
    public void Configure(EntityTypeBuilder<Assessment> e)
    {
        e.ToTable("assessments");
        e.Property(x => x.Name).HasMaxLength(Assessment.MaxNameLength);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.PublishedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        // One assessment per scheme and year: its previous year is then one row, and two offices clicking at once make one.
        e.HasIndex(x => new { x.SchemeId, x.Year }).IsUnique();
        e.HasOne<AssessmentScheme>().WithMany().HasForeignKey(x => x.SchemeId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentRunConfiguration : IEntityTypeConfiguration<AssessmentRun>
{
    public void Configure(EntityTypeBuilder<AssessmentRun> e)
    {
        e.ToTable("assessment_runs");
        e.Property(x => x.ComputedByName).HasMaxLength(100);
        e.Property(x => x.Digest).HasMaxLength(64);
        e.HasIndex(x => new { x.AssessmentId, x.Number }).IsUnique();
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AssessmentSchemeVersion>().WithMany().HasForeignKey(x => x.SchemeVersionId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentResultConfiguration : IEntityTypeConfiguration<AssessmentResult>
{
    public void Configure(EntityTypeBuilder<AssessmentResult> e)
    {
        e.ToTable("assessment_results");
        e.Property(x => x.Total).HasPrecision(9, 2);
        e.Property(x => x.Summary);
        e.HasIndex(x => new { x.RunId, x.OrganizationId }).IsUnique();
        e.HasOne<AssessmentRun>().WithMany().HasForeignKey(x => x.RunId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class SelfScoreConfiguration : IEntityTypeConfiguration<SelfScore>
{
    public void Configure(EntityTypeBuilder<SelfScore> e)
    {
        e.ToTable("assessment_self_scores");
        e.Property(x => x.IndicatorCode).HasMaxLength(IndicatorDefinition.MaxCodeLength);
        e.Property(x => x.Points).HasPrecision(9, 2);
        e.Property(x => x.Comment).HasMaxLength(SelfScore.MaxCommentLength);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.HasIndex(x => new { x.AssessmentId, x.OrganizationId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AssessmentEvidence>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentReviewConfiguration : IEntityTypeConfiguration<AssessmentReview>
{
    public void Configure(EntityTypeBuilder<AssessmentReview> e)
    {
        e.ToTable("assessment_reviews");
        e.Property(x => x.IndicatorCode).HasMaxLength(IndicatorDefinition.MaxCodeLength);
        e.Property(x => x.Points).HasPrecision(9, 2);
        e.Property(x => x.ComputedPoints).HasPrecision(9, 2);
        e.Property(x => x.PreviousPoints).HasPrecision(9, 2);
        e.Property(x => x.Reason).HasMaxLength(AssessmentReview.MaxReasonLength);
        e.Property(x => x.ReviewerName).HasMaxLength(100);
        e.HasIndex(x => new { x.AssessmentId, x.OrganizationId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentEntryConfiguration : IEntityTypeConfiguration<AssessmentEntry>
{
    public void Configure(EntityTypeBuilder<AssessmentEntry> e)
    {
        e.ToTable("assessment_entries");
        e.Property(x => x.IndicatorCode).HasMaxLength(IndicatorDefinition.MaxCodeLength);
        e.Property(x => x.Points).HasPrecision(9, 2);
        e.Property(x => x.Comment).HasMaxLength(AssessmentEntry.MaxCommentLength);
        e.Property(x => x.AuthorName).HasMaxLength(100);
        e.HasIndex(x => new { x.AssessmentId, x.OrganizationId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<AssessmentEvidence>().WithMany().HasForeignKey(x => x.EvidenceId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class AssessmentEvidenceConfiguration : IEntityTypeConfiguration<AssessmentEvidence>
{
    public void Configure(EntityTypeBuilder<AssessmentEvidence> e)
    {
        e.ToTable("assessment_evidence");
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.FileName).HasMaxLength(Evidence.MaxFileNameLength);
        e.Property(x => x.UploadedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.AssessmentId, x.OrganizationId });
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
