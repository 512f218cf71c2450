using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using Duban.Parsing.Input;
using Duban.Parsing.Input.Docx;

namespace Duban.Parsing.Tests.Input;

public class ZipBombTests
{
    private const string DocumentStart =
        """<w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>""";

    private const string DocumentEnd = "</w:t></w:r></w:p></w:body></w:document>";

    [Fact]
    public void Document_xml_of_300_megabytes_of_spaces_is_refused_before_decompression()
    {
        var bomb = ZipWithSpaces("word/document.xml", 300L * 1024 * 1024);
        bomb.Length.ShouldBeLessThan(2 * 1024 * 1024);

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(bomb, "bomb.docx", InputLimits.Default));

        error.Code.ShouldBe(InputErrorCodes.DocxTooLarge);
        error.Code.ShouldBe("docx.tooLarge");
        error.Message.ShouldContain("word/document.xml 解压后有 314,572,800 字节");
    }

    [Fact]
    public void Part_compressed_beyond_the_ratio_limit_is_refused()
    {
        var bomb = ZipWithSpaces("word/document.xml", 4L * 1024 * 1024); // well under the size limit, ratio ~1000:1

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(bomb, "bomb.docx", InputLimits.Default));

        error.Code.ShouldBe("docx.tooLarge");
        error.Message.ShouldContain("压缩比");
    }

    [Fact]
    public void Highly_compressible_document_within_the_ratio_limit_is_read()
    {
        // Four million characters of text: more than the default text limit allows, which is not what this is about.
        var limits = InputLimits.Default with { MaxCompressionRatio = 5000, MaxDocxTextCharacters = 8_000_000 };

        var source = InputReader.Read(ZipWithSpaces("word/document.xml", 4L * 1024 * 1024), "ok.docx", limits);

        source.Text.ShouldStartWith("第一条");
        source.Text.Length.ShouldBeGreaterThan(4 * 1024 * 1024 - 200);
    }

    [Fact]
    public void Too_many_entries_are_refused()
    {
        var limits = InputLimits.Default with { MaxDocxEntries = 10 };
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < 11; i++) archive.CreateEntry($"word/media/{i}.png");
        }

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(stream.ToArray(), "many.docx", limits));

        error.Code.ShouldBe("docx.tooLarge");
        error.Message.ShouldContain("11");
    }

    [Fact]
    public void Understated_sizes_do_not_let_a_part_grow_past_its_declared_size()
    {
        // The archive claims document.xml is 1000 bytes; it inflates to 5 MB. The ZIP reader stops at the declared
        // size, so the XML is cut short and the package is corrupt rather than a 5 MB read.
        var bytes = ZipWithSpaces("word/document.xml", 5L * 1024 * 1024, CompressionLevel.Fastest);
        DeclareUncompressedSize(bytes, 1000);
        var limits = InputLimits.Default with { MaxCompressionRatio = 1e9 };

        var error = Should.Throw<PlanInputException>(() => InputReader.Read(bytes, "lying.docx", limits));

        error.Code.ShouldBe("docx.corrupt");
    }

    [Fact]
    public void Bounded_stream_stops_at_its_limit_whatever_the_source_declares()
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[5000]), 4096,
            () => new PlanInputException("docx.tooLarge", "过大"));
        var buffer = new byte[1024];

        var read = 0;
        var error = Should.Throw<PlanInputException>(() =>
        {
            int n;
            while ((n = stream.Read(buffer)) > 0) read += n;
        });

        error.Code.ShouldBe("docx.tooLarge");
        read.ShouldBe(4096);
    }

    [Fact]
    public void Bounded_stream_reads_everything_up_to_its_limit()
    {
        using var stream = new BoundedReadStream(new MemoryStream(new byte[4096]), 4096,
            () => new PlanInputException("docx.tooLarge", "过大"));

        stream.CopyTo(Stream.Null);

        stream.Position.ShouldBe(4096);
    }

    [Fact]
    public void Bounded_stream_limit_surfaces_through_the_xml_reader_unchanged()
    {
        var xml = Encoding.UTF8.GetBytes(DocumentStart + new string(' ', 10_000) + DocumentEnd);
        using var reader = WordXml.CreateReader(new BoundedReadStream(new MemoryStream(xml), 4096,
            () => new PlanInputException("docx.tooLarge", "过大")));

        var error = Should.Throw<PlanInputException>(() =>
        {
            while (reader.Read()) { }
        });

        error.Code.ShouldBe("docx.tooLarge");
    }

    /// <summary>A ZIP holding one document whose text is <paramref name="size"/> bytes, mostly spaces, written as it is compressed.</summary>
    private static byte[] ZipWithSpaces(string entryName, long size, CompressionLevel level = CompressionLevel.SmallestSize)
    {
        using var stream = new MemoryStream();
        using (var archive = new ZipArchive(stream, ZipArchiveMode.Create, leaveOpen: true))
        {
            using var entry = archive.CreateEntry(entryName, level).Open();
            var start = Encoding.UTF8.GetBytes(DocumentStart + "第一条");
            var end = Encoding.UTF8.GetBytes(DocumentEnd);
            entry.Write(start);

            var chunk = new byte[1024 * 1024];
            Array.Fill(chunk, (byte)' ');
            for (var remaining = size - start.Length - end.Length; remaining > 0; remaining -= chunk.Length)
                entry.Write(chunk, 0, (int)Math.Min(chunk.Length, remaining));
            entry.Write(end);
        }

        return stream.ToArray();
    }

    /// <summary>Overwrites the uncompressed size of the only entry, in its local header and in the central directory.</summary>
    private static void DeclareUncompressedSize(byte[] zip, uint size)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(22), size);
        var endOfCentralDirectory = zip.Length - 22;
        var centralDirectory = (int)BinaryPrimitives.ReadUInt32LittleEndian(zip.AsSpan(endOfCentralDirectory + 16));
        BinaryPrimitives.WriteUInt32LittleEndian(zip.AsSpan(centralDirectory + 24), size);
    }
}
