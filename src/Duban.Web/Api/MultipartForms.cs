using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Api;

/// <summary>
/// Reading a multipart upload the API's way: 415 when it is not a form, 413 when it is larger than the form limits,
/// 400 when it is a broken form (no boundary, a missing closing boundary, a part without its headers).
/// </summary>
public static class MultipartForms
{
    /// <summary>The form, or the problem that answers the request instead (naming the <c>file</c> field).</summary>
    public static async Task<(IFormCollection? Form, ProblemHttpResult? Problem)> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            return (null, ApiResults.Problem(StatusCodes.Status415UnsupportedMediaType, ApiResults.TitleFor(415), "请求体必须是 multipart/form-data，文件放在 file 字段。", "file"));
        try
        {
            return (await request.ReadFormAsync(ct), null);
        }
        // The form reader says "too large" and "malformed" with the same exception type; only a limit's message names
        // the limit, so anything else is a broken body (400), not an oversized one (413).
        catch (InvalidDataException e) when (e.Message.Contains("limit", StringComparison.OrdinalIgnoreCase))
        {
            return (null, TooLarge());
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return (null, TooLarge());
        }
        // A body that ends before its closing boundary ends the stream early (IOException); the server's own reading of
        // a broken body throws BadHttpRequestException.
        catch (Exception e) when (e is InvalidDataException or IOException or BadHttpRequestException)
        {
            return (null, ApiResults.Problem(StatusCodes.Status400BadRequest, ApiResults.TitleFor(400),
                "请求体不是完整的 multipart/form-data：请检查边界（boundary）、结尾的边界行和各部分的头（Content-Disposition）。", "file"));
        }
    }

    private static ProblemHttpResult TooLarge() =>
        ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, ApiResults.TitleFor(413), "请求内容超过了允许的大小。", "file");
}
