using Duban.Data.Tracking;
using Duban.Web.Api;
using Duban.Web.Operations;
using Duban.Web.Tracking;

namespace Duban.Web.Tests.Tracking;

/// <summary>A page that refuses a form post answers with the status the API's problem has for the same error.</summary>
public sealed class ErrorStatusTests
{
    [Theory]
    [InlineData(TrackingErrorKind.Validation, 400)]
    [InlineData(TrackingErrorKind.NotFound, 404)]
    [InlineData(TrackingErrorKind.Conflict, 409)]
    [InlineData(TrackingErrorKind.Stale, 412)]
    [InlineData(TrackingErrorKind.Forbidden, 403)]
    public void A_tracking_error_has_one_status_on_pages_and_in_the_api(TrackingErrorKind kind, int status)
    {
        var error = new TrackingError(kind, "说明", "field");

        ErrorStatus.Of(error).ShouldBe(status);
        TrackingApi.Problem(error).StatusCode.ShouldBe(status);
    }

    [Fact]
    public void An_operation_error_has_the_status_of_its_api_problem()
    {
        foreach (var kind in Enum.GetValues<ErrorKind>())
            ErrorStatus.Of(new OperationError(kind, "说明")).ShouldBe(ApiResults.From(new OperationError(kind, "说明")).StatusCode, kind.ToString());
    }
}
