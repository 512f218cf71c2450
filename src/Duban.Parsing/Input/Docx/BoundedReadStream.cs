namespace Duban.Parsing.Input.Docx;

/// <summary>
/// Reads a decompressing stream but refuses to deliver more than a set number of bytes: the sizes a ZIP declares can
/// lie, and only counting what actually comes out stops a zip bomb that understates them.
/// </summary>
internal sealed class BoundedReadStream(Stream inner, long maxBytes, Func<PlanInputException> onLimitExceeded) : Stream
{
    private long _delivered;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => _delivered;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        // Ask for at most one byte beyond the limit: enough to know it was exceeded, never much more.
        var allowed = (int)Math.Min(buffer.Length, maxBytes - _delivered + 1);
        var read = inner.Read(buffer[..allowed]);
        _delivered += read;
        if (_delivered > maxBytes) throw onLimitExceeded();
        return read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) inner.Dispose();
        base.Dispose(disposing);
    }
}
