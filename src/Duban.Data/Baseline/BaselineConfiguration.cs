using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Tracking.Baseline;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Baseline;

// Baseline reports are history, like the supervision records: nothing cascades into them, and the people's ids carry
// no foreign key, as in the audit log.
internal sealed class BaselineReportConfiguration : IEntityTypeConfiguration<BaselineReport>
{
    public void Configure(EntityTypeBuilder<BaselineReport> e)
    {
        e.ToTable("baseline_reports");
        e.Property(x => x.Note).HasMaxLength(BaselineReport.MaxNoteLength);
        e.Property(x => x.StatedByName).HasMaxLength(100);
        // Stated once per task and organisation: the index also settles two statements racing.
        e.HasIndex(x => new { x.TaskId, x.OrganizationId }).IsUnique();
        e.HasOne<PlanTask>().WithMany().HasForeignKey(x => x.TaskId).OnDelete(DeleteBehavior.Restrict);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
