using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Duban.Core.Import;
using Duban.Core.Notifications;
using Duban.Data.Import;
using Duban.Data.Tracking;
using Duban.Web.Audit;
using Duban.Web.Demo;
using Duban.Web.Security;
using Duban.Web.Tests.Infrastructure;
using Duban.Web.Tests.Plans;
using Duban.Web.Tests.Tracking;
using Duban.Web.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests;

/// <summary>
/// Every place that takes a name refuses invisible, bidi and control characters with a 400 naming the field and the
/// code point, and stores nothing; and stores what it accepts normalised.
/// </summary>
public sealed class NameCharactersTests(TrackingFixture app) : IClassFixture<TrackingFixture>
{
    private DubanWebFactory Factory => app.Factory;

    private static readonly byte[] Pdf = "%PDF-1.4\n1 0 obj\n<<>>\nendobj\n%%EOF"u8.ToArray();

    /// <summary>Zero-width, byte order mark, bidi override and isolate, soft hyphen, a C0 and a C1 control.</summary>
    public static TheoryData<string> BadCharacters => ["\u200B", "\u200D", "\uFEFF", "\u202E", "\u2066", "\u200F", "\u00AD", "\u0007", "\u0085"];

    private static string CodePoint(string bad) => $"U+{char.ConvertToUtf32(bad, 0):X4}";

    private static async Task ShouldBeRefusedAsync(HttpResponseMessage response, string field, string bad)
    {
        response.StatusCode.ShouldBe(HttpStatusCode.BadRequest, await response.Content.ReadAsStringAsync());
        var problem = await response.JsonAsync();
        problem.GetProperty("field").GetString().ShouldBe(field);
        problem.GetProperty("detail").GetString()!.ShouldContain(CodePoint(bad));
    }

    private static HttpRequestMessage Put(string path, object body, string etag)
    {
        var request = new HttpRequestMessage(HttpMethod.Put, path) { Content = JsonContent.Create(body) };
        request.Headers.TryAddWithoutValidation("If-Match", etag);
        return request;
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task Organisation_names_and_aliases_with_the_character_are_refused_and_nothing_changes(string bad)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = $"名称测试局{CodePoint(bad)}", kind = "department", regionId = city });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("id").GetInt64();
        var etag = created.Headers.ETag!.ToString();
        var before = await Factory.WithDbAsync(db => db.Organizations.CountAsync());

        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync("/api/v1/organizations", new { name = $"清河{bad}市教育局", kind = "department", regionId = city }), "name", bad);
        await ShouldBeRefusedAsync(await admin.SendAsync(Put($"/api/v1/organizations/{id}", new { name = $"清河{bad}市新局", kind = "department" }, etag)), "name", bad);
        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync($"/api/v1/organizations/{id}/aliases", new { name = $"市{bad}局" }), "name", bad);

        (await Factory.WithDbAsync(db => db.Organizations.CountAsync())).ShouldBe(before);
        var stored = await Factory.WithDbAsync(db => db.Organizations.Include(o => o.Aliases).SingleAsync(o => o.Id == id));
        stored.Name.ShouldBe($"名称测试局{CodePoint(bad)}");
        stored.Aliases.ShouldBeEmpty();
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task User_names_and_display_names_with_the_character_are_refused_and_nothing_changes(string bad)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var suffix = char.ConvertToUtf32(bad, 0).ToString("x4");
        var created = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "names-" + suffix, displayName = "名称测试", role = "inspector", scope = "all" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("user").GetProperty("id").GetInt64();
        var etag = created.Headers.ETag!.ToString();
        var before = await Factory.WithDbAsync(db => db.Users.CountAsync());

        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync("/api/v1/users", new { userName = $"zhang{bad}san", displayName = "张三", role = "inspector", scope = "all" }), "userName", bad);
        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync("/api/v1/users", new { userName = "zhangsan-" + suffix, displayName = $"张{bad}三", role = "inspector", scope = "all" }), "displayName", bad);
        await ShouldBeRefusedAsync(await admin.SendAsync(Put($"/api/v1/users/{id}", new { displayName = $"李{bad}四", role = "inspector", scope = "all", isActive = true }, etag)), "displayName", bad);

        (await Factory.WithDbAsync(db => db.Users.CountAsync())).ShouldBe(before);
        (await Factory.WithDbAsync(db => db.Users.SingleAsync(u => u.Id == id))).DisplayName.ShouldBe("名称测试");
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task Webhook_names_with_the_character_are_refused_and_nothing_changes(string bad)
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var created = await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = "名称测试" + CodePoint(bad), url = "https://hooks.example.com/names" });
        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        var id = (await created.JsonAsync()).GetProperty("endpoint").GetProperty("id").GetInt64();
        var etag = created.Headers.ETag!.ToString();
        var before = await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().CountAsync());

        await ShouldBeRefusedAsync(await admin.PostAsJsonAsync("/api/v1/webhooks", new { name = $"企业{bad}微信", url = "https://hooks.example.com/x" }), "name", bad);
        await ShouldBeRefusedAsync(await admin.SendAsync(Put($"/api/v1/webhooks/{id}", new { name = $"钉{bad}钉", url = "https://hooks.example.com/names", enabled = true }, etag)), "name", bad);

        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().CountAsync())).ShouldBe(before);
        (await Factory.WithDbAsync(db => db.Set<WebhookEndpoint>().SingleAsync(e => e.Id == id))).Name.ShouldBe("名称测试" + CodePoint(bad));
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task Evidence_file_names_with_the_character_are_refused_and_nothing_is_stored(string bad)
    {
        var reporter = await Factory.SignedInAsync(DemoAccounts.Reporter);
        var assignment = await app.AssignmentOfAsync(DemoSeeder.CityEducation);
        var before = await Factory.WithDbAsync(db => db.Evidence.CountAsync());
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(Pdf.Concat(System.Text.Encoding.UTF8.GetBytes(bad)).ToArray());
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        // filename* carries any character, as a browser's upload of a file so named would.
        file.Headers.ContentDisposition = new ContentDispositionHeaderValue("form-data") { Name = "\"file\"", FileNameStar = $"验收报告{bad}fdp.pdf" };
        form.Add(file);
        form.Add(new StringContent(assignment.TaskId.ToString()), "taskId");

        await ShouldBeRefusedAsync(await reporter.PostAsync("/api/v1/evidence", form), "file", bad);

        (await Factory.WithDbAsync(db => db.Evidence.CountAsync())).ShouldBe(before);
        var folder = Path.Combine(Factory.DataDirectory, EvidenceStore.FolderName);
        var stored = Directory.Exists(folder) ? Directory.GetFiles(folder, "*", SearchOption.AllDirectories) : [];
        stored.ShouldNotContain(f => new FileInfo(f).Length == Pdf.Length + System.Text.Encoding.UTF8.GetByteCount(bad));
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task Api_token_names_with_the_character_are_refused_and_no_token_is_made(string bad)
    {
        var user = await Factory.CreateUserAsync("token-names-" + char.ConvertToUtf32(bad, 0).ToString("x4"), "token-names-password-1");
        await using var scope = Factory.Services.CreateAsyncScope();
        var account = scope.ServiceProvider.GetRequiredService<MyAccount>();
        var me = new DubanUser(user.Id, user.UserName, user.DisplayName, user.Role, user.Scope, null, null, null);

        var outcome = await account.CreateTokenAsync(me, new(user.Id, user.UserName, null), $"脚本{bad}令牌", null);

        outcome.Error.ShouldNotBeNull();
        outcome.Error.Field.ShouldBe("name");
        outcome.Error.Message.ShouldContain(CodePoint(bad));
        (await Factory.WithDbAsync(db => db.ApiTokens.CountAsync(t => t.UserId == user.Id))).ShouldBe(0);
    }

    [Theory, MemberData(nameof(BadCharacters))]
    public async Task Region_and_new_organisation_names_given_to_an_import_are_refused_and_nothing_is_imported(string bad)
    {
        var regions = await Factory.WithDbAsync(db => db.Regions.CountAsync());
        var plans = await Factory.WithDbAsync(db => db.Plans.CountAsync());

        var region = await Should.ThrowAsync<PlanImportException>(() => PlansFixture.ImportAsync(Factory, "deadline-forms.txt", new PlanRegion.Named($"清{bad}河市")));
        region.Field.ShouldBe(ImportFields.Region);
        region.Message.ShouldContain(CodePoint(bad));

        var city = await Factory.RegionIdAsync(DemoSeeder.City);
        var renamed = 0;
        var organisation = await Should.ThrowAsync<PlanImportException>(() => PlansFixture.ImportAsync(Factory, "paren-numbered-tasks.txt", new PlanRegion.Existing(city), analysis =>
        {
            var decisions = analysis.DefaultDecisions(true);
            return decisions with
            {
                Units = decisions.Units.ToDictionary(u => u.Key, u => u.Value is CreateOrganization create ? (UnitDecision)(create with { Name = $"新{bad}{renamed++}单位" }) : u.Value),
            };
        }));
        renamed.ShouldBeGreaterThan(0, "the sample must ask for new organisations");
        organisation.Field.ShouldBe(ImportFields.Units);
        organisation.Message.ShouldContain(CodePoint(bad));

        (await Factory.WithDbAsync(db => db.Regions.CountAsync())).ShouldBe(regions);
        (await Factory.WithDbAsync(db => db.Plans.CountAsync())).ShouldBe(plans);
    }

    [Fact]
    public async Task Accepted_names_are_stored_trimmed_and_normalised_keeping_full_width_punctuation()
    {
        var admin = await Factory.SignedInAsync(DemoAccounts.Admin);
        var city = await Factory.RegionIdAsync(DemoSeeder.City);

        var created = await admin.PostAsJsonAsync("/api/v1/organizations", new { name = "  清河市第１职业中学（Ａ校区）\u3000", kind = "school", regionId = city });

        created.StatusCode.ShouldBe(HttpStatusCode.Created);
        (await created.JsonAsync()).GetProperty("name").GetString().ShouldBe("清河市第1职业中学（A校区）");
        var user = await admin.PostAsJsonAsync("/api/v1/users", new { userName = "normalised-name", displayName = "  张三（ＡＢ）", role = "inspector", scope = "all" });
        (await user.JsonAsync()).GetProperty("user").GetProperty("displayName").GetString().ShouldBe("张三（AB）");
    }
}
