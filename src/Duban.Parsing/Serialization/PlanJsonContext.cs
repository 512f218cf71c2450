using System.Text.Json.Serialization;
using Duban.Parsing.Model;

namespace Duban.Parsing.Serialization;

/// <summary>
/// Compile-time JSON metadata for <see cref="PlanDocument"/>: without it the serializer builds its metadata by
/// reflection and emits accessors on first use, which a one-shot <c>duban parse</c> pays for on every run (and which
/// ReadyToRun cannot precompile). Naming, enum and encoder settings still come from <see cref="PlanJson"/>'s options.
/// </summary>
[JsonSerializable(typeof(PlanDocument))]
[JsonSourceGenerationOptions(GenerationMode = JsonSourceGenerationMode.Metadata)]
internal sealed partial class PlanJsonContext : JsonSerializerContext;
