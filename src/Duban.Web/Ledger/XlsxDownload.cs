using Duban.Web.Api;
using Microsoft.Net.Http.Headers;

namespace Duban.Web.Ledger;

/// <summary>
/// An .xlsx written straight into the response as its rows are read (docs/spreadsheets.md, "Streaming"). Whatever can
/// be refused is refused before: the endpoint has checked the filter and the scope and counted the rows
/// (<see cref="TooManyRows"/>). Once the first byte is sent the status is 200 and cannot change; a failure after that
/// aborts the connection, so that the client sees a broken transfer (and an incomplete zip) instead of a file that
/// silently ends early.
/// </summary>
public sealed class XlsxDownload(string fileName, IReadOnlyList<XlsxStreamSheet> sheets) : IResult
{
    public string FileName => fileName;

    public async Task ExecuteAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = XlsxWorkbook.ContentType;
        var disposition = new ContentDispositionHeaderValue("attachment");
        disposition.SetHttpFileName(fileName);
        response.Headers.ContentDisposition = disposition.ToString();
        // The length is unknown until the end: sent in chunks, whose missing last chunk tells a client the file is cut short.
        try
        {
            await XlsxWorkbook.WriteAsync(response.Body, sheets, context.RequestAborted);
        }
        catch (Exception e) when (response.HasStarted)
        {
            if (!context.RequestAborted.IsCancellationRequested)
                context.RequestServices.GetRequiredService<ILogger<XlsxDownload>>().LogError(e, "导出 {File} 在写出过程中失败，连接已中断。", fileName);
            context.Abort();
        }
    }

    /// <summary>
    /// The 422 of a list longer than an Excel sheet holds (<see cref="XlsxWorkbook.MaxDataRows"/>), or null. Read
    /// <paramref name="counted"/> as <c>query.Take(MaxDataRows + 1).CountAsync()</c>, so that the count itself stays bounded.
    /// </summary>
    public static IResult? TooManyRows(int counted) => counted <= XlsxWorkbook.MaxDataRows ? null
        : ApiResults.Problem(StatusCodes.Status422UnprocessableEntity, "导出行数超过上限",
            $"要导出的行数超过 Excel 单个工作表的上限 {XlsxWorkbook.MaxDataRows:N0} 行，请缩小筛选范围（例如按计划、地区或单位筛选）后分批导出。");
}
