using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Duban.Parsing.Serialization;
using Duban.Parsing.Tests.Samples;

namespace Duban.Parsing.Tests.Serialization;

/// <summary>
/// PlanJson serializes with compile-time metadata (PlanJsonContext) for speed; the JSON must stay exactly what the
/// reflection-based serializer writes for the same settings, so that no property, name or enum form drifts.
/// </summary>
public sealed class PlanJsonMetadataTests
{
    private static readonly JsonSerializerOptions Reflection = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        TypeInfoResolver = new DefaultJsonTypeInfoResolver(),
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public static TheoryData<string> Samples()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(SampleFiles.Directory, "*.txt").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileName(file));
        return data;
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json_from_compile_time_metadata_equals_reflection_json(string sample)
    {
        var document = SampleFiles.Parse(sample);

        var json = PlanJson.Serialize(document, indented: true);

        json.ShouldBe(JsonSerializer.Serialize(document, Reflection));
    }

    [Theory]
    [MemberData(nameof(Samples))]
    public void Json_written_to_a_stream_equals_the_string_form_and_reads_back(string sample)
    {
        var document = SampleFiles.Parse(sample);
        using var stream = new MemoryStream();

        PlanJson.Serialize(stream, document, indented: true);

        var written = System.Text.Encoding.UTF8.GetString(stream.ToArray());
        written.ShouldBe(PlanJson.Serialize(document, indented: true));
        PlanJson.Serialize(PlanJson.Deserialize(written), indented: true).ShouldBe(written);
    }

    /// <summary>The stream form is written by hand (PlanJsonWriter); compact as well as indented it is the serializer's JSON.</summary>
    [Theory]
    [MemberData(nameof(Samples))]
    public void Compact_json_written_to_a_stream_equals_the_string_form(string sample)
    {
        var document = SampleFiles.Parse(sample);
        using var stream = new MemoryStream();

        PlanJson.Serialize(stream, document, indented: false);

        System.Text.Encoding.UTF8.GetString(stream.ToArray()).ShouldBe(PlanJson.Serialize(document, indented: false));
    }
}
