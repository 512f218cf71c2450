using Duban.Core.Security;

namespace Duban.Data.Tracking;

/// <summary>Who writes a report or a value: the signed-in user, as the tracking services need to know them.</summary>
/// <param name="OrganizationId">The organisation a reporter reports for.</param>
public sealed record TrackingActor(long UserId, string UserName, Role Role, long? OrganizationId, string? RemoteAddress = null)
{
    /// <summary>A reporter of the organisation: the only one who may write its reports and values (an administrator may not write on its behalf).</summary>
    public bool ReportsFor(long organizationId) => Role == Role.Reporter && OrganizationId == organizationId;
}

public enum TrackingErrorKind
{
    /// <summary>A field is missing or wrong; the error names it.</summary>
    Validation,
    /// <summary>Absent, or not the caller's to write: the two are not told apart.</summary>
    NotFound,
    /// <summary>Not allowed in the record's present state (submitted, approved, already exists, window closed).</summary>
    Conflict,
    /// <summary>The caller's copy is stale: someone saved since it was read.</summary>
    Stale,
    /// <summary>The caller's role may not do this.</summary>
    Forbidden,
}

/// <summary>Why a tracking write did not happen, in Chinese, with the camel-case name of the field at fault.</summary>
public sealed record TrackingError(TrackingErrorKind Kind, string Message, string? Field = null);

/// <summary>A tracking write's result: the value, or the error and nothing stored.</summary>
public sealed record TrackingOutcome<T>
{
    private TrackingOutcome(T? value, TrackingError? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public TrackingError? Error { get; }

    public static TrackingOutcome<T> Ok(T value) => new(value, null);

    public static implicit operator TrackingOutcome<T>(TrackingError error) => new(default, error);
}

internal static class TrackingErrors
{
    public const string Stale = "该记录已被他人修改，请刷新后重新提交。";

    public static TrackingError Invalid(string field, string message) => new(TrackingErrorKind.Validation, message, field);

    public static TrackingError NotFound(string message) => new(TrackingErrorKind.NotFound, message);

    public static TrackingError Conflict(string message, string? field = null) => new(TrackingErrorKind.Conflict, message, field);

    public static TrackingError StaleCopy() => new(TrackingErrorKind.Stale, Stale);
}
