using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Bulletins;

// One 通报 per assessment: the draft is one JSON document, edited whole; the audit log keeps every version of it.
internal sealed class BulletinConfiguration : IEntityTypeConfiguration<Bulletin>
{
    public void Configure(EntityTypeBuilder<Bulletin> e)
    {
        e.ToTable("assessment_bulletins");
        e.Ignore(x => x.Content);
        e.Property(x => x.UpdatedByName).HasMaxLength(100);
        e.Property(x => x.IssuedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.AssessmentId).IsUnique();
        e.HasOne<Assessment>().WithMany().HasForeignKey(x => x.AssessmentId).OnDelete(DeleteBehavior.Restrict);
    }
}
