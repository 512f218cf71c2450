using Duban.Core.Assessments;
using Duban.Core.Bulletins;
using Duban.Data.Assessments;
using Duban.Data.Audit;
using Duban.Data.Bulletins;
using Duban.Data.Tests.Assessments;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Assessments.AssessmentWorld;

namespace Duban.Data.Tests.Bulletins;

/// <summary>
/// The 通报 on the database, SQLite and PostgreSQL: a draft saved, changed and audited with before and after; stale copies
/// and bad fields refused with nothing stored; issued only after 公示 and frozen from then on. And the scheme's 成效明显县、校
/// selection, stored with the version and refused naming its field.
/// </summary>
public sealed class BulletinDeskTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset YearEnd = Beijing(2026, 12, 31);

    private static BulletinDraft Draft(string title) => new(title, "清教督〔2026〕　号", "东湖县人民政府，西山县人民政府",
        ["根据考核方案开展了考核。"], [new BulletinMention(null, "东湖县人民政府", "总分 98 分，等次优秀")], [], ["各单位要认真整改。"], "清河市教育局", new DateOnly(2027, 1, 5));

    private static BulletinDesk Bulletins(DubanDbContext db, TimeProvider clock) => new(db, clock, new AuditLog(db, clock));

    private static async Task AdvanceAsync(DatabaseOptions options, TestClock clock, AssessmentWorld world, long assessment, AssessmentStage stage)
    {
        await using var db = DatabaseFixture.Context(options);
        var version = await db.Set<Assessment>().Where(a => a.Id == assessment).Select(a => a.Version).SingleAsync();
        (await Desk(db, clock, options).AdvanceAsync(world.Admin, assessment, version, stage)).Error.ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_draft_is_saved_audited_and_frozen_once_issued_after_publication(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "通报" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        long assessment;
        await using (var db = DatabaseFixture.Context(options))
            assessment = (await Desk(db, clock, options).CreateAssessmentAsync(world.Admin, new NewAssessment(await world.SchemeAsync(options, clock), 2026, null))).Value!.Id;

        Guid version;
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Bulletins(db, clock);
            (await desk.SaveAsync(world.Inspector, assessment, null, Draft("关于通报"))).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.SaveAsync(world.Admin, assessment, null, Draft(" ") )).Error!.Field.ShouldBe("title");
            (await desk.SaveAsync(world.Admin, assessment, null, Draft("关于通报") with { Praise = [new BulletinMention(1, "东湖县人民政府", "")] })).Error!.Field.ShouldBe("praise[0].reason");
            (await desk.SaveAsync(world.Admin, assessment, null, Draft("关于通报") with { Date = default })).Error!.Field.ShouldBe("date");
            (await desk.SaveAsync(world.Admin, assessment + 1000, null, Draft("关于通报"))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
            (await desk.FindAsync(assessment, default)).ShouldBeNull();
            (await desk.IssueAsync(world.Admin, assessment, null, Draft("关于通报"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);

            var first = await desk.SaveAsync(world.Admin, assessment, Guid.Empty, Draft("关于2026年度职业教育工作督导评估结果的通报"));
            first.Error.ShouldBeNull();
            version = first.Value!.Version;
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Bulletins(db, clock);
            (await desk.SaveAsync(world.Admin, assessment, Guid.NewGuid(), Draft("改过的标题"))).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
            var second = await desk.SaveAsync(world.Admin, assessment, version, Draft("关于2026年度职业教育工作督导评估结果的通报（修改）") with { Recipients = "各被考核单位：" });
            second.Error.ShouldBeNull();
            second.Value!.Content.Recipients.ShouldBe("各被考核单位");
            version = second.Value.Version;
            // Saving the same again changes nothing and writes no audit entry.
            (await desk.SaveAsync(world.Admin, assessment, version, second.Value.Content)).Value!.Version.ShouldBe(version);
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var entries = await db.AuditEntries.Where(e => e.Action == BulletinAuditActions.Save).OrderBy(e => e.Id).ToListAsync();
            entries.Count.ShouldBe(2);
            entries[0].Before.ShouldBeNull();
            entries[1].Before!.ShouldContain("关于2026年度职业教育工作督导评估结果的通报\"");
            entries[1].After!.ShouldContain("（修改）");
            entries[1].Actor.ShouldBe(world.Admin.UserName);
            AuditActions.Describe(BulletinAuditActions.Save).ShouldBe("修改考核结果通报");
        }

        await AdvanceAsync(options, clock, world, assessment, AssessmentStage.Review);
        await AdvanceAsync(options, clock, world, assessment, AssessmentStage.Publicity);
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Bulletins(db, clock);
            var issued = await desk.IssueAsync(world.Admin, assessment, version, Draft("不会用到：已有草稿"));
            issued.Error.ShouldBeNull();
            issued.Value!.IssuedAt.ShouldBe(YearEnd);
            issued.Value.Content.Title.ShouldEndWith("（修改）");
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Bulletins(db, clock);
            var stored = (await desk.FindAsync(assessment, default))!;
            (await desk.SaveAsync(world.Admin, assessment, null, Draft("印发后再改"))).Error!.Message.ShouldBe(BulletinDesk.Issued);
            (await desk.IssueAsync(world.Admin, assessment, null, Draft("再印发"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await desk.FindAsync(assessment, default))!.Draft.ShouldBe(stored.Draft);
            (await db.AuditEntries.CountAsync(e => e.Action == BulletinAuditActions.Issue)).ShouldBe(1);
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_selection_is_part_of_the_scheme_version_and_refused_naming_its_field(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "评选" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        await using var db = DatabaseFixture.Context(options);
        var desk = Desk(db, clock, options);
        var refused = await desk.CreateSchemeAsync(world.Admin, new NewScheme("评选方案", world.RegionId, null, DefaultScheme.For(world.Organizations) with { Selection = new AchievementSelection(0) }, null));
        refused.Error!.Field.ShouldBe("selection.top");
        refused = await desk.CreateSchemeAsync(world.Admin, new NewScheme("评选方案", world.RegionId, null, DefaultScheme.For(world.Organizations) with { Selection = new AchievementSelection(2, 90m) }, null));
        refused.Error!.Field.ShouldBe("selection");

        var scheme = (await desk.CreateSchemeAsync(world.Admin, new NewScheme("评选方案", world.RegionId, null, DefaultScheme.For(world.Organizations) with { Selection = new AchievementSelection(MinTotal: 55m) }, null))).Value!;
        var assessment = (await desk.CreateAssessmentAsync(world.Admin, new NewAssessment(scheme.Id, 2026, null))).Value!;
        var results = new AssessmentResults(db);
        var run = await db.Set<AssessmentRun>().SingleAsync(r => r.Id == assessment.CurrentRunId);
        var definition = await results.DefinitionAsync(run.SchemeVersionId, default);
        definition.EffectiveSelection.MinTotal.ShouldBe(55m);
        // County A (87.5 without 现场督导) and the bureau (60) reach 55; county B (21.5) does not.
        var standings = await results.StandingsAsync(assessment, default);
        definition.EffectiveSelection.Select(standings).Select(s => s.OrganizationId).ShouldNotContain(world.CountyB);
        definition.EffectiveSelection.Select(standings).Select(s => s.OrganizationId).ShouldContain(world.Bureau);
    }
}
