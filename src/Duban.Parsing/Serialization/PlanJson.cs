using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Duban.Parsing.Model;

namespace Duban.Parsing.Serialization;

/// <summary>The JSON form of a <see cref="PlanDocument"/> (docs/plan-json.md): camelCase, enums as camelCase strings, dates as YYYY-MM-DD.</summary>
public static class PlanJson
{
    public static JsonSerializerOptions Options { get; } = Create(indented: true);

    public static JsonSerializerOptions CompactOptions { get; } = Create(indented: false);

    public static string Serialize(PlanDocument document, bool indented = true) =>
        JsonSerializer.Serialize(document, indented ? Options : CompactOptions);

    /// <summary>
    /// Writes the same JSON as UTF-8 to <paramref name="utf8"/>, as it goes (a hand-written writer, for speed:
    /// <see cref="PlanJsonWriter"/>).
    /// </summary>
    public static void Serialize(Stream utf8, PlanDocument document, bool indented = true) =>
        PlanJsonWriter.Write(utf8, document, indented ? Options : CompactOptions);

    public static PlanDocument Deserialize(string json) =>
        JsonSerializer.Deserialize<PlanDocument>(json, Options) ?? throw new JsonException("计划 JSON 为空。");

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
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
