using System.Globalization;
using System.Text.Json;
using Duban.Parsing.Model;

namespace Duban.Parsing.Serialization;

/// <summary>
/// Writes a <see cref="PlanDocument"/> to a stream with <see cref="Utf8JsonWriter"/> directly, byte for byte the JSON
/// that <see cref="JsonSerializer"/> writes with <see cref="PlanJson.Options"/> (PlanJsonMetadataTests compares the two on
/// every sample, JsonDigestTests the CLI's output on every sample and seed; docs/benchmarks.md, "duban parse end to end",
/// has the figures). A property added to the model must be added here too: those tests fail until it is.
/// Written by hand because the serializer cannot be made fast for a one-shot process: the source generator's
/// fast path is refused for options with a custom encoder or converters (both needed for readable Chinese and camelCase
/// enums), and the metadata path it falls back to runs generic converters over the model's value types (spans, enums,
/// dates), which ReadyToRun cannot precompile and which run as unoptimised code for the whole of a short run. It also
/// buffers all of <see cref="PlanDocument.Text"/> (megabytes) before writing, where this writer flushes as it goes.
/// Property order and names follow the model's declaration order, as the serializer's do.
/// </summary>
internal sealed class PlanJsonWriter
{
    /// <summary>Pending output is handed to the stream once it passes this size.</summary>
    private const int FlushThreshold = 1 << 16;

    private readonly Utf8JsonWriter writer;

    private PlanJsonWriter(Utf8JsonWriter writer) => this.writer = writer;

    public static void Write(Stream utf8, PlanDocument document, JsonSerializerOptions options)
    {
        using var writer = new Utf8JsonWriter(utf8, new JsonWriterOptions
        {
            Encoder = options.Encoder,
            Indented = options.WriteIndented,
            IndentCharacter = options.IndentCharacter,
            IndentSize = options.IndentSize,
            NewLine = options.NewLine,
            SkipValidation = true,
        });
        new PlanJsonWriter(writer).Document(document);
        writer.Flush();
    }

    private void FlushIfFull()
    {
        if (writer.BytesPending >= FlushThreshold) writer.Flush();
    }

    private void Document(PlanDocument d)
    {
        writer.WriteStartObject();
        writer.WriteNumber("schemaVersion", d.SchemaVersion);
        writer.WritePropertyName("source");
        Source(d.Source);
        writer.WriteString("title", d.Title);
        Span("titleSpan", d.TitleSpan);
        writer.WriteString("noticeTitle", d.NoticeTitle);
        Span("noticeTitleSpan", d.NoticeTitleSpan);
        writer.WriteString("issuer", d.Issuer);
        Span("issuerSpan", d.IssuerSpan);
        writer.WriteString("docNumber", d.DocNumber);
        writer.WritePropertyName("docNumberParts");
        if (d.DocNumberParts is { } parts)
        {
            writer.WriteStartObject();
            writer.WriteString("issuerCode", parts.IssuerCode);
            writer.WriteNumber("year", parts.Year);
            writer.WriteNumber("serial", parts.Serial);
            writer.WriteEndObject();
        }
        else writer.WriteNullValue();
        Span("docNumberSpan", d.DocNumberSpan);
        Date("issueDate", d.IssueDate);
        Span("issueDateSpan", d.IssueDateSpan);
        List("recipients", d.Recipients, r =>
        {
            writer.WriteString("name", r.Name);
            Span(SpanName, r.Span);
        });
        List("basis", d.Basis, b =>
        {
            writer.WriteString("title", b.Title);
            writer.WriteString("docNumber", b.DocNumber);
            Span(SpanName, b.Span);
        });
        writer.WritePropertyName("sections");
        Sections(d.Sections);
        List("taskLists", d.TaskLists, TaskList);
        List("targets", d.Targets, Target);
        List("bodies", d.Bodies, Body);
        List("otherLists", d.OtherLists, l =>
        {
            writer.WriteString("name", l.Name);
            Span(SpanName, l.Span);
            List("items", l.Items, i =>
            {
                writer.WriteString("no", i.No);
                writer.WriteString("text", i.Text);
                Span(SpanName, i.Span);
            });
        });
        List("warnings", d.Warnings, w =>
        {
            writer.WriteString("code", w.Code);
            writer.WriteString("message", w.Message);
            Span(SpanName, w.Span);
        });
        writer.WritePropertyName("text");
        SegmentedStringConverter.WriteSegments(writer, d.Text, FlushIfFull);
        writer.WriteEndObject();
    }

    private void Source(SourceInfo s)
    {
        writer.WriteStartObject();
        writer.WriteString("format", s.Format);
        writer.WriteString("encoding", s.Encoding);
        writer.WriteNumber("length", s.Length);
        writer.WriteString("sha256", s.Sha256);
        writer.WriteString("fileName", s.FileName);
        writer.WritePropertyName("pageStarts");
        if (s.PageStarts is { } starts)
        {
            writer.WriteStartArray();
            foreach (var start in starts) writer.WriteNumberValue(start);
            writer.WriteEndArray();
        }
        else writer.WriteNullValue();
        writer.WritePropertyName("regions");
        if (s.Regions is { } regions)
        {
            writer.WriteStartArray();
            foreach (var r in regions)
            {
                writer.WriteStartObject();
                writer.WriteNumber("start", r.Start);
                writer.WriteNumber("end", r.End);
                writer.WriteNumber("page", r.Page);
                writer.WriteNumber("left", r.Left);
                writer.WriteNumber("bottom", r.Bottom);
                writer.WriteNumber("right", r.Right);
                writer.WriteNumber("top", r.Top);
                writer.WriteEndObject();
                FlushIfFull();
            }
            writer.WriteEndArray();
        }
        else writer.WriteNullValue();
        writer.WriteEndObject();
    }

    private void Sections(IReadOnlyList<Section> sections)
    {
        writer.WriteStartArray();
        foreach (var s in sections)
        {
            writer.WriteStartObject();
            writer.WriteString("kind", SectionKinds[(int)s.Kind]);
            writer.WriteNumber("level", s.Level);
            writer.WriteString("marker", s.Marker);
            writer.WriteString("style", MarkerStyles[(int)s.Style]);
            writer.WriteNumber("number", s.Number);
            writer.WriteString("title", s.Title);
            Span(SpanName, s.Span);
            writer.WritePropertyName("children");
            Sections(s.Children);
            writer.WriteEndObject();
            FlushIfFull();
        }
        writer.WriteEndArray();
    }

    private void TaskList(TaskList l)
    {
        writer.WriteString("name", l.Name);
        writer.WriteString("location", Locations[(int)l.Location]);
        writer.WriteString("layout", Layouts[(int)l.Layout]);
        Span(SpanName, l.Span);
        List("tasks", l.Tasks, Task);
    }

    private void Task(PlanTask t)
    {
        writer.WriteString("no", t.No);
        writer.WritePropertyName("sectionPath");
        writer.WriteStartArray();
        foreach (var heading in t.SectionPath) writer.WriteStringValue(heading);
        writer.WriteEndArray();
        writer.WriteString("text", t.Text);
        List("units", t.Units, u =>
        {
            writer.WriteString("name", u.Name);
            writer.WriteString("canonical", u.Canonical);
            writer.WriteString("role", UnitRoles[(int)u.Role]);
            writer.WriteBoolean("primary", u.Primary);
            writer.WriteBoolean("collective", u.Collective);
            writer.WritePropertyName("collectiveKind");
            if (u.CollectiveKind is { } kind) writer.WriteStringValue(CollectiveKinds[(int)kind]);
            else writer.WriteNullValue();
            Span(SpanName, u.Span);
        });
        writer.WritePropertyName("deadline");
        if (t.Deadline is { } d)
        {
            writer.WriteStartObject();
            writer.WriteString("raw", d.Raw);
            Date("due", d.Due);
            Date("start", d.Start);
            writer.WriteBoolean("ongoing", d.Ongoing);
            writer.WritePropertyName("recurrence");
            if (d.Recurrence is { } recurrence) writer.WriteStringValue(Recurrences[(int)recurrence]);
            else writer.WriteNullValue();
            writer.WriteBoolean("understood", d.Understood);
            Span(SpanName, d.Span);
            writer.WriteEndObject();
        }
        else writer.WriteNullValue();
        List("targets", t.Targets, Target);
        Span(SpanName, t.Span);
    }

    private void Target(Target t)
    {
        writer.WriteString("subject", t.Subject);
        writer.WriteString("comparator", Comparators[(int)t.Comparator]);
        writer.WriteNumber("value", t.Value);
        writer.WritePropertyName("valueMax");
        if (t.ValueMax is { } max) writer.WriteNumberValue(max);
        else writer.WriteNullValue();
        writer.WriteString("unit", t.Unit);
        writer.WritePropertyName("ratio");
        if (t.Ratio is { } ratio)
        {
            writer.WriteStartArray();
            foreach (var term in ratio) writer.WriteNumberValue(term);
            writer.WriteEndArray();
        }
        else writer.WriteNullValue();
        writer.WritePropertyName("year");
        if (t.Year is { } year) writer.WriteNumberValue(year);
        else writer.WriteNullValue();
        writer.WriteBoolean("perYear", t.PerYear);
        writer.WriteString("scope", t.Scope);
        writer.WriteString("raw", t.Raw);
        Span(SpanName, t.Span);
    }

    private void Body(GoverningBody b)
    {
        writer.WriteString("kind", BodyKinds[(int)b.Kind]);
        writer.WriteString("name", b.Name);
        List("members", b.Members, m =>
        {
            writer.WriteString("person", m.Person);
            writer.WriteString("role", MemberRoles[(int)m.Role]);
            writer.WriteString("roleText", m.RoleText);
            writer.WriteString("title", m.Title);
            writer.WriteString("unit", m.Unit);
            Span(SpanName, m.Span);
        });
        writer.WriteString("office", b.Office);
        writer.WritePropertyName("cadence");
        if (b.Cadence is { } c)
        {
            writer.WriteStartObject();
            writer.WriteNumber("timesPerYear", c.TimesPerYear);
            writer.WriteBoolean("atLeast", c.AtLeast);
            writer.WriteString("raw", c.Raw);
            Span(SpanName, c.Span);
            writer.WriteEndObject();
        }
        else writer.WriteNullValue();
        Span(SpanName, b.Span);
    }

    /// <summary>An array of objects, each written by <paramref name="properties"/> between its braces.</summary>
    private void List<T>(string name, IReadOnlyList<T> items, Action<T> properties)
    {
        writer.WritePropertyName(name);
        writer.WriteStartArray();
        foreach (var item in items)
        {
            writer.WriteStartObject();
            properties(item);
            writer.WriteEndObject();
            FlushIfFull();
        }
        writer.WriteEndArray();
    }

    // A span is the most frequent object in the JSON: its names are encoded once.
    private static readonly JsonEncodedText StartName = JsonEncodedText.Encode("start");
    private static readonly JsonEncodedText EndName = JsonEncodedText.Encode("end");
    private static readonly JsonEncodedText LengthName = JsonEncodedText.Encode("length");
    private static readonly JsonEncodedText SpanName = JsonEncodedText.Encode("span");

    private void Span(string name, SourceSpan? span) => Span(JsonEncodedText.Encode(name), span);

    private void Span(JsonEncodedText name, SourceSpan? span)
    {
        writer.WritePropertyName(name);
        if (span is not { } s)
        {
            writer.WriteNullValue();
            return;
        }
        writer.WriteStartObject();
        writer.WriteNumber(StartName, s.Start);
        writer.WriteNumber(EndName, s.End);
        writer.WriteNumber(LengthName, s.Length);
        writer.WriteEndObject();
    }

    /// <summary>As the serializer writes a <see cref="DateOnly"/>: ISO 8601, YYYY-MM-DD.</summary>
    private void Date(string name, DateOnly? date)
    {
        if (date is { } value) writer.WriteString(name, value.ToString("O", CultureInfo.InvariantCulture));
        else writer.WriteNull(name);
    }

    // Enum names as JsonStringEnumConverter(JsonNamingPolicy.CamelCase) writes them, computed once per enum. The
    // model's enums number their members 0, 1, 2…, so a value indexes its array.
    private static readonly string[] SectionKinds = EnumNames<SectionKind>();
    private static readonly string[] MarkerStyles = EnumNames<MarkerStyle>();
    private static readonly string[] Locations = EnumNames<TaskListLocation>();
    private static readonly string[] Layouts = EnumNames<TaskListLayout>();
    private static readonly string[] UnitRoles = EnumNames<UnitRole>();
    private static readonly string[] CollectiveKinds = EnumNames<CollectiveKind>();
    private static readonly string[] Recurrences = EnumNames<Recurrence>();
    private static readonly string[] Comparators = EnumNames<Comparator>();
    private static readonly string[] BodyKinds = EnumNames<GoverningBodyKind>();
    private static readonly string[] MemberRoles = EnumNames<MemberRole>();

    private static string[] EnumNames<T>() where T : struct, Enum
    {
        var values = Enum.GetValues<T>();
        var names = new string[values.Length];
        foreach (var value in values)
            names[Convert.ToInt32(value, CultureInfo.InvariantCulture)] = JsonNamingPolicy.CamelCase.ConvertName(value.ToString());
        return names;
    }
}
