using Duban.Core.Notifications;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Users;
using Duban.Data.Notifications;
using Duban.Data.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Duban.Data.Tests.Notifications;

public sealed class NotificationCenterTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset Noon = new(2026, 11, 22, 12, 0, 0, TimeSpan.Zero);

    [Theory, OnSqlite, OnPostgres]
    public async Task An_organisation_notice_reaches_its_active_reporters_once_however_often_it_is_sent(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var city = await TestRegions.AddAsync(db, "通知市" + tag, RegionLevel.City);
        var bureau = new Organization { Name = "通知局" + tag, RegionId = city.Id };
        var other = new Organization { Name = "别的局" + tag, RegionId = city.Id };
        db.AddRange(bureau, other);
        await db.SaveChangesAsync();
        var reporter = User(tag + "r1", Role.Reporter, DataScope.Own, organization: bureau.Id);
        var second = User(tag + "r2", Role.Reporter, DataScope.Own, organization: bureau.Id);
        var inactive = User(tag + "r3", Role.Reporter, DataScope.Own, organization: bureau.Id, active: false);
        var elsewhere = User(tag + "r4", Role.Reporter, DataScope.Own, organization: other.Id);
        db.Users.AddRange(reporter, second, inactive, elsewhere);
        await db.SaveChangesAsync();
        var message = new NotificationMessage(NotificationKinds.Chase, "催办：10月进展未填报", "请于11月5日前填报。", "tasks/1", "chase:" + tag);
        var center = new NotificationCenter(db);

        (await center.NotifyOrganizationAsync(bureau.Id, message, Noon)).ShouldBe(2);
        (await center.NotifyOrganizationAsync(bureau.Id, message, Noon.AddDays(1))).ShouldBe(0);

        var stored = await db.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith("chase:" + tag)).OrderBy(n => n.RecipientId).ToListAsync();
        stored.Select(n => n.RecipientId).ShouldBe([reporter.Id, second.Id]);
        stored[0].Title.ShouldBe("催办：10月进展未填报");
        stored[0].CreatedAt.ShouldBe(Noon);
        stored[0].ReadAt.ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_region_notice_reaches_the_administrators_whose_scope_covers_the_region(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var province = await TestRegions.AddAsync(db, "甲省" + tag, RegionLevel.Province);
        var city = await TestRegions.AddAsync(db, "乙市" + tag, RegionLevel.City, province);
        var county = await TestRegions.AddAsync(db, "丙县" + tag, RegionLevel.County, city);
        var sibling = await TestRegions.AddAsync(db, "丁市" + tag, RegionLevel.City, province);
        var provinceAdmin = User(tag + "a1", Role.Admin, DataScope.RegionAndBelow, region: province.Id);
        var cityAdmin = User(tag + "a2", Role.Admin, DataScope.RegionAndBelow, region: city.Id);
        var siblingAdmin = User(tag + "a3", Role.Admin, DataScope.RegionAndBelow, region: sibling.Id);
        var inspector = User(tag + "i1", Role.Inspector, DataScope.RegionAndBelow, region: city.Id);
        db.Users.AddRange(provinceAdmin, cityAdmin, siblingAdmin, inspector);
        await db.SaveChangesAsync();
        var message = new NotificationMessage(NotificationKinds.SupervisionOrder, "督办单", "任务逾期。", null, "order:" + tag);

        await new NotificationCenter(db).NotifyRegionAdminsAsync(county.Id, message, Noon);

        var recipients = await db.Set<Notification>().Where(n => n.IdempotencyKey.StartsWith("order:" + tag)).Select(n => n.RecipientId).ToListAsync();
        recipients.ShouldContain(provinceAdmin.Id);
        recipients.ShouldContain(cityAdmin.Id);
        recipients.ShouldNotContain(siblingAdmin.Id);
        recipients.ShouldNotContain(inspector.Id);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_kind_the_user_forwards_is_queued_once_for_the_personal_endpoints_naming_the_user(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        await using var db = DatabaseFixture.Context(options);
        var tag = Guid.NewGuid().ToString("N")[..8];
        var city = await TestRegions.AddAsync(db, "推送市" + tag, RegionLevel.City);
        var bureau = new Organization { Name = "推送局" + tag, RegionId = city.Id };
        db.Add(bureau);
        await db.SaveChangesAsync();
        var forwarding = User(tag + "f", Role.Reporter, DataScope.Own, organization: bureau.Id);
        forwarding.ForwardedNotificationKinds = "review,supervision-order";
        var staying = User(tag + "s", Role.Reporter, DataScope.Own, organization: bureau.Id);
        db.Users.AddRange(forwarding, staying);
        var mail = new WebhookEndpoint { Name = "邮件网关" + tag, Url = "https://mail.example.invalid/" + tag, Secret = "s", Personal = true, CreatedAt = Noon };
        var robot = new WebhookEndpoint { Name = "群机器人" + tag, Url = "https://robot.example.invalid/" + tag, Secret = "s", CreatedAt = Noon };
        var onlyChases = new WebhookEndpoint { Name = "只收催办" + tag, Url = "https://chase.example.invalid/" + tag, Secret = "s", Personal = true, EventKinds = "chase", CreatedAt = Noon };
        db.AddRange(mail, robot, onlyChases);
        await db.SaveChangesAsync();
        var center = new NotificationCenter(db, new WebhookOptions { PublicBaseUrl = "https://duban.example.gov.cn/" });
        var review = new NotificationMessage(NotificationKinds.Review, "进展被退回", "请补充。", "tasks/1/report", "review:" + tag);

        (await center.NotifyOrganizationAsync(bureau.Id, review, Noon)).ShouldBe(2);
        (await center.NotifyOrganizationAsync(bureau.Id, review, Noon.AddHours(1))).ShouldBe(0);
        await center.NotifyOrganizationAsync(bureau.Id, new NotificationMessage(NotificationKinds.Chase, "催办", "请报送。", null, "chase:" + tag), Noon);

        var deliveries = await db.Set<WebhookDelivery>().Where(d => d.EndpointId == mail.Id || d.EndpointId == robot.Id || d.EndpointId == onlyChases.Id).ToListAsync();
        // Only the forwarded kind, only for the user who forwards it, only to the personal endpoint that takes the kind.
        var delivery = deliveries.ShouldHaveSingleItem();
        delivery.EndpointId.ShouldBe(mail.Id);
        delivery.EventId.ShouldBe($"review:{tag}/user:{forwarding.Id}");
        delivery.EventKind.ShouldBe(NotificationKinds.Review);
        delivery.Payload.ShouldContain($"\"userName\":\"{forwarding.UserName}\"");
        delivery.Payload.ShouldContain("\"link\":\"https://duban.example.gov.cn/tasks/1/report\"");
    }

    private static User User(string name, Role role, DataScope scope, long? organization = null, long? region = null, bool active = true) => new()
    {
        UserName = name, DisplayName = name, Role = role, Scope = scope, OrganizationId = organization, RegionId = region, IsActive = active, CreatedAt = Noon,
    };
}
