using Duban.Core.Governance;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Governance;

internal sealed class MeetingConfiguration : IEntityTypeConfiguration<Meeting>
{
    public void Configure(EntityTypeBuilder<Meeting> e)
    {
        e.ToTable("meetings");
        e.Property(x => x.Title).HasMaxLength(Meeting.MaxTitleLength);
        e.Property(x => x.Agenda).HasMaxLength(Meeting.MaxAgendaLength);
        e.Property(x => x.MinutesText).HasMaxLength(Meeting.MaxMinutesLength);
        e.Property(x => x.MinutesFileName).HasMaxLength(255);
        e.Property(x => x.MinutesSha256).HasMaxLength(64);
        e.Property(x => x.CreatedByName).HasMaxLength(100);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => new { x.BodyId, x.Date });
        // A body goes with its plan; its meetings with it. A revision import keeps a body that has meetings (PlanContent).
        e.HasOne<GoverningBodyRecord>().WithMany().HasForeignKey(x => x.BodyId).OnDelete(DeleteBehavior.Cascade);
        e.HasMany(x => x.Attendees).WithOne().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingMinutesFileConfiguration : IEntityTypeConfiguration<MeetingMinutesFile>
{
    public void Configure(EntityTypeBuilder<MeetingMinutesFile> e)
    {
        e.ToTable("meeting_minutes_files");
        e.Property(x => x.FileName).HasMaxLength(255);
        e.Property(x => x.Sha256).HasMaxLength(64);
        e.Property(x => x.UploadedByName).HasMaxLength(100);
        e.HasIndex(x => x.MeetingId);
        e.HasOne<Meeting>().WithMany().HasForeignKey(x => x.MeetingId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MeetingAttendeeConfiguration : IEntityTypeConfiguration<MeetingAttendee>
{
    public void Configure(EntityTypeBuilder<MeetingAttendee> e)
    {
        e.ToTable("meeting_attendees");
        e.Property(x => x.UnitName).HasMaxLength(200);
        e.HasIndex(x => x.MeetingId);
        e.HasIndex(x => x.OrganizationId);
        e.HasOne<Organization>().WithMany().HasForeignKey(x => x.OrganizationId).OnDelete(DeleteBehavior.Restrict);
    }
}
