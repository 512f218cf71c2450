using System.Text.Json.Serialization;
using Duban.Parsing.Model;

namespace Duban.Parsing.Serialization;

/// <summary>
/// Compile-time JSON metadata for <see cref="PlanDocument"/>, for <see cref="PlanJson"/>'s string form and for reading
/// (the web import, plan diffs): without it the serializer builds its metadata by reflection and emits accessors on first
/// use. Naming, enum and encoder settings still come from <see cref="PlanJson"/>'s options. The stream form, which
/// <c>duban parse</c> writes, is written by hand (<see cref="PlanJsonWriter"/>).
/// </summary>
[JsonSerializable(typeof(PlanDocument))]
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
