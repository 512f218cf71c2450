using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Duban.Web.Security;

public enum SignInOutcome
{
    Succeeded,

    /// <summary>
    /// Every failure alike — unknown user, wrong password, a client that must wait, a deactivated account — so that the
    /// answer tells nothing about the account. Why it failed goes to the log and the audit, never to the client.
    /// </summary>
    Failed,
}

public sealed record SignInResult(SignInOutcome Outcome, User? User = null);

/// <summary>
/// Checks a user name and password. Wrong passwords are counted per account and client (<see cref="SignInClient"/>)
/// in the database, so that the count holds whichever instance a request reaches: after
/// <see cref="SignInOptions.MaxFailedAttempts"/> in a row that client waits a delay that doubles with each further one
/// (<see cref="SignInOptions.DelayAfter"/>), during which its attempts for that account are refused unchecked. Other
/// clients are not slowed: a stranger cannot lock the owner out. Every path costs one password hash, so that timing
/// does not tell the cases apart either.
/// </summary>
public sealed partial class SignInService(DubanDbContext db, AuditLog audit, TimeProvider time, IOptions<SignInOptions> options, ILogger<SignInService> logger)
{
    /// <summary>A client's count starts again once this long has passed since its last wrong password.</summary>
    public static readonly TimeSpan ForgetFailuresAfter = TimeSpan.FromDays(1);

    /// <summary>Verified against when no real hash is to be checked, so that every failure costs as long as a wrong password.</summary>
    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string userName, string password, Actor origin, CancellationToken ct = default)
    {
        var now = time.GetUtcNow();
        var client = SignInClient.KeyOf(origin.RemoteAddress);
        var name = userName.Trim();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == name, ct);
        if (user is null)
        {
            PasswordHasher.Verify(password, DummyHash.Value);
            LogUnknownUser(logger, name, client);
            return new(SignInOutcome.Failed);
        }

        var blockedUntil = await db.SignInThrottles.Where(t => t.UserId == user.Id && t.Client == client).Select(t => t.BlockedUntil).SingleOrDefaultAsync(ct);
        if (blockedUntil is { } until && until > now)
        {
            // Not even checked: a guess made while waiting must not tell whether it was right.
            PasswordHasher.Verify(password, DummyHash.Value);
            LogThrottled(logger, user.UserName, client, until);
            return new(SignInOutcome.Failed);
        }

        // Verified even without a hash of its own, so that such an account costs the same time.
        var matches = PasswordHasher.Verify(password, user.PasswordHash ?? DummyHash.Value) && user.PasswordHash is not null;
        if (!matches)
        {
            await CountFailureAsync(user, client, origin, now, ct);
            return new(SignInOutcome.Failed);
        }

        if (!user.IsActive)
        {
            LogInactive(logger, user.UserName, client);
            return new(SignInOutcome.Failed);
        }

        await db.SignInThrottles.Where(t => t.UserId == user.Id && t.Client == client).ExecuteDeleteAsync(ct);
        user.FailedSignIns = 0;
        user.LockedUntil = null;
        // Hashes made with fewer iterations are replaced while the password is at hand. The password is the same, so
        // the security stamp stays and the user's other sessions go on.
        if (PasswordHasher.NeedsRehash(user.PasswordHash!)) user.PasswordHash = PasswordHasher.Hash(password);
        audit.Add(origin with { UserId = user.Id, Name = user.UserName }, AuditActions.SignIn, AuditEntities.User, user.Id, null, null);
        await db.SaveChangesAsync(ct);
        return new(SignInOutcome.Succeeded, user);
    }

    /// <summary>
    /// Adds one to the client's count for the account (each statement counts on the row, so parallel attempts cannot
    /// overwrite each other's count), sets the wait the count calls for, and audits it.
    /// </summary>
    private async Task CountFailureAsync(User user, string client, Actor origin, DateTimeOffset now, CancellationToken ct)
    {
        var forgetBefore = now - ForgetFailuresAfter;
        // Counts of clients that have long stopped trying are of no use: they go as others fail.
        await db.SignInThrottles.Where(t => t.LastFailureAt < forgetBefore).ExecuteDeleteAsync(ct);
        if (await IncrementAsync(user.Id, client, now, forgetBefore, ct) == 0)
        {
            try
            {
                db.SignInThrottles.Add(new SignInThrottle { UserId = user.Id, Client = client, Failures = 1, LastFailureAt = now });
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another attempt from the same client made the row first: count on it.
                db.ChangeTracker.Clear();
                await IncrementAsync(user.Id, client, now, forgetBefore, ct);
            }
        }
        var failures = await db.SignInThrottles.Where(t => t.UserId == user.Id && t.Client == client).Select(t => t.Failures).SingleAsync(ct);
        DateTimeOffset? blockedUntil = options.Value.DelayAfter(failures) is { } delay ? now + delay : null;
        if (blockedUntil is not null)
            await db.SignInThrottles.Where(t => t.UserId == user.Id && t.Client == client).ExecuteUpdateAsync(s => s.SetProperty(t => t.BlockedUntil, blockedUntil), ct);
        // The account-wide count, from any client, is kept for the record only: it slows no one.
        await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);

        var actor = origin with { UserId = user.Id, Name = user.UserName };
        audit.Add(actor, AuditActions.SignInFailed, AuditEntities.User, user.Id, new { failedSignIns = failures - 1, client }, new { failedSignIns = failures, client });
        if (blockedUntil is not null)
        {
            audit.Add(actor, AuditActions.SignInDelayed, AuditEntities.User, user.Id, null, new { client, failedSignIns = failures, blockedUntil });
            LogDelayed(logger, user.UserName, client, failures, blockedUntil.Value);
        }
        await db.SaveChangesAsync(ct);
    }

    private Task<int> IncrementAsync(long userId, string client, DateTimeOffset now, DateTimeOffset forgetBefore, CancellationToken ct) =>
        db.SignInThrottles.Where(t => t.UserId == userId && t.Client == client).ExecuteUpdateAsync(s => s
            .SetProperty(t => t.Failures, t => t.LastFailureAt < forgetBefore ? 1 : t.Failures + 1)
            .SetProperty(t => t.LastFailureAt, now), ct);

    [LoggerMessage(LogLevel.Information, "Sign-in failed for unknown user {UserName} from {Client}")]
    private static partial void LogUnknownUser(ILogger logger, string userName, string client);

    [LoggerMessage(LogLevel.Information, "Sign-in for {UserName} from {Client} refused unchecked: the client must wait until {BlockedUntil}")]
    private static partial void LogThrottled(ILogger logger, string userName, string client, DateTimeOffset blockedUntil);

    [LoggerMessage(LogLevel.Information, "Sign-in for deactivated user {UserName} from {Client} refused")]
    private static partial void LogInactive(ILogger logger, string userName, string client);

    [LoggerMessage(LogLevel.Warning, "{Failures} wrong passwords in a row for {UserName} from {Client}: that client waits until {BlockedUntil}")]
    private static partial void LogDelayed(ILogger logger, string userName, string client, int failures, DateTimeOffset blockedUntil);
}
