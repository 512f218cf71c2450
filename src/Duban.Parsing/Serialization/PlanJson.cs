using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;
using Duban.Parsing.Model;

namespace Duban.Parsing.Serialization;

/// <summary>The JSON form of a <see cref="PlanDocument"/> (docs/plan-json.md): camelCase, enums as camelCase strings, dates as YYYY-MM-DD.</summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions CompactOptions { get; } = Create(indented: false);

    public static string Serialize(PlanDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, TypeInfo(indented ? Options : CompactOptions));

    /// <summary>
    /// Writes the same JSON as UTF-8 to <paramref name="utf8"/>, as it goes (a hand-written writer, for speed:
    /// <see cref="PlanJsonWriter"/>).
    /// </summary>
    public static void Serialize(Stream utf8, PlanDocument document, bool indented = true) =>
        PlanJsonWriter.Write(utf8, document, indented ? Options : CompactOptions);

    public static PlanDocument Deserialize(string json) =>
        JsonSerializer.Deserialize(json, TypeInfo(Options)) ?? throw new JsonException("计划 JSON 为空。");

    /// <summary>
    /// The document's metadata from the options' source-generated resolver: serializing through it needs neither
    /// reflection nor generated code at run time, so the string form works in the Native AOT build of duban too.
    /// </summary>
    private static JsonTypeInfo<PlanDocument> TypeInfo(JsonSerializerOptions options) =>
        (JsonTypeInfo<PlanDocument>)options.GetTypeInfo(typeof(PlanDocument));

    /// <summary>
    /// Every enum of the model, written as a camelCase string. One generic converter each rather than the non-generic
    /// <see cref="JsonStringEnumConverter"/>, which makes its converters with <c>MakeGenericType</c> at run time (not
    /// possible under Native AOT). PlanJsonEnumTests checks that every enum reachable from <see cref="PlanDocument"/>
    /// is listed here.
    /// </summary>
    internal static IReadOnlyList<JsonConverter> EnumConverters() =>
    [
        new JsonStringEnumConverter<TaskListLocation>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<TaskListLayout>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<GoverningBodyKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<MemberRole>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Comparator>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<SectionKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<MarkerStyle>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<UnitRole>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<CollectiveKind>(JsonNamingPolicy.CamelCase),
        new JsonStringEnumConverter<Recurrence>(JsonNamingPolicy.CamelCase),
    ];

    private static JsonSerializerOptions Create(bool indented)
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = indented,
            // Chinese text stays readable; the output is a data file, not HTML.
            Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
            TypeInfoResolver = PlanJsonContext.Default,
        };
        foreach (var converter in EnumConverters()) options.Converters.Add(converter);
        options.MakeReadOnly();
        return options;
    }
}
