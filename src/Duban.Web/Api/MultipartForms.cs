using Microsoft.AspNetCore.Http.HttpResults;

namespace Duban.Web.Api;

/// <summary>Reading a multipart upload the API's way: 415 when it is not a form, 413 when it is larger than the form limits.</summary>
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
        catch (InvalidDataException)
        {
            return (null, ApiResults.Problem(StatusCodes.Status413PayloadTooLarge, ApiResults.TitleFor(413), "请求内容超过了允许的大小。", "file"));
        }
    }
}
