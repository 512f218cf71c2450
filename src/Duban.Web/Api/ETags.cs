using System.Globalization;
using Duban.Web.Display;
using Duban.Web.Operations;
using Microsoft.Net.Http.Headers;

namespace Duban.Web.Api;

/// <summary>
/// Optimistic concurrency over HTTP: a record's version travels as a strong ETag; an update must send it back in
/// If-Match and fails with 412 when the record changed meanwhile, or 428 when it sent none. "If-Match: *" asks for no
/// check, as RFC 9110 defines it.
/// </summary>
public static class ETags
{
    public static string Of(Guid version) => "\"" + version.ToString("N", CultureInfo.InvariantCulture) + "\"";

    /// <returns>The version the client expects, or null for "*".</returns>
    public static Outcome<Guid?> ExpectedVersion(string? ifMatch)
    {
        if (string.IsNullOrWhiteSpace(ifMatch))
            return new OperationError(ErrorKind.PreconditionRequired, "修改数据时必须在 If-Match 请求头中提供读取时得到的 ETag，以免覆盖他人的修改。", "If-Match");
        if (ifMatch.Trim() == "*") return Outcome<Guid?>.Ok(null);
        if (EntityTagHeaderValue.TryParse(ifMatch.Trim(), out var tag) && !tag.IsWeak
            && Guid.TryParseExact(tag.Tag.ToString().Trim('"'), "N", out var version))
            return Outcome<Guid?>.Ok(version);
        return new OperationError(ErrorKind.PreconditionFailed, ChineseText.StaleRecord + "（If-Match 不是本记录的 ETag）", "If-Match");
    }
}
