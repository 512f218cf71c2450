using System.Diagnostics;
using System.Globalization;
using System.IO.Compression;
using System.Text;
using Duban.Parsing;
using Duban.Parsing.Input;

namespace Duban.Benchmarks;

/// <summary>
/// How much memory reading a large .docx takes (docs/benchmarks.md, "A large .docx"): <c>generate</c> writes a .docx
/// whose word/document.xml is the seed plans over and over in Word's usual run markup, to a given size; <c>measure</c>
/// parses a file in a process of its own and prints the working set before, the peak, and what was allocated. A one-off
/// measurement, not a BenchmarkDotNet job: the peak of one process is the figure that matters for the server.
/// </summary>
public static class DocxMemoryCommand
{
    private const string WordNamespace = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";

    // What Word writes around a run of 仿宋 text: most of a real document.xml is this, not the text.
    private const string RunStart =
        "<w:r><w:rPr><w:rFonts w:ascii=\"仿宋_GB2312\" w:eastAsia=\"仿宋_GB2312\" w:hAnsi=\"仿宋_GB2312\"/><w:sz w:val=\"32\"/><w:szCs w:val=\"32\"/></w:rPr><w:t xml:space=\"preserve\">";

    private const string ParagraphStart = "<w:p><w:pPr><w:spacing w:line=\"560\" w:lineRule=\"exact\"/><w:ind w:firstLineChars=\"200\" w:firstLine=\"640\"/></w:pPr>";

    public static int Run(string[] args)
    {
        switch (args)
        {
            case ["generate", var path, ..]:
                Generate(path, Option(args, "--xml-mb", 88) * 1_000_000L, Option(args, "--media-mb", 8) * 1_000_000);
                return 0;
            case ["measure", var path]:
                Measure(path);
                return 0;
            default:
                Console.Error.WriteLine("usage: docx-memory generate FILE.docx [--xml-mb 88] [--media-mb 8] | docx-memory measure FILE.docx");
                return 2;
        }
    }

    private static int Option(string[] args, string name, int fallback) =>
        Array.IndexOf(args, name) is var i and >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1], CultureInfo.InvariantCulture) : fallback;

    private static void Generate(string path, long xmlBytes, int mediaBytes)
    {
        var lines = BenchmarkInputs.Names().Where(n => !n.StartsWith("all-", StringComparison.Ordinal))
            .SelectMany(n => Encoding.UTF8.GetString(BenchmarkInputs.Load(n)).Split('\n'))
            .Select(l => l.Trim()).Where(l => l.Length > 0).ToList();
        using (var file = File.Create(path))
        using (var zip = new ZipArchive(file, ZipArchiveMode.Create))
        {
            Write(zip, "[Content_Types].xml", """<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>""");
            Write(zip, "_rels/.rels", """<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>""");
            using var counting = new CountingStream(zip.CreateEntry("word/document.xml", CompressionLevel.Optimal).Open());
            using var writer = new StreamWriter(counting, new UTF8Encoding(false), 1 << 16);
            writer.Write($"<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?><w:document xmlns:w=\"{WordNamespace}\"><w:body>");
            long characters = 0;
            for (var i = 0; counting.Written < xmlBytes; i++)
            {
                var line = lines[i % lines.Count];
                writer.Write(ParagraphStart);
                // Word splits a paragraph into runs wherever spelling, revision or language marks fell: about a dozen characters each.
                for (var at = 0; at < line.Length; at += 12)
                {
                    writer.Write(RunStart);
                    writer.Write(System.Security.SecurityElement.Escape(line.Substring(at, Math.Min(12, line.Length - at))));
                    writer.Write("</w:t></w:r>");
                }
                writer.Write("</w:p>");
                characters += line.Length + 1;
                if (i % 1000 == 0) writer.Flush();
            }
            writer.Write("</w:body></w:document>");
            writer.Flush();
            Console.WriteLine($"document.xml: {counting.Written:N0} bytes, {characters:N0} characters of text");
        }
        // Pictures, as the reported 15 MB file had: bytes the extraction never reads, but which the upload carries.
        if (mediaBytes > 0)
        {
            using var zip = new ZipArchive(File.Open(path, FileMode.Open), ZipArchiveMode.Update);
            using var media = zip.CreateEntry("word/media/image1.jpeg", CompressionLevel.NoCompression).Open();
            var noise = new byte[mediaBytes];
            new Random(20261206).NextBytes(noise);
            media.Write(noise);
        }
        Console.WriteLine($"{path}: {new FileInfo(path).Length:N0} bytes");
    }

    private static void Measure(string path)
    {
        var bytes = File.ReadAllBytes(path);
        var parser = new PlanParser();
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        using var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var clock = Stopwatch.StartNew();
        string outcome;
        try
        {
            var document = parser.Parse(bytes, Path.GetFileName(path));
            outcome = $"parsed: {document.Text.Length:N0} characters, {document.TaskLists.Sum(l => l.Tasks.Count):N0} tasks";
        }
        catch (PlanInputException e)
        {
            outcome = $"refused: {e.Code} {e.Message}";
        }
        clock.Stop();
        process.Refresh();
        Console.WriteLine($"{Path.GetFileName(path)} ({bytes.Length:N0} bytes): {outcome}");
        Console.WriteLine($"time {clock.Elapsed.TotalSeconds:F2} s; working set before {before / 1048576.0:F0} MB, peak {process.PeakWorkingSet64 / 1048576.0:F0} MB; "
            + $"allocated {(GC.GetTotalAllocatedBytes(precise: true) - allocated) / 1048576.0:F0} MB");
    }

    private static void Write(ZipArchive zip, string name, string content)
    {
        using var writer = new StreamWriter(zip.CreateEntry(name).Open(), new UTF8Encoding(false));
        writer.Write(content);
    }

    /// <summary>Counts the bytes written through it, so that generation stops at the size asked for.</summary>
    private sealed class CountingStream(Stream inner) : Stream
    {
        public long Written { get; private set; }

        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => Written;
        public override long Position { get => Written; set => throw new NotSupportedException(); }

        public override void Write(byte[] buffer, int offset, int count)
        {
            inner.Write(buffer, offset, count);
            Written += count;
        }

        public override void Flush() => inner.Flush();
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            if (disposing) inner.Dispose();
            base.Dispose(disposing);
        }
    }
}
