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
    /// <summary>Unknown user or wrong password: the two are not told apart.</summary>
    Invalid,
    LockedOut,
    /// <summary>Right password, deactivated account: only someone who knows the password learns this.</summary>
    Inactive,
}

public sealed record SignInResult(SignInOutcome Outcome, User? User = null, DateTimeOffset? LockedUntil = null);

/// <summary>Checks a user name and password, counting failures in the database so that lockout holds across instances.</summary>
public sealed class SignInService(DubanDbContext db, AuditLog audit, TimeProvider time, IOptions<SignInOptions> options, ILogger<SignInService> logger)
{
    /// <summary>Verified against when the user is unknown, so that a wrong name costs as long as a wrong password.</summary>
    private static readonly Lazy<string> DummyHash = new(() => PasswordHasher.Hash(Guid.NewGuid().ToString()));

    public async Task<SignInResult> SignInAsync(string userName, string password, Actor origin, CancellationToken ct = default)
    {
        var settings = options.Value;
        var now = time.GetUtcNow();
        var user = await db.Users.SingleOrDefaultAsync(u => u.UserName == userName.Trim(), ct);
        if (user is null)
        {
            PasswordHasher.Verify(password, DummyHash.Value);
            logger.LogInformation("Sign-in failed for unknown user {UserName} from {Address}", userName, origin.RemoteAddress);
            return new(SignInOutcome.Invalid);
        }

        if (user.LockedUntil is { } until && until > now) return new(SignInOutcome.LockedOut, LockedUntil: until);

        if (user.PasswordHash is null || !PasswordHasher.Verify(password, user.PasswordHash))
        {
            // Counted in one statement so that parallel attempts cannot overwrite each other's count.
            await db.Users.Where(u => u.Id == user.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(u => u.FailedSignIns, u => u.FailedSignIns + 1), ct);
            var failures = await db.Users.Where(u => u.Id == user.Id).Select(u => u.FailedSignIns).SingleAsync(ct);
            if (failures >= settings.MaxFailedAttempts)
            {
                var lockedUntil = now.AddMinutes(settings.LockoutMinutes);
                await db.Users.Where(u => u.Id == user.Id).ExecuteUpdateAsync(s => s
                    .SetProperty(u => u.FailedSignIns, 0)
                    .SetProperty(u => u.LockedUntil, lockedUntil), ct);
                audit.Add(origin with { UserId = user.Id, Name = user.UserName }, AuditActions.SignInLockout, AuditEntities.User, user.Id,
                    new { failedSignIns = failures - 1 }, new { failedSignIns = failures, lockedUntil });
                await db.SaveChangesAsync(ct);
                return new(SignInOutcome.LockedOut, LockedUntil: lockedUntil);
            }
            audit.Add(origin with { UserId = user.Id, Name = user.UserName }, AuditActions.SignInFailed, AuditEntities.User, user.Id,
                new { failedSignIns = failures - 1 }, new { failedSignIns = failures });
            await db.SaveChangesAsync(ct);
            return new(SignInOutcome.Invalid);
        }

        if (!user.IsActive) return new(SignInOutcome.Inactive);

        user.FailedSignIns = 0;
        user.LockedUntil = null;
        // Hashes made with fewer iterations are replaced while the password is at hand. The password is the same, so
        // the security stamp stays and the user's other sessions go on.
        if (PasswordHasher.NeedsRehash(user.PasswordHash)) user.PasswordHash = PasswordHasher.Hash(password);
        audit.Add(origin with { UserId = user.Id, Name = user.UserName }, AuditActions.SignIn, AuditEntities.User, user.Id, null, null);
        await db.SaveChangesAsync(ct);
        return new(SignInOutcome.Succeeded, user);
    }
}
