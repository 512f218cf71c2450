using Duban.Core.Calendar;
using Duban.Core.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Calendar;

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> e)
    {
        e.ToTable("calendar_feeds");
        e.Property(x => x.Hash).HasMaxLength(64);
        e.Ignore(x => x.IsActive);
        // The address is looked up by its hash on every poll; one feed per user, replaced in place when regenerated.
        e.HasIndex(x => x.Hash).IsUnique();
        e.HasIndex(x => x.UserId).IsUnique();
        e.HasOne<User>().WithMany().HasForeignKey(x => x.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}
