using System.Text;
using Duban.Core.Assessments;
using Duban.Core.Organizations;
using Duban.Core.Regions;
using Duban.Core.Security;
using Duban.Core.Tracking.Periods;
using Duban.Data.Assessments;
using Duban.Data.Tests.Support;
using Duban.Data.Tests.Tracking;
using Duban.Data.Tracking;
using Microsoft.EntityFrameworkCore;
using static Duban.Data.Tests.Assessments.AssessmentWorld;

namespace Duban.Data.Tests.Assessments;

/// <summary>
/// Assessments on the database, SQLite and PostgreSQL: the scores come from the facts the tracking services wrote,
/// as of the assessment day; a recomputation on the same data gives the same result; the cycle 自评 → 复核 → 公示
/// freezes the result; schemes are versioned; every write is audited and bad input names its field.
/// </summary>
public sealed class AssessmentDeskTests(DatabaseFixture databases) : IClassFixture<DatabaseFixture>
{
    private static readonly DateTimeOffset YearEnd = Beijing(2026, 12, 31);

    private static async Task<long> AssessAsync(DatabaseOptions options, TestClock clock, AssessmentWorld world, long scheme, int year)
    {
        await using var db = DatabaseFixture.Context(options);
        var outcome = await Desk(db, clock, options).CreateAssessmentAsync(world.Admin, new NewAssessment(scheme, year, null));
        outcome.Error.ShouldBeNull();
        return outcome.Value!.Id;
    }

    private static async Task<Guid> VersionAsync(DatabaseOptions options, long assessment)
    {
        await using var db = DatabaseFixture.Context(options);
        return await db.Set<Assessment>().Where(a => a.Id == assessment).Select(a => a.Version).SingleAsync();
    }

    private static async Task<AssessmentRun> RecomputeAsync(DatabaseOptions options, TestClock clock, AssessmentWorld world, long assessment)
    {
        var version = await VersionAsync(options, assessment);
        await using var db = DatabaseFixture.Context(options);
        var outcome = await Desk(db, clock, options).RecomputeAsync(world.Admin, assessment, version);
        outcome.Error.ShouldBeNull();
        return outcome.Value!;
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Each_organisation_is_scored_from_its_own_facts_as_of_the_assessment_day(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "评分" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        var assessment = await AssessAsync(options, clock, world, await world.SchemeAsync(options, clock), 2026);
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            (await desk.EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyA, "inspection", 8.5m, "实训基地现场查看，运行良好", null))).Error.ShouldBeNull();
            (await desk.EnterAsync(world.Admin, assessment, new EntryInput(world.CountyA, "bonus", 2m, "获评省级示范性实训基地", null))).Error.ShouldBeNull();
        }
        var run = await RecomputeAsync(options, clock, world, assessment);

        var scores = await ScoresAsync(options, assessment);
        decimal Points(long organization, string code) => scores[organization].Indicator(code)!.Points;
        // County A: on time 30, Q1 and Q2 on time 15, one of two reports returned 2.5, 55 % ≥ 50 % 20, funding and
        // orders nothing to assess 10 + 10, 现场督导 8.5, bonus 2.
        scores[world.CountyA].Indicators.Select(i => i.Points).ShouldBe([30m, 15m, 2.5m, 20m, 10m, 10m, 8.5m, 0m, 2m]);
        scores[world.CountyA].Total.ShouldBe(98m);
        // County B: overdue 0, Q1 late of three periods 15 × 0.5 ÷ 3 = 2.5, approved without return 5, no value 0,
        // funding 10, answered in time but not closed 10 × 0.6, no score, 约谈 −2.
        scores[world.CountyB].Indicators.Select(i => i.Points).ShouldBe([0m, 2.5m, 5m, 0m, 10m, 6m, 0m, -2m, 0m]);
        scores[world.CountyB].Total.ShouldBe(21.5m);
        // The bureau: its ongoing task missed the last closed period (Q3) 15, three periods missing 0, the rest nothing to assess.
        scores[world.Bureau].Total.ShouldBe(60m);
        Points(world.Bureau, "task").ShouldBe(15m);

        // Every number opens to its facts.
        scores[world.CountyA].Indicator("task")!.Items.ShouldHaveSingleItem().TaskId.ShouldBe(world.Task1);
        scores[world.CountyA].Indicator("quality")!.Items.Count(i => i.Detail.Contains("被退回 1 次")).ShouldBe(1);
        scores[world.CountyB].Indicator("timeliness")!.Items.Select(i => i.Detail[..4]).ShouldBe(["逾期报送", "缺报：截", "缺报：截"]);
        scores[world.CountyB].Indicator("orders")!.Items.ShouldHaveSingleItem().RefId.ShouldBe(world.OrderId);
        var flag = scores[world.CountyB].Indicator("deduction")!.Items.ShouldHaveSingleItem();
        (flag.RefId, flag.TaskId, flag.Fact).ShouldBe((world.FlagId, world.Task1, FactKind.Flag));

        // The run records its scheme version and day, and what moved since the first run: the two entries.
        run.Number.ShouldBe(2);
        run.SchemeVersionNumber.ShouldBe(1);
        run.AsOf.ShouldBe(new DateOnly(2026, 12, 31));
        AssessmentJson.Read<List<ScoreChange>>(run.Changes!).Select(c => (c.OrganizationId, c.IndicatorCode, c.Before, c.After))
            .ShouldBe([(world.CountyA, (string?)null, (decimal?)87.5m, (decimal?)98m), (world.CountyA, "inspection", 0m, 8.5m), (world.CountyA, "bonus", 0m, 2m)]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task A_past_year_computed_again_later_gives_the_same_result_and_only_a_new_fact_moves_it(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "重算" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        var assessment = await AssessAsync(options, clock, world, await world.SchemeAsync(options, clock), 2026);
        string first;
        await using (var db = DatabaseFixture.Context(options)) first = await db.Set<AssessmentRun>().Where(r => r.AssessmentId == assessment).Select(r => r.Digest).SingleAsync();

        // In January county B reports its third quarter, late: after the assessment day, so not a fact of 2026.
        clock.Now = Beijing(2027, 1, 5);
        await using (var db = DatabaseFixture.Context(options))
        {
            var reports = TrackingWorld.Reports(db, clock);
            var assignment = await db.Assignments.Where(a => a.TaskId == world.Task1 && a.OrganizationId == world.CountyB).Select(a => a.Id).SingleAsync();
            var created = (await reports.CreateAsync(world.ReporterB, new NewReport(assignment, new DateOnly(2026, 7, 1), TrackingWorld.Content("补报")))).Value!;
            (await reports.SubmitAsync(world.ReporterB, created.Id, created.Version)).Error.ShouldBeNull();
        }
        var again = await RecomputeAsync(options, clock, world, assessment);
        again.Digest.ShouldBe(first);
        AssessmentJson.Read<List<ScoreChange>>(again.Changes!).ShouldBeEmpty();

        await using (var db = DatabaseFixture.Context(options))
            (await Desk(db, clock, options).EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyB, "inspection", 6m, "现场查看，进度滞后", null))).Error.ShouldBeNull();
        var third = await RecomputeAsync(options, clock, world, assessment);
        third.Digest.ShouldNotBe(first);
        AssessmentJson.Read<List<ScoreChange>>(third.Changes!).Select(c => (c.OrganizationId, c.IndicatorCode))
            .ShouldBe([(world.CountyB, (string?)null), (world.CountyB, "inspection")]);
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task The_cycle_runs_from_self_scores_through_reviews_to_a_frozen_publication(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "周期" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        var scheme = await world.SchemeAsync(options, clock);

        // Last year, published: before the plan was imported nothing was due, and A had no value yet.
        var lastYear = await AssessAsync(options, clock, world, scheme, 2025);
        await AdvanceAsync(options, clock, world, lastYear, AssessmentStage.Review);
        await AdvanceAsync(options, clock, world, lastYear, AssessmentStage.Publicity);
        var assessment = await AssessAsync(options, clock, world, scheme, 2026);

        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            var score = new SelfScoreInput("task", 30m, "6月20日建成并通过验收", null);
            (await desk.SelfScoreAsync(world.ReporterA, assessment, [score])).Error.ShouldBeNull();
            (await desk.SelfScoreAsync(world.Inspector, assessment, [score])).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.SelfScoreAsync(world.Admin, assessment, [score])).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.SelfScoreAsync(world.ReporterA with { OrganizationId = 9_999_999 }, assessment, [score])).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
            (await desk.SelfScoreAsync(world.ReporterA, assessment, [score with { Points = 31m }])).Error!.Field.ShouldBe("scores[0].points");
            (await desk.SelfScoreAsync(world.ReporterA, assessment, [score, score with { Indicator = "未知" }])).Error!.Field.ShouldBe("scores[1].indicator");
            (await desk.SelfScoreAsync(world.ReporterA, assessment, [score, score])).Error!.Field.ShouldBe("scores[1].indicator");
            (await desk.ReviewAsync(world.Admin, assessment, new AssessmentReviewInput(world.CountyA, "task", 28m, "抽查"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await desk.AdvanceAsync(world.Admin, assessment, Guid.NewGuid(), AssessmentStage.Review)).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
            (await desk.AdvanceAsync(world.Admin, assessment, null, AssessmentStage.Publicity)).Error!.Field.ShouldBe("stage");
        }
        await AdvanceAsync(options, clock, world, assessment, AssessmentStage.Review);

        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            (await desk.SelfScoreAsync(world.ReporterB, assessment, [new SelfScoreInput("task", 10m, "", null)])).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            var review = new AssessmentReviewInput(world.CountyA, "task", 28m, "抽查发现一项成果尚未验收归档");
            (await desk.ReviewAsync(world.Inspector, assessment, review)).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await desk.ReviewAsync(world.Admin, assessment, review with { Reason = " " })).Error!.Field.ShouldBe("reason");
            (await desk.ReviewAsync(world.Admin, assessment, review with { Points = -1m })).Error!.Field.ShouldBe("points");
            (await desk.ReviewAsync(world.Admin, assessment, review with { Points = 28.125m })).Error!.Field.ShouldBe("points");
            (await desk.ReviewAsync(world.Admin, assessment, review with { OrganizationId = 9_999_999 })).Error!.Field.ShouldBe("organizationId");
            (await desk.ReviewAsync(world.Admin, assessment, review)).Error.ShouldBeNull();
            // A deduction is reviewed within its own range: −10 to 0.
            (await desk.ReviewAsync(world.Admin, assessment, new AssessmentReviewInput(world.CountyB, "deduction", -3m, "约谈后仍未整改，加扣 1 分"))).Error.ShouldBeNull();
        }

        // The standings read each result's kept summary, not every organisation's explanations: the same standings as
        // from the whole sheet, and results stored before summaries were kept (none) are read from their details alike.
        await using (var db = DatabaseFixture.Context(options))
        {
            var stored = await db.Set<Assessment>().SingleAsync(a => a.Id == assessment);
            var results = new AssessmentResults(db);
            var fromSummaries = AssessmentJson.Write(await results.StandingsAsync(stored, default));
            (await db.Set<AssessmentResult>().CountAsync(r => r.RunId == stored.CurrentRunId && r.Summary == null)).ShouldBe(0);
            var runVersion = await db.Set<AssessmentRun>().Where(r => r.Id == stored.CurrentRunId).Select(r => r.SchemeVersionId).SingleAsync();
            var fromSheet = Standings.Rank((await results.SheetAsync(stored.CurrentRunId, default))!, await results.ReviewsAsync(assessment, default),
                (await results.DefinitionAsync(runVersion, default)).Grades, await results.PreviousAsync(stored, default));
            AssessmentJson.Write(fromSheet).ShouldBe(fromSummaries);
            fromSheet.Single(s => s.OrganizationId == world.CountyA).Total.ShouldBe(85.5m);

            await db.Set<AssessmentResult>().Where(r => r.RunId == stored.CurrentRunId).ExecuteUpdateAsync(u => u.SetProperty(r => r.Summary, (string?)null));
            AssessmentJson.Write(await results.StandingsAsync(stored, default)).ShouldBe(fromSummaries);
        }
        await AdvanceAsync(options, clock, world, assessment, AssessmentStage.Publicity);

        IReadOnlyList<Standing> published;
        await using (var db = DatabaseFixture.Context(options))
        {
            var stored = await db.Set<Assessment>().SingleAsync(a => a.Id == assessment);
            published = await new AssessmentResults(db).StandingsAsync(stored, default);
            var a = published.Single(s => s.OrganizationId == world.CountyA);
            (a.ComputedTotal, a.Total, a.Rank, a.Grade).ShouldBe((87.5m, 85.5m, 1, Grade.Good));
            a.Indicators.Single(i => i.Code == "task").ShouldBe(new StandingIndicator("task", 30m, 28m, 28m));
            // 同比: last year's published 90 — before the plan was imported nothing was due, not even a value.
            (a.PreviousTotal, a.Change).ShouldBe((90m, -4.5m));
            published.Single(s => s.OrganizationId == world.CountyB).Total.ShouldBe(20.5m);
            published.Select(s => s.Rank).ShouldBe([1, 2, 3]);

            var audit = await db.AuditEntries.Where(e => e.Action == AssessmentAuditActions.Review && e.EntityId == assessment.ToString()).OrderBy(e => e.Id).FirstAsync();
            audit.Before!.ShouldContain("\"points\":30");
            audit.After!.ShouldContain("\"points\":28");
            audit.After!.ShouldContain("抽查发现一项成果尚未验收归档");
            (await db.AuditEntries.CountAsync(e => e.Action == AssessmentAuditActions.Stage && e.EntityId == assessment.ToString())).ShouldBe(2);
        }

        // Frozen: no recomputation, entry or review; later data does not move the published standings.
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            (await desk.RecomputeAsync(world.Admin, assessment, null)).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await desk.EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyB, "inspection", 9m, "补评", null))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            (await desk.ReviewAsync(world.Admin, assessment, new AssessmentReviewInput(world.CountyA, "task", 30m, "改回"))).Error!.Kind.ShouldBe(TrackingErrorKind.Conflict);
            db.Add(new AssessmentReview
            {
                AssessmentId = assessment, OrganizationId = world.CountyA, IndicatorCode = "task", Points = 0, Reason = "绕过服务写入", ReviewerName = "x", CreatedAt = YearEnd,
            });
            await db.SaveChangesAsync();
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var stored = await db.Set<Assessment>().SingleAsync(a => a.Id == assessment);
            AssessmentJson.Write(await new AssessmentResults(db).StandingsAsync(stored, default)).ShouldBe(AssessmentJson.Write(published));
        }
        await AdvanceAsync(options, clock, world, assessment, AssessmentStage.Final);
    }

    private static async Task AdvanceAsync(DatabaseOptions options, TestClock clock, AssessmentWorld world, long assessment, AssessmentStage stage)
    {
        var version = await VersionAsync(options, assessment);
        await using var db = DatabaseFixture.Context(options);
        (await Desk(db, clock, options).AdvanceAsync(world.Admin, assessment, version, stage)).Error.ShouldBeNull();
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Schemes_are_versioned_and_bad_input_is_refused_naming_the_field(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "方案" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        long elsewhere;
        await using (var db = DatabaseFixture.Context(options))
        {
            var region = await TestRegions.AddAsync(db, "他处" + Guid.NewGuid().ToString("N")[..4] + "市", RegionLevel.City);
            var organization = new Organization { Name = "他处教育局", Kind = OrganizationKind.Department, RegionId = region.Id };
            db.Add(organization);
            await db.SaveChangesAsync();
            elsewhere = organization.Id;
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            var good = new NewScheme("方案", world.RegionId, null, DefaultScheme.For(world.Organizations), null);
            (await desk.CreateSchemeAsync(world.Admin, good with { Name = "" })).Error!.Field.ShouldBe("name");
            (await desk.CreateSchemeAsync(world.Admin, good with { RegionId = null })).Error!.Field.ShouldBe("regionId");
            (await desk.CreateSchemeAsync(world.Admin, good with { PlanId = world.PlanId + 1_000_000 })).Error!.Field.ShouldBe("planId");
            (await desk.CreateSchemeAsync(world.Admin, good with { Definition = DefaultScheme.For([.. world.Organizations, elsewhere]) })).Error!.Field.ShouldBe("organizationIds");
            (await desk.CreateSchemeAsync(world.Admin, good with { Definition = DefaultScheme.For([world.CountyA, 9_999_999]) })).Error!.Field.ShouldBe("organizationIds");
            var twice = DefaultScheme.For(world.Organizations) with { Indicators = [DefaultScheme.Indicators[0], DefaultScheme.Indicators[0]] };
            (await desk.CreateSchemeAsync(world.Admin, good with { Definition = twice })).Error!.Field.ShouldBe("indicators[1].code");
            (await desk.CreateSchemeAsync(world.Inspector, good)).Error!.Kind.ShouldBe(TrackingErrorKind.Forbidden);
            (await db.Set<AssessmentScheme>().CountAsync(s => s.RegionId == world.RegionId)).ShouldBe(0);
        }

        var scheme = await world.SchemeAsync(options, clock);
        var assessment = await AssessAsync(options, clock, world, scheme, 2026);
        Guid read;
        await using (var db = DatabaseFixture.Context(options)) read = await db.Set<AssessmentScheme>().Where(s => s.Id == scheme).Select(s => s.Version).SingleAsync();
        var revised = DefaultScheme.For(world.Organizations) with
        {
            Indicators = [.. DefaultScheme.Indicators.Select(i => i.Code switch { "task" => i with { MaxPoints = 25m }, "inspection" => i with { MaxPoints = 15m }, _ => i })],
        };
        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            (await desk.ReviseSchemeAsync(world.Admin, scheme, Guid.NewGuid(), new SchemeRevision(null, revised, "任务完成降为25分"))).Error!.Kind.ShouldBe(TrackingErrorKind.Stale);
            (await desk.ReviseSchemeAsync(world.Admin, scheme, read, new SchemeRevision(null, revised, "任务完成降为25分"))).Error.ShouldBeNull();
        }
        await using (var db = DatabaseFixture.Context(options))
        {
            // The same content again makes no version.
            (await Desk(db, clock, options).ReviseSchemeAsync(world.Admin, scheme, null, new SchemeRevision(null, revised, "再存一次"))).Error.ShouldBeNull();
            (await db.Set<AssessmentSchemeVersion>().Where(v => v.SchemeId == scheme).Select(v => v.Number).OrderBy(n => n).ToListAsync()).ShouldBe([1, 2]);
            (await db.AuditEntries.CountAsync(e => e.Action == AssessmentAuditActions.SchemeRevise && e.EntityId == scheme.ToString())).ShouldBe(1);
        }

        var run = await RecomputeAsync(options, clock, world, assessment);
        run.SchemeVersionNumber.ShouldBe(2);
        (await ScoresAsync(options, assessment))[world.CountyA].Indicator("task")!.Points.ShouldBe(25m);
        AssessmentJson.Read<List<ScoreChange>>(run.Changes!).ShouldContain(c => c.OrganizationId == world.CountyA && c.IndicatorCode == "task" && c.Before == 30m && c.After == 25m);

        await using (var db = DatabaseFixture.Context(options))
        {
            var desk = Desk(db, clock, options);
            (await desk.CreateAssessmentAsync(world.Admin, new NewAssessment(scheme, 2026, null))).Error!.Field.ShouldBe("year");
            (await desk.CreateAssessmentAsync(world.Admin, new NewAssessment(scheme, 2027, null))).Error!.Field.ShouldBe("year");
            (await desk.CreateAssessmentAsync(world.Admin, new NewAssessment(scheme, null, null))).Error!.Field.ShouldBe("year");
        }
    }

    [Theory, OnSqlite, OnPostgres]
    public async Task Evidence_is_checked_and_belongs_to_one_organisation(DatabaseProvider provider)
    {
        var options = await databases.MigratedAsync(provider);
        var world = await CreateAsync(options, "佐证" + Guid.NewGuid().ToString("N")[..4]);
        var clock = new TestClock(YearEnd);
        var assessment = await AssessAsync(options, clock, world, await world.SchemeAsync(options, clock), 2026);
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.4\n1 0 obj<<>>endobj\n%%EOF");
        AssessmentEvidenceUpload Upload(long organization, string name, byte[] bytes) => new(organization, name, bytes.Length, new MemoryStream(bytes));

        await using var db = DatabaseFixture.Context(options);
        var desk = Desk(db, clock, options);
        (await desk.UploadEvidenceAsync(world.ReporterB, assessment, Upload(world.CountyA, "验收报告.pdf", pdf))).Error!.Kind.ShouldBe(TrackingErrorKind.NotFound);
        (await desk.UploadEvidenceAsync(world.ReporterA, assessment, Upload(world.CountyA, "验收报告.pdf", Encoding.ASCII.GetBytes("MZ not a pdf")))).Error!.Field.ShouldBe("file");
        (await desk.UploadEvidenceAsync(world.ReporterA, assessment, Upload(world.CountyA, "验收报告.exe", pdf))).Error!.Field.ShouldBe("file");
        var evidence = (await desk.UploadEvidenceAsync(world.ReporterA, assessment, Upload(world.CountyA, "验收报告.pdf", pdf))).Value!;
        EvidenceStore.Under(options).Exists(evidence.Sha256).ShouldBeTrue();

        (await desk.SelfScoreAsync(world.ReporterA, assessment, [new SelfScoreInput("task", 30m, "见验收报告", evidence.Id)])).Error.ShouldBeNull();
        (await desk.SelfScoreAsync(world.ReporterB, assessment, [new SelfScoreInput("task", 30m, "借用", evidence.Id)])).Error!.Field.ShouldBe("scores[0].evidenceId");
        (await desk.EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyA, "task", 30m, "计算指标不能录入", null))).Error!.Field.ShouldBe("indicator");
        (await desk.EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyA, "bonus", 4m, "超过每项上限", null))).Error!.Field.ShouldBe("points");
        (await desk.EnterAsync(world.Inspector, assessment, new EntryInput(world.CountyA, "bonus", 3m, "", null))).Error!.Field.ShouldBe("comment");
        (await db.AuditEntries.CountAsync(e => e.Action == AssessmentAuditActions.EvidenceUpload && e.EntityId == assessment.ToString())).ShouldBe(1);
    }
}
