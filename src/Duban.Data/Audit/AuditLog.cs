using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using Duban.Core.Audit;

namespace Duban.Data.Audit;

/// <summary>
/// The one writer of the audit log, for the web, the import and the command line. It adds entries to the caller's
/// unit of work: the entry is saved by the same SaveChanges as the change it describes, so there is never a change
/// without its entry, nor an entry for a change that failed. It must therefore be given the context the change is
/// made in.
/// </summary>
public sealed class AuditLog(DubanDbContext db, TimeProvider time)
{
    /// <summary>Readable Chinese in the stored JSON: the log is read by people, in the database as well as on the page.</summary>
    public static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() },
    };

    public AuditEntry Add(Actor actor, string action, string entityType, long? entityId, object? before, object? after) =>
        Add(actor, action, entityType, entityId?.ToString(CultureInfo.InvariantCulture), before, after);

    public AuditEntry Add(Actor actor, string action, string entityType, string? entityId, object? before, object? after)
    {
        var entry = new AuditEntry
        {
            At = time.GetUtcNow(),
            UserId = actor.UserId,
            Actor = actor.Name,
            RemoteAddress = actor.RemoteAddress,
            Action = action,
            EntityType = entityType,
            EntityId = entityId,
            Before = before is null ? null : JsonSerializer.Serialize(before, Json),
            After = after is null ? null : JsonSerializer.Serialize(after, Json),
        };
        db.AuditEntries.Add(entry);
        return entry;
    }

    /// <summary>Adds an entry made elsewhere, such as the import's, whose ids are known only after its first save.</summary>
    public void Write(AuditEntry entry) => db.AuditEntries.Add(entry);
}

/// <summary>Who made a change and from where, as the audit log records it.</summary>
public sealed record Actor(long? UserId, string Name, string? RemoteAddress)
{
    /// <summary>Changes the application makes by itself: schema set-up, demo data, the first administrator from configuration.</summary>
    public static Actor System { get; } = new(null, "system", null);
}

/// <summary>The actions this application records; the audit page names them in Chinese.</summary>
public static class AuditActions
{
    public const string SignIn = "auth.sign-in";
    public const string SignInFailed = "auth.sign-in-failed";
    /// <summary>Written by releases that locked accounts; kept so that their entries are still named.</summary>
    public const string SignInLockout = "auth.lockout";
    public const string SignInDelayed = "auth.sign-in-delayed";
    public const string UserCreate = "user.create";
    public const string UserUpdate = "user.update";
    public const string UserResetPassword = "user.reset-password";
    public const string UserChangePassword = "user.change-password";
    /// <summary>A user chose which kinds of notification also leave the site (我的账户 → 通知推送).</summary>
    public const string UserNotificationForwarding = "user.notification-forwarding";
    public const string TokenCreate = "api-token.create";
    public const string TokenRevoke = "api-token.revoke";
    /// <summary>A calendar subscription address made, made anew (the old one stops) or switched off (docs/calendar.md).</summary>
    public const string CalendarFeedCreate = "calendar-feed.create";
    public const string CalendarFeedRegenerate = "calendar-feed.regenerate";
    public const string CalendarFeedRevoke = "calendar-feed.revoke";
    public const string SetupFirstAdmin = "setup.first-admin";
    public const string DemoSeed = "demo.seed";
    public const string OrganizationCreate = "organization.create";
    public const string OrganizationUpdate = "organization.update";
    public const string OrganizationAddAlias = "organization.add-alias";
    public const string OrganizationRemoveAlias = "organization.remove-alias";
    public const string OrganizationMerge = "organization.merge";

    // Written by the plan import (names kept from its former ImportAuditActions).
    public const string PlanImport = "plan.import";
    public const string PlanVersion = "plan.version";
    public const string TaskAdd = "task.add";
    public const string TaskUpdate = "task.update";
    public const string TaskRemove = "task.remove";
    public const string OrganizationAlias = "organization.alias";
    public const string RegionCreate = "region.create";
    /// <summary>The national divisions materialised at start-up (Regions/DivisionTreeLoader): one entry per load that changed anything.</summary>
    public const string RegionsLoad = "region.load";
    public const string PlanStatusChange = "plan.status";

    public static string Describe(string action) => action switch
    {
        SignIn => "登录",
        SignInFailed => "登录失败",
        SignInLockout => "账户锁定",
        SignInDelayed => "登录失败过多，该地址需等待",
        UserCreate => "创建用户",
        UserUpdate => "修改用户",
        UserResetPassword => "重置密码",
        UserChangePassword => "修改本人密码",
        UserNotificationForwarding => "设置通知推送",
        TokenCreate => "创建 API 令牌",
        TokenRevoke => "撤销 API 令牌",
        CalendarFeedCreate => "生成日历订阅地址",
        CalendarFeedRegenerate => "重新生成日历订阅地址",
        CalendarFeedRevoke => "停用日历订阅地址",
        SetupFirstAdmin => "创建首个管理员",
        DemoSeed => "创建演示数据",
        OrganizationCreate => "创建单位",
        OrganizationUpdate => "修改单位",
        OrganizationAddAlias => "添加单位别名",
        OrganizationRemoveAlias => "删除单位别名",
        OrganizationMerge => "合并单位",
        PlanImport => "导入计划",
        PlanVersion => "导入计划新版本",
        TaskAdd => "新增任务",
        TaskUpdate => "修改任务",
        TaskRemove => "移除任务",
        OrganizationAlias => "记录单位别名",
        RegionCreate => "创建区域",
        RegionsLoad => "载入行政区划",
        PlanStatusChange => "更改计划状态",
        // Written by the web application's webhook administration and the demo's sample plans.
        "webhook-endpoint.create" => "添加 Webhook",
        "webhook-endpoint.update" => "修改 Webhook",
        "webhook-endpoint.test" => "发送 Webhook 测试消息",
        "plan.publish" => "发布计划",
        _ => Tracking.TrackingAuditActions.Describe(action) ?? Supervision.SupervisionAuditActions.Describe(action) ?? Baseline.BaselineAuditActions.Describe(action) ?? TaskEditing.TaskEditingAuditActions.Describe(action) ?? Assessments.AssessmentAuditActions.Describe(action) ?? Bulletins.BulletinAuditActions.Describe(action) ?? Governance.GovernanceAuditActions.Describe(action) ?? Cascade.CascadeAuditActions.Describe(action) ?? action,
    };
}

public static class AuditEntities
{
    public const string User = "user";
    public const string ApiToken = "api-token";
    public const string CalendarFeed = "calendar-feed";
    public const string Database = "database";
    public const string Organization = "organization";

    // Written by the plan import, which has always named entities by their class (kept so old entries still match).
    public const string Plan = "Plan";
    public const string Task = "PlanTask";
    public const string Region = "Region";
    public const string ImportedOrganization = "Organization";

    public static string Describe(string entityType) => entityType switch
    {
        User => "用户",
        ApiToken => "API 令牌",
        CalendarFeed => "日历订阅",
        Database => "数据库",
        Organization or ImportedOrganization => "单位",
        Plan => "计划",
        Task => "任务",
        Region => "区域",
        "webhook-endpoint" => "Webhook",
        "plan" => "计划",
        _ => Tracking.TrackingAuditActions.DescribeEntity(entityType) ?? Supervision.SupervisionAuditActions.DescribeEntity(entityType) ?? Baseline.BaselineAuditActions.DescribeEntity(entityType) ?? Assessments.AssessmentAuditActions.DescribeEntity(entityType) ?? Bulletins.BulletinAuditActions.DescribeEntity(entityType) ?? Governance.GovernanceAuditActions.DescribeEntity(entityType) ?? Cascade.CascadeAuditActions.DescribeEntity(entityType) ?? entityType,
    };
}
