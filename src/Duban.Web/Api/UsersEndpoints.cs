using Duban.Core.Security;
using Duban.Data.Audit;
using Duban.Web.Audit;
using Duban.Web.Operations;
using Duban.Web.Paging;
using Duban.Web.Security;
using Duban.Web.Users;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Duban.Web.Api;

/// <summary>The body of a password reset: the new password, or nothing to have one made.</summary>
public sealed record PasswordReset(string? Password = null);

/// <summary>The password now in force, returned this once.</summary>
public sealed record PasswordResetResult(string Password);

public static class UsersEndpoints
{
    public static void MapUsers(this RouteGroupBuilder api)
    {
        var users = api.MapGroup("/users").WithTags("用户").RequireAuthorization(DubanPolicies.Admin)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        users.MapGet("", ListAsync).WithName("ListUsers").WithSummary("用户列表")
            .WithDescription("分页列出当前管理员数据范围内的用户。q 按用户名或姓名筛选；role 为 admin、reporter 或 inspector；active 为 true 或 false；organizationId 单位。")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        users.MapGet("/{id:long}", GetAsync).WithName("GetUser").WithSummary("获取用户").WithDescription("响应头 ETag 为当前版本，修改时放入 If-Match。")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPost("", CreateAsync).WithName("CreateUser").WithSummary("创建用户")
            .WithDescription("未提供 password 时自动生成初始密码，并仅在本次响应中返回。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status409Conflict);
        users.MapPut("/{id:long}", UpdateAsync).WithName("UpdateUser").WithSummary("修改用户")
            .WithDescription("整体替换可修改的字段（姓名、角色、数据范围、单位、区域、是否启用）。必须提供 If-Match。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status412PreconditionFailed).ProducesProblem(StatusCodes.Status428PreconditionRequired);
        users.MapPost("/{id:long}/password", ResetPasswordAsync).WithName("ResetUserPassword").WithSummary("重置密码")
            .WithDescription("设置新密码，并结束该账户因密码错误而起的登录等待；未提供 password 时自动生成。该用户的所有登录会话随即失效。")
            .ProducesProblem(StatusCodes.Status400BadRequest).ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<Results<Ok<Paged<UserView>>, ProblemHttpResult>> ListAsync(
        [AsParameters] PageQuery paging, string? q, string? role, bool? active, long? organizationId, HttpContext context, UserAdministration users, CancellationToken ct)
    {
        var page = PageRequest.From(paging.Page, paging.PageSize);
        if (page.Error is { } error) return ApiResults.From(error);
        var filter = ParseFilter(q, role, active, organizationId);
        if (filter.Error is { } invalid) return ApiResults.From(invalid);
        var result = await users.ListAsync(DubanUser.Required(context.User), filter.Value!, page.Value!, ct);
        return TypedResults.Ok(result);
    }

    /// <summary>The user list's filters as a client wrote them (the list and its export); a wrong role names the field.</summary>
    public static Outcome<UserFilter> ParseFilter(string? q, string? role, bool? active, long? organizationId)
    {
        Role? roleFilter = null;
        if (!string.IsNullOrEmpty(role))
        {
            if (!Enum.TryParse<Role>(role, ignoreCase: true, out var parsed) || !Enum.IsDefined(parsed) || int.TryParse(role, out _))
                return Outcome<UserFilter>.Invalid("role", "role 必须是 admin、reporter 或 inspector。");
            roleFilter = parsed;
        }
        return Outcome<UserFilter>.Ok(new UserFilter(q, roleFilter, active) { OrganizationId = organizationId });
    }

    private static async Task<Results<OkWithETag<UserView>, ProblemHttpResult>> GetAsync(long id, HttpContext context, UserAdministration users, CancellationToken ct)
    {
        var user = await users.GetAsync(DubanUser.Required(context.User), id, ct);
        return user is null ? ApiResults.NotFound("未找到该用户。") : new OkWithETag<UserView>(user, user.Version);
    }

    private static async Task<Results<CreatedWithETag<CreatedUser>, ProblemHttpResult>> CreateAsync(
        NewUser input, HttpContext context, UserAdministration users, CancellationToken ct)
    {
        var outcome = await users.CreateAsync(DubanUser.Required(context.User), Actor.From(context), input, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        var created = outcome.Value!;
        return new CreatedWithETag<CreatedUser>(created, created.User.Version, $"{ApiEndpoints.Prefix}/users/{created.User.Id}");
    }

    private static async Task<Results<OkWithETag<UserView>, ProblemHttpResult>> UpdateAsync(
        long id, [FromHeader(Name = "If-Match")] string? ifMatch, UserChanges input, HttpContext context, UserAdministration users, CancellationToken ct)
    {
        var expected = ETags.ExpectedVersion(ifMatch);
        if (expected.Error is { } stale)
        {
            // A missing If-Match on a user who does not exist is a 404, not a 428: say first what the client can fix.
            if (await users.GetAsync(DubanUser.Required(context.User), id, ct) is null) return ApiResults.NotFound("未找到该用户。");
            return ApiResults.From(stale);
        }
        var outcome = await users.UpdateAsync(DubanUser.Required(context.User), Actor.From(context), id, expected.Value, input, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        return new OkWithETag<UserView>(outcome.Value!, outcome.Value!.Version);
    }

    private static async Task<Results<Ok<PasswordResetResult>, ProblemHttpResult>> ResetPasswordAsync(
        long id, PasswordReset? input, HttpContext context, UserAdministration users, CancellationToken ct)
    {
        var outcome = await users.ResetPasswordAsync(DubanUser.Required(context.User), Actor.From(context), id, input?.Password, ct);
        if (outcome.Error is { } error) return ApiResults.From(error);
        return TypedResults.Ok(new PasswordResetResult(outcome.Value!));
    }
}
