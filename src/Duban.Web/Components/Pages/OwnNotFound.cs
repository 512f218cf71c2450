using Duban.Web.Components.Pages.Comparison;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.WebUtilities;

namespace Duban.Web.Components.Pages;

/// <summary>
/// The pages whose 404 says what was not found. A page that sets 404 while rendering sends no body of its own: the
/// framework leaves the answer to the status page it is re-executed to (/status/404; an SSR page's raw 404 is bodyless,
/// RazorComponentEndpointInvoker), so the status page draws the message of the page that refused, found by the
/// original address (IStatusCodeReExecuteFeature).
/// </summary>
public static class OwnNotFound
{
    public sealed record Message(Type Component, IDictionary<string, object> Parameters);

    public static Message? For(HttpContext context)
    {
        if (context.Features.Get<IStatusCodeReExecuteFeature>() is not { } original) return null;
        var query = QueryHelpers.ParseQuery(original.OriginalQueryString);
        return original.OriginalPath switch
        {
            "/comparison" when query.TryGetValue("regionId", out var region) && long.TryParse(region.ToString(), out var id) =>
                new(typeof(RegionNotFound), new Dictionary<string, object> { [nameof(RegionNotFound.RegionId)] = id.ToString(System.Globalization.CultureInfo.InvariantCulture) }),
            _ => null,
        };
    }
}
