using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Duban.Data.Tracking.Status;

/// <summary>
/// The one row saying what the statuses stored on the tasks (<see cref="StoredTaskStatuses"/>) are good for: the Beijing
/// day they were computed for and the <see cref="ChangeMarks"/> read before. Null day: never computed (a new or
/// upgraded database). Storage, not domain.
/// </summary>
public sealed class StoredStatusMarks
{
    /// <summary>Always <see cref="TheRow"/>: one row, made by the migration.</summary>
    public int Id { get; set; }

    public DateOnly? Day { get; set; }

    public long Audit { get; set; }

    public long Reports { get; set; }

    public long Revisions { get; set; }

    public long Reviews { get; set; }

    public long Values { get; set; }

    public long Tasks { get; set; }

    public const int TheRow = 1;

    public ChangeMarks Marks => new(Audit, Reports, Revisions, Reviews, Values, Tasks);
}

internal sealed class StoredStatusMarksConfiguration : IEntityTypeConfiguration<StoredStatusMarks>
{
    public void Configure(EntityTypeBuilder<StoredStatusMarks> e)
    {
        e.ToTable("task_status_marks");
        e.Property(x => x.Id).ValueGeneratedNever();
        e.Ignore(x => x.Marks);
    }
}
