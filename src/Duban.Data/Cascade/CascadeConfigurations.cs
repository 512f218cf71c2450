using Duban.Core.Cascade;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Cascade;

// Plans that cascade (docs/cascade.md). Basis rows belong to their plan; links, requirements, filings and coverage
// refer to plans and tasks without cascading deletes: plans and tasks are never deleted, only retired.

internal sealed class PlanBasisConfiguration : IEntityTypeConfiguration<PlanBasis>
{
    public void Configure(EntityTypeBuilder<PlanBasis> e)
    {
        e.ToTable("plan_basis");
        e.Property(x => x.Title).HasMaxLength(500);
        e.Property(x => x.DocNumber).HasMaxLength(100);
        e.Property(x => x.DocKey).HasMaxLength(100);
        e.HasIndex(x => new { x.PlanId, x.Order });
        e.HasIndex(x => x.DocKey);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PlanLinkConfiguration : IEntityTypeConfiguration<PlanLink>
{
    public void Configure(EntityTypeBuilder<PlanLink> e)
    {
        e.ToTable("plan_links");
        e.Property(x => x.DocNumber).HasMaxLength(100);
        e.Property(x => x.DecidedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.LowerPlanId, x.UpperPlanId }).IsUnique();
        e.HasIndex(x => x.UpperPlanId);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.LowerPlanId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.UpperPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FilingRequirementConfiguration : IEntityTypeConfiguration<FilingRequirement>
{
    public void Configure(EntityTypeBuilder<FilingRequirement> e)
    {
        e.ToTable("filing_requirements");
        e.Property(x => x.Text).HasMaxLength(1000);
        e.Property(x => x.Office).HasMaxLength(200);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.PlanId);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.PlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class FilingConfiguration : IEntityTypeConfiguration<Filing>
{
    public void Configure(EntityTypeBuilder<Filing> e)
    {
        e.ToTable("filings");
        e.Property(x => x.FiledByName).HasMaxLength(100);
        e.Property(x => x.ReviewedByName).HasMaxLength(100);
        e.Property(x => x.Comment).HasMaxLength(1000);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.RequirementId, x.OrganizationId }).IsUnique();
        e.HasIndex(x => x.OrganizationId);
        e.HasIndex(x => x.LowerPlanId);
        e.HasOne<FilingRequirement>().WithMany().HasForeignKey(x => x.RequirementId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.LowerPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class CoverageConfiguration : IEntityTypeConfiguration<Coverage>
{
    public void Configure(EntityTypeBuilder<Coverage> e)
    {
        e.ToTable("coverages");
        e.Property(x => x.Score).HasPrecision(4, 3);
        e.Property(x => x.DecidedByName).HasMaxLength(100);
        e.HasIndex(x => new { x.UpperTaskId, x.LowerTaskId }).IsUnique();
        e.HasIndex(x => x.LowerPlanId);
        e.HasIndex(x => x.LowerTaskId);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.UpperTaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.LowerTaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Plan>().WithMany().HasForeignKey(x => x.LowerPlanId).OnDelete(DeleteBehavior.Restrict);
    }
}
