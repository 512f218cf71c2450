using System.Buffers;
using System.Text;

namespace Duban.Parsing.Input;

/// <summary>
/// How well some bytes read as UTF-8: valid multi-byte sequences against invalid ones. Clean UTF-8 with a few broken
/// bytes has many of the former and few of the latter; GBK text read as UTF-8 has the opposite (about one valid pair
/// by chance for every four invalid ones), which is what tells the two apart.
/// </summary>
/// <param name="MultiByteSequences">Valid sequences of two to four bytes.</param>
/// <param name="InvalidSequences">Maximal invalid subparts, each of which a decoder replaces with one U+FFFD.</param>
/// <param name="FirstInvalidOffset">Byte offset of the first invalid sequence, or -1.</param>
internal readonly record struct Utf8Statistics(int MultiByteSequences, int InvalidSequences, int FirstInvalidOffset)
{
    // Three valid sequences per invalid one is well above what GBK produces by chance (about 0.25).
    private const int ValidPerInvalidForBrokenUtf8 = 3;

    public bool IsValid => InvalidSequences == 0;

    /// <summary>Mostly valid UTF-8 in which a few sequences are broken (a truncated file, a stray byte).</summary>
    public bool LooksLikeBrokenUtf8 => MultiByteSequences >= (long)InvalidSequences * ValidPerInvalidForBrokenUtf8;

    public static Utf8Statistics Of(ReadOnlySpan<byte> bytes)
    {
        int multiByte = 0, invalid = 0, firstInvalid = -1, offset = 0;
        while (offset < bytes.Length)
        {
            // Skip ASCII runs in bulk: they are most of many files and cannot be invalid.
            var nonAscii = bytes[offset..].IndexOfAnyExceptInRange((byte)0, (byte)0x7F);
            if (nonAscii < 0) break;
            offset += nonAscii;

            var status = Rune.DecodeFromUtf8(bytes[offset..], out _, out var consumed);
            if (status == OperationStatus.Done)
            {
                multiByte++;
            }
            else
            {
                invalid++;
                if (firstInvalid < 0) firstInvalid = offset;
            }

            offset += consumed;
        }

        return new Utf8Statistics(multiByte, invalid, firstInvalid);
    }
}
