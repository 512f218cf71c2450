namespace Duban.Web.Operations;

public enum ErrorKind
{
    /// <summary>A field is missing or wrong; <see cref="OperationError.Field"/> names it.</summary>
    Validation,
    /// <summary>Absent, or outside the user's data scope: the two are not told apart.</summary>
    NotFound,
    /// <summary>Clashes with what is stored, e.g. a user name already taken.</summary>
    Conflict,
    /// <summary>The caller's copy is stale: someone else changed the record since it was read.</summary>
    PreconditionFailed,
    /// <summary>An update came without the version it was based on (If-Match).</summary>
    PreconditionRequired,
    /// <summary>Allowed to see it, not to do this to it.</summary>
    Forbidden,
}

/// <summary>Why an operation did not happen, in Chinese for the person who asked, with the field at fault when there is one.</summary>
/// <param name="Field">The camel-case name of the field, as in the API's JSON.</param>
public sealed record OperationError(ErrorKind Kind, string Message, string? Field = null);

/// <summary>The result of a write shared by pages and API: either a value or an error that each turns into its own response.</summary>
public sealed record Outcome<T>
{
    private Outcome(T? value, OperationError? error) => (Value, Error) = (value, error);

    public T? Value { get; }

    public OperationError? Error { get; }

    public bool Succeeded => Error is null;

    public static Outcome<T> Ok(T value) => new(value, null);

    public static Outcome<T> Fail(OperationError error) => new(default, error);

    public static Outcome<T> Invalid(string field, string message) => new(default, new(ErrorKind.Validation, message, field));

    public static Outcome<T> NotFound(string message) => new(default, new(ErrorKind.NotFound, message));

    public static implicit operator Outcome<T>(OperationError error) => Fail(error);
}
