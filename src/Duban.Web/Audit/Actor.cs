using Duban.Data.Audit;
using Duban.Web.Security;

namespace Duban.Web.Audit;

/// <summary>The audit actor of a web request: the signed-in user, or "anonymous", and the client's address.</summary>
public static class ActorOfRequest
{
    extension(Actor)
    {
        public static Actor From(HttpContext context)
        {
            var user = DubanUser.From(context.User);
            var address = context.Connection.RemoteIpAddress?.ToString();
            return user is null ? new(null, "anonymous", address) : new(user.Id, user.UserName, address);
        }
    }
}
