using System.Text.Json;
using Duban.Core.Audit;
using Duban.Core.Import;
using Duban.Core.Organizations;
using Duban.Data.Import;
using Duban.Data.Tests.Import.Support;
using Microsoft.EntityFrameworkCore;
using Duban.Data.Audit;

namespace Duban.Data.Tests.Import;

/// <summary>Every write of an import is in the audit log: who, when, from where, what (before and after).</summary>
public sealed class AuditTests : IDisposable
{
    private readonly ImportHarness harness = new();

    public void Dispose() => harness.Dispose();

    [Fact]
    public async Task A_new_plan_logs_its_region_its_new_organisations_and_the_import()
    {
        var result = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);

        var entries = await EntriesAsync();
        entries.Select(e => e.Action).Distinct().Order().ShouldBe([
            AuditActions.OrganizationCreate, AuditActions.PlanImport, AuditActions.RegionCreate]);
        entries.ShouldAllBe(e => e.Actor == "张三" && e.UserId == 7 && e.RemoteAddress == "10.0.0.8" && e.At == FixedClock.Default);
        entries.Count(e => e.Action == AuditActions.OrganizationCreate).ShouldBe(result.OrganizationsCreated);

        var import = entries.Single(e => e.Action == AuditActions.PlanImport);
        (import.EntityType, import.EntityId).ShouldBe(("Plan", result.PlanId.ToString()));
        import.Before.ShouldBeNull();
        using var after = JsonDocument.Parse(import.After!);
        after.RootElement.GetProperty("plan").GetProperty("title").GetString().ShouldBe("西岭市职业院校办学能力提升行动实施方案");
        after.RootElement.GetProperty("version").GetProperty("number").GetInt32().ShouldBe(1);
        after.RootElement.GetProperty("tasks").GetInt32().ShouldBe(12);
        after.RootElement.GetProperty("assignments").GetInt32().ShouldBe(result.AssignmentsCreated);

        var created = entries.First(e => e.Action == AuditActions.OrganizationCreate);
        await using var db = harness.Database.NewContext();
        var organization = await db.Organizations.SingleAsync(o => o.Id == long.Parse(created.EntityId!));
        created.After.ShouldNotBeNull().ShouldContain($"\"name\":\"{organization.Name}\"");
    }

    [Fact]
    public async Task A_learnt_alias_is_logged_with_the_aliases_before_and_after()
    {
        var region = await harness.AddRegionAsync(SamplePlan.Region);
        var bureau = await harness.AddOrganizationAsync("市人力资源和社会保障局", OrganizationKind.Department, region, "人社局");

        await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);

        var alias = (await EntriesAsync()).Single(e => e.Action == AuditActions.OrganizationAlias);
        (alias.EntityType, alias.EntityId).ShouldBe(("Organization", bureau.Id.ToString()));
        Aliases(alias.Before).ShouldBe(["人社局"]);
        Aliases(alias.After).ShouldBe(["人社局", "市人社局"]);
    }

    [Fact]
    public async Task A_new_version_logs_the_version_and_each_added_changed_and_removed_task()
    {
        var first = await harness.ImportAsync(SamplePlan.Original, SamplePlan.FileName);
        var auditBefore = (await EntriesAsync()).Count;
        harness.Clock.Now = FixedClock.Default.AddDays(30);
        var revised = SamplePlan.Load().With(tasks =>
        {
            tasks[0] = tasks[0].Replace("补齐校舍、设备短板。", "补齐校舍、设备、师资短板。");
            tasks.RemoveAt(11);
            tasks.Add("开展职业教育活动周。每年5月组织职业教育活动周。（责任单位：市教育局；完成时限：每年5月）");
        });

        var second = await harness.ImportAsync(revised.Bytes(), "v2.txt");

        var entries = (await EntriesAsync()).Skip(auditBefore).ToList();
        entries.Select(e => e.Action).Order().ShouldBe([
            AuditActions.PlanVersion, AuditActions.TaskAdd, AuditActions.TaskRemove, AuditActions.TaskUpdate]);
        entries.ShouldAllBe(e => e.At == FixedClock.Default.AddDays(30));

        var version = entries.Single(e => e.Action == AuditActions.PlanVersion);
        using (var before = JsonDocument.Parse(version.Before!))
            before.RootElement.GetProperty("currentVersionId").GetInt64().ShouldBe(first.VersionId);
        using (var after = JsonDocument.Parse(version.After!))
        {
            after.RootElement.GetProperty("plan").GetProperty("currentVersionId").GetInt64().ShouldBe(second.VersionId);
            after.RootElement.GetProperty("diff").GetProperty("removed").EnumerateArray().Single().GetString().ShouldEndWith("#12");
        }

        var update = entries.Single(e => e.Action == AuditActions.TaskUpdate);
        update.Before.ShouldNotBeNull().ShouldContain("补齐校舍、设备短板");
        update.After.ShouldNotBeNull().ShouldContain("补齐校舍、设备、师资短板");
        entries.Single(e => e.Action == AuditActions.TaskRemove).After.ShouldBeNull();
        entries.Single(e => e.Action == AuditActions.TaskAdd).Before.ShouldBeNull();
    }

    [Fact]
    public async Task A_refused_import_logs_nothing()
    {
        var analysis = await harness.AnalyzeAsync(SamplePlan.Original, SamplePlan.FileName);
        var decisions = analysis.DefaultDecisions(createUnmatched: true).Units.ToDictionary();
        decisions["市财政局"] = new MapToOrganizations([12345]);

        await Should.ThrowAsync<PlanImportException>(() => harness.ConfirmAsync(analysis, new ImportDecisions(decisions)));

        (await EntriesAsync()).ShouldBeEmpty();
    }

    private async Task<List<AuditEntry>> EntriesAsync()
    {
        await using var db = harness.Database.NewContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    private static List<string> Aliases(string? json)
    {
        using var document = JsonDocument.Parse(json!);
        return [.. document.RootElement.GetProperty("aliases").EnumerateArray().Select(a => a.GetString()!).Order()];
    }
}
