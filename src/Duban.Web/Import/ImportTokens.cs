using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;

namespace Duban.Web.Import;

/// <summary>
/// What an analysis was based on, signed with the data-protection keys (which are in the database) and handed to the
/// client: the file's SHA-256, the region asked for (by id, or by code for a division the database may lack) and the
/// plan version a revision was compared with. The client sends the file again with its decisions; the server keeps
/// nothing between the two requests.
/// </summary>
public sealed record ImportTicket(string Sha256, long? RegionId, long? RevisedVersionId, long? DuplicateVersionId, string? RegionCode = null);

public sealed class ImportTokens(IDataProtectionProvider protection, TimeProvider time)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(2);

    private ITimeLimitedDataProtector Protector => protection.CreateProtector("Duban.Import.v1").ToTimeLimitedDataProtector();

    public string Create(ImportTicket ticket) => Protector.Protect(JsonSerializer.Serialize(ticket), time.GetUtcNow() + Lifetime);

    /// <summary>The ticket, or null for a forged, damaged or expired token.</summary>
    public ImportTicket? Read(string? token)
    {
        if (string.IsNullOrEmpty(token)) return null;
        try
        {
            var json = Protector.Unprotect(token, out var expires);
            return expires > time.GetUtcNow() ? JsonSerializer.Deserialize<ImportTicket>(json) : null;
        }
        catch (Exception e) when (e is System.Security.Cryptography.CryptographicException or FormatException or JsonException)
        {
            return null;
        }
    }
}
