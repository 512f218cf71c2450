using Duban.Web.Operations;

namespace Duban.Web.TaskEditing;

/// <summary>What the pages' editing forms answer with when the editor refuses: the API's status, shown with the message.</summary>
public static class TaskEditForms
{
    public static int StatusOf(OperationError error) => error.Kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status409Conflict,
    };
}
