using Duban.Core.Audit;
using Duban.Core.Organizations;
using Duban.Core.Plans;
using Duban.Core.Regions;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Reporting;
using Duban.Core.Users;
using Duban.Data.TaskOrder;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data;

/// <summary>
/// The database of Duban, on SQLite or PostgreSQL. The same model and the same hand-written migrations serve both
/// (see Migrations/): column types come from the CLR types, never from provider-specific names.
/// </summary>
public sealed class DubanDbContext(DbContextOptions<DubanDbContext> options) : DbContext(options)
{
    public DbSet<Region> Regions => Set<Region>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<OrganizationAlias> OrganizationAliases => Set<OrganizationAlias>();
    public DbSet<Plan> Plans => Set<Plan>();
    public DbSet<PlanVersion> PlanVersions => Set<PlanVersion>();
    public DbSet<PlanTaskList> TaskLists => Set<PlanTaskList>();
    public DbSet<PlanTask> Tasks => Set<PlanTask>();
    public DbSet<Assignment> Assignments => Set<Assignment>();
    public DbSet<TaskTarget> Targets => Set<TaskTarget>();
    public DbSet<GoverningBodyRecord> GoverningBodies => Set<GoverningBodyRecord>();
    public DbSet<BodyMemberRecord> BodyMembers => Set<BodyMemberRecord>();
    public DbSet<User> Users => Set<User>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<SignInThrottle> SignInThrottles => Set<SignInThrottle>();
    public DbSet<AuditEntry> AuditEntries => Set<AuditEntry>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    // Tracking: reporting periods, progress reports, evidence, indicator values (docs/tracking.md).
    public DbSet<ReportingCycle> ReportingCycles => Set<ReportingCycle>();
    public DbSet<Period> Periods => Set<Period>();
    public DbSet<ProgressReport> ProgressReports => Set<ProgressReport>();
    public DbSet<ReportRevision> ReportRevisions => Set<ReportRevision>();
    public DbSet<Review> Reviews => Set<Review>();
    public DbSet<Evidence> Evidence => Set<Evidence>();
    public DbSet<Observation> Observations => Set<Observation>();
    public DbSet<ObservationRevision> ObservationRevisions => Set<ObservationRevision>();

    protected override void ConfigureConventions(ModelConfigurationBuilder builder)
    {
        // Instants are stored as Unix milliseconds (UTC) on every provider: SQLite has no date type to sort and compare
        // on, and one column type keeps the migrations provider-neutral.
        builder.Properties<DateTimeOffset>().HaveConversion<Configuration.UnixMillisecondsConverter>();
    }

    protected override void OnModelCreating(ModelBuilder model) => model.ApplyConfigurationsFromAssembly(typeof(DubanDbContext).Assembly);

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampNewVersions();
        TaskSortKeys.StampAsync(this, async: false, CancellationToken.None).GetAwaiter().GetResult();
        var pending = AssignmentSortKeys.Collect(this);
        if (!pending.Any) return base.SaveChanges(acceptAllChangesOnSuccess);
        // The assignments' copies of the keys are written after the save (new rows' ids are known only then), in its
        // transaction: one of the caller's, or one of its own.
        using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        AssignmentSortKeys.CopyAsync(this, pending, async: false, CancellationToken.None).GetAwaiter().GetResult();
        own?.Commit();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampNewVersions();
        await TaskSortKeys.StampAsync(this, async: true, cancellationToken);
        var pending = AssignmentSortKeys.Collect(this);
        if (!pending.Any) return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await AssignmentSortKeys.CopyAsync(this, pending, async: true, cancellationToken);
        if (own is not null) await own.CommitAsync(cancellationToken);
        return saved;
    }

    /// <summary>
    /// Gives every updated entity with a Guid concurrency token (Version) a new one. The UPDATE still checks the old
    /// value, so a second writer who read the same row fails with DbUpdateConcurrencyException instead of overwriting
    /// the first; and the ETag changes with every update without each caller having to remember it. A new value the
    /// caller set already is kept.
    /// </summary>
    private void StampNewVersions()
    {
        ChangeTracker.DetectChanges();
        foreach (var entry in ChangeTracker.Entries())
        {
            if (entry.State != EntityState.Modified) continue;
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.IsConcurrencyToken && property.Metadata.ClrType == typeof(Guid) && !property.IsModified)
                {
                    property.CurrentValue = Guid.NewGuid();
                }
            }
        }
    }
}

/// <summary>An ASP.NET Core data-protection key, kept in the database so that every web instance shares the keys.</summary>
public sealed class DataProtectionKey
{
    public long Id { get; set; }

    public string? FriendlyName { get; set; }

    public required string Xml { get; set; }
}
