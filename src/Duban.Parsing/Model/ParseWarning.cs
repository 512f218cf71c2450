namespace Duban.Parsing.Model;

/// <summary>Something the parser could not read, or read with doubt. <see cref="Message"/> is for people (Chinese).</summary>
public sealed record ParseWarning(string Code, string Message, SourceSpan? Span = null);

/// <summary>The warning codes, stable across versions so that callers can filter on them.</summary>
public static class WarningCodes
{
    public const string UnreadableDeadline = "deadline.unreadable";
    public const string TaskWithoutUnits = "task.noUnits";
    public const string TruncatedTask = "task.truncated";
    public const string TableRowMalformed = "table.rowMalformed";
    public const string EmptyDocument = "input.empty";
    public const string NotText = "input.notText";
    public const string InvalidEncoding = "input.invalidEncoding";
    public const string InputTruncated = "input.truncated";
    public const string LinkedAttachments = "html.linkedAttachments";
    public const string NoTaskList = "document.noTaskList";
    public const string NoTitle = "document.noTitle";
    public const string UnitNotRecognised = "unit.unrecognised";
    public const string UnitsOutsideList = "task.outsideList";
}
