using Duban.Core.Jobs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Jobs;

internal sealed class JobLeaseConfiguration : IEntityTypeConfiguration<JobLease>
{
    public void Configure(EntityTypeBuilder<JobLease> e)
    {
        e.ToTable("job_leases");
        e.HasKey(x => x.JobName);
        e.Property(x => x.JobName).HasMaxLength(100);
        e.Property(x => x.Holder).HasMaxLength(200);
    }
}

internal sealed class JobActionConfiguration : IEntityTypeConfiguration<JobAction>
{
    public void Configure(EntityTypeBuilder<JobAction> e)
    {
        e.ToTable("job_actions");
        e.Property(x => x.IdempotencyKey).HasMaxLength(200);
        e.Property(x => x.JobName).HasMaxLength(100);
        e.Property(x => x.Kind).HasMaxLength(50);
        e.HasIndex(x => x.IdempotencyKey).IsUnique();
    }
}
