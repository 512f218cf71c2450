using System.IO.Compression;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Spreadsheet;
using Duban.Web.Ledger;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Duban.Web.Tests.Exports;

/// <summary>
/// The streamed writer (docs/spreadsheets.md, "Streaming") holds what the in-memory one held, cell for cell and style
/// for style, however many rows; writes to a stream that cannot seek; and a file that fails half-way is never a
/// complete-looking 200.
/// </summary>
public sealed class XlsxStreamingTests
{
    private static readonly XlsxColumn[] Columns =
    [
        new("序号", 6), new("任务", 60), new("完成时限", 16), new("更新时间", 20), new("达成度", 10), new("状态", 10),
        new("键", 8, Hidden: true), new("填报", 40, Editable: true, Validation: new XlsxValidation.TextLength(500, "不超过 500 字。")),
        new("数值", 10, Editable: true, Validation: new XlsxValidation.Number(0, 100, "0 到 100。")),
        new("是否", 8, Validation: new XlsxValidation.OneOf(["是", "否"], "请选择。")),
    ];

    /// <summary>Every kind of cell, on more rows than a batch or a drain: numbers, long text, dates, moments, percentages, fills, ratios, gaps.</summary>
    private static List<IReadOnlyList<XlsxValue>> Rows(int count) =>
    [
        .. Enumerable.Range(1, count).Select(i => (IReadOnlyList<XlsxValue>)
        [
            i, $"第{i}项任务：推进产教融合\n第二行 <&> \"引号\"", i % 5 == 0 ? XlsxValue.Empty : new DateOnly(2021, 7, 1 + i % 31),
            new DateTimeOffset(2026, 12, 1, i % 24, 30, 0, TimeSpan.Zero), XlsxValue.Rate(i % 7 == 0 ? null : i / 1000m),
            new XlsxValue(i % 3 == 0 ? "已达成" : null, Fill: (XlsxFill)(i % 5)), $"k{i}", i % 2 == 0 ? "" : "已按期完成", i % 11 == 0 ? XlsxValue.Empty : i * 0.25m,
            LedgerExport.RatioText(4 + i % 3 / 10m),
        ]),
    ];

    private static XlsxSheet[] Sheets(int rows) =>
    [
        new("任务台账", Columns, Rows(rows)),
        new("空表", [new("甲", 10)], []),
        new("保护", Columns, Rows(3), Protected: true),
    ];

    [Theory]
    [InlineData(0)]
    [InlineData(5)]
    [InlineData(3000)]
    public async Task A_streamed_workbook_holds_what_the_in_memory_one_held_part_for_part(int rows)
    {
        var sheets = Sheets(rows);
        using var output = new ForwardOnlyStream();
        await XlsxWorkbook.WriteAsync(output, [.. sheets.Select(s => s.AsStream())], CancellationToken.None);

        using var streamed = SpreadsheetDocument.Open(new MemoryStream(output.ToArray()), false);
        using var reference = SpreadsheetDocument.Open(new MemoryStream(DomXlsxWorkbook.Write(sheets)), false);
        Names(streamed).ShouldBe(sheets.Select(s => s.Name));
        Names(streamed).ShouldBe(Names(reference));
        streamed.WorkbookPart!.WorkbookStylesPart!.Stylesheet.OuterXml.ShouldBe(reference.WorkbookPart!.WorkbookStylesPart!.Stylesheet.OuterXml);
        for (var i = 0; i < sheets.Length; i++)
            Worksheet(streamed, i).OuterXml.ShouldBe(Worksheet(reference, i).OuterXml, $"sheet {sheets[i].Name}");
        Worksheet(streamed, 0).GetFirstChild<SheetData>()!.Elements<Row>().Count().ShouldBe(rows + 1);
        // The package is one Excel and the SDK's validator accept: no schema error in any part.
        new DocumentFormat.OpenXml.Validation.OpenXmlValidator().Validate(streamed).ShouldBeEmpty();
    }

    [Fact]
    public void The_in_memory_write_of_small_workbooks_is_the_streamed_one()
    {
        var bytes = XlsxWorkbook.Write(Sheets(4));
        using var document = SpreadsheetDocument.Open(new MemoryStream(bytes), false);
        Names(document).ShouldBe(["任务台账", "空表", "保护"]);
        using var zip = new ZipArchive(new MemoryStream(bytes));
        zip.Entries.Select(e => e.FullName).ShouldBe(
            ["[Content_Types].xml", "_rels/.rels", "xl/_rels/workbook.xml.rels", "xl/workbook.xml", "xl/styles.xml",
             "xl/worksheets/sheet1.xml", "xl/worksheets/sheet2.xml", "xl/worksheets/sheet3.xml"]);
    }

    [Fact]
    public async Task A_failure_after_the_first_byte_aborts_the_response_instead_of_ending_the_file_early()
    {
        var (context, body, aborted) = Context();
        var download = new XlsxDownload("任务台账-20261207.xlsx", [new XlsxStreamSheet("任务台账", Columns, FailingAfter(5000))]);

        await download.ExecuteAsync(context);

        aborted().ShouldBeTrue("the connection is aborted");
        body.Length.ShouldBeGreaterThan(0, "the failure came after bytes were sent");
        context.Response.StatusCode.ShouldBe(StatusCodes.Status200OK);
        context.Response.Headers.ContentDisposition.ToString().ShouldContain("filename*=UTF-8''");
        // What did arrive is no workbook: the zip's directory, written last, is missing.
        Should.Throw<Exception>(() => SpreadsheetDocument.Open(new MemoryStream(body.ToArray()), false).Dispose());
    }

    [Fact]
    public async Task A_failure_before_the_first_byte_reaches_the_error_handler()
    {
        var (context, body, aborted) = Context();
        var download = new XlsxDownload("任务台账.xlsx", [new XlsxStreamSheet("任务台账", Columns, FailingAfter(0))]);

        await Should.ThrowAsync<InvalidOperationException>(() => download.ExecuteAsync(context));

        aborted().ShouldBeFalse();
        body.Length.ShouldBe(0);
    }

    [Fact]
    public void More_rows_than_a_sheet_holds_are_refused_with_a_422_in_chinese()
    {
        XlsxDownload.TooManyRows(XlsxWorkbook.MaxDataRows).ShouldBeNull();
        var refused = XlsxDownload.TooManyRows(XlsxWorkbook.MaxDataRows + 1).ShouldBeOfType<Microsoft.AspNetCore.Http.HttpResults.ProblemHttpResult>();
        refused.StatusCode.ShouldBe(StatusCodes.Status422UnprocessableEntity);
        refused.ProblemDetails.Detail!.ShouldContain("1,048,575 行");
        refused.ProblemDetails.Detail!.ShouldContain("缩小筛选范围");
    }

    private static IEnumerable<string> Names(SpreadsheetDocument document) =>
        document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().Select(s => s.Name!.Value!).ToList();

    private static Worksheet Worksheet(SpreadsheetDocument document, int index)
    {
        var sheet = document.WorkbookPart!.Workbook.Sheets!.Elements<Sheet>().ElementAt(index);
        return ((WorksheetPart)document.WorkbookPart.GetPartById(sheet.Id!)).Worksheet;
    }

    private static async IAsyncEnumerable<IReadOnlyList<XlsxValue>> FailingAfter(int rows)
    {
        foreach (var row in Rows(rows))
        {
            await Task.Yield();
            yield return row;
        }
        throw new InvalidOperationException("数据库连接中断");
    }

    /// <summary>A request whose response counts as started once a byte is written, and which records an abort.</summary>
    private static (HttpContext Context, MemoryStream Body, Func<bool> Aborted) Context()
    {
        var body = new MemoryStream();
        var lifetime = new Lifetime();
        var context = new DefaultHttpContext();
        context.Features.Set<IHttpResponseBodyFeature>(new StreamResponseBodyFeature(body));
        context.Features.Set<IHttpResponseFeature>(new StartedOnWrite(body));
        context.Features.Set<IHttpRequestLifetimeFeature>(lifetime);
        context.RequestServices = new ServiceCollection().AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>)).BuildServiceProvider();
        return (context, body, () => lifetime.Aborted);
    }

    private sealed class StartedOnWrite(MemoryStream body) : HttpResponseFeature
    {
        public override bool HasStarted => body.Length > 0;
    }

    private sealed class Lifetime : IHttpRequestLifetimeFeature
    {
        public bool Aborted { get; private set; }
        public CancellationToken RequestAborted { get; set; }
        public void Abort() => Aborted = true;
    }

    /// <summary>Takes writes only, as a response body does: no seeking, no length, no position.</summary>
    private sealed class ForwardOnlyStream : Stream
    {
        private readonly MemoryStream inner = new();
        public byte[] ToArray() => inner.ToArray();
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override void Flush() { }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        // Synchronous writes are refused, as Kestrel refuses them: every byte must go through WriteAsync.
        public override void Write(byte[] buffer, int offset, int count) => throw new InvalidOperationException("Synchronous operations are disallowed.");
        public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken ct) { inner.Write(buffer, offset, count); return Task.CompletedTask; }
        public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken ct = default) { inner.Write(buffer.Span); return ValueTask.CompletedTask; }
    }
}
