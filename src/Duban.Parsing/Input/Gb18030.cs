using System.Text;

namespace Duban.Parsing.Input;

/// <summary>
/// The GB18030 encoding (a superset of GBK and GB2312). Taken straight from the code-pages provider instead of
/// registering the provider globally, so that a library call never changes process-wide encoding lookup; static
/// initialisation makes the lookup happen once and thread-safely.
/// </summary>
internal static class Gb18030
{
    public const string Name = "gb18030";

    private const int CodePage = 54936;

    /// <summary>Throws <see cref="DecoderFallbackException"/> on any byte sequence that is not GB18030.</summary>
    public static Encoding Strict { get; } =
        CodePagesEncodingProvider.Instance.GetEncoding(CodePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback)
        ?? throw new InvalidOperationException("The code-pages provider has no GB18030.");

    /// <summary>Decodes <paramref name="bytes"/> as GB18030, or returns null when they are not valid GB18030.</summary>
    public static string? TryDecode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return Strict.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
    }
}
