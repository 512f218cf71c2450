using Duban.Data.Tracking;
using Duban.Web.Operations;

namespace Duban.Web.Tracking;

/// <summary>
/// The HTTP status of a refused write, one mapping for the API's problems (<see cref="TrackingApi.Problem"/>) and the
/// pages that answer a form post with the same status (assessments, cascade, governance, task editing).
/// </summary>
public static class ErrorStatus
{
    public static ErrorKind KindOf(TrackingError error) => error.Kind switch
    {
        TrackingErrorKind.Validation => ErrorKind.Validation,
        TrackingErrorKind.NotFound => ErrorKind.NotFound,
        TrackingErrorKind.Conflict => ErrorKind.Conflict,
        TrackingErrorKind.Stale => ErrorKind.PreconditionFailed,
        _ => ErrorKind.Forbidden,
    };

    public static int Of(ErrorKind kind) => kind switch
    {
        ErrorKind.Validation => StatusCodes.Status400BadRequest,
        ErrorKind.NotFound => StatusCodes.Status404NotFound,
        ErrorKind.Forbidden => StatusCodes.Status403Forbidden,
        ErrorKind.PreconditionFailed => StatusCodes.Status412PreconditionFailed,
        ErrorKind.PreconditionRequired => StatusCodes.Status428PreconditionRequired,
        _ => StatusCodes.Status409Conflict,
    };

    public static int Of(TrackingError error) => Of(KindOf(error));

    public static int Of(OperationError error) => Of(error.Kind);
}
