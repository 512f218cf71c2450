using System.Text.Json;
using System.Text.Json.Serialization;

namespace Duban.Parsing.Serialization;

/// <summary>
/// Writes a long string (the whole document text, megabytes for a large plan) in segments of a few thousand
/// characters. Written in one piece, the serializer rents buffers of six times the string's length to escape it
/// (tens of megabytes for a 3 MB plan), which go to the large object heap and cost a full garbage collection of the
/// parsed document (docs/benchmarks.md, "duban parse end to end"). The JSON is the same character for character:
/// the writer escapes each segment with the same encoder, and no segment ends inside a surrogate pair.
/// </summary>
public sealed class SegmentedStringConverter : JsonConverter<string>
{
    private const int SegmentLength = 8192;

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        reader.GetString();

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) =>
        WriteSegments(writer, value, afterSegment: null);

    /// <summary>
    /// Writes <paramref name="value"/> as one JSON string in segments; <paramref name="afterSegment"/> runs after each
    /// segment but the last, so that a writer over a stream can hand its output on (<see cref="PlanJsonWriter"/>).
    /// </summary>
    internal static void WriteSegments(Utf8JsonWriter writer, string value, Action? afterSegment)
    {
        if (value.Length <= SegmentLength)
        {
            writer.WriteStringValue(value);
            return;
        }
        var rest = value.AsSpan();
        while (rest.Length > SegmentLength)
        {
            var length = char.IsHighSurrogate(rest[SegmentLength - 1]) ? SegmentLength - 1 : SegmentLength;
            writer.WriteStringValueSegment(rest[..length], isFinalSegment: false);
            rest = rest[length..];
            afterSegment?.Invoke();
        }
        writer.WriteStringValueSegment(rest, isFinalSegment: true);
    }
}
