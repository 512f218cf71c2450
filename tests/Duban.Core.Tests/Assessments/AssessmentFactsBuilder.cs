using Duban.Core.Assessments;
using Duban.Core.Tracking.Attainment;
using Duban.Core.Tracking.Periods;
using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;

namespace Duban.Core.Tests.Assessments;

/// <summary>Facts for one organisation, written the way the tests read: a task, a report, a value, an order at a time.</summary>
internal sealed class AssessmentFactsBuilder(long organizationId = 1, string name = "东湖县人民政府")
{
    public static readonly DateOnly AsOf = new(2026, 12, 31);

    private readonly List<AssignmentFact> assignments = [];
    private readonly List<PeriodReportFact> periods = [];
    private readonly List<ReviewedReportFact> reviewed = [];
    private readonly List<TargetFact> targets = [];
    private readonly List<OrderFact> orders = [];
    private readonly List<FlagFact> flags = [];
    private readonly List<EntryFact> entries = [];
    private long nextId = 100;

    public static TaskRef Task(long id) => new(id, id.ToString(), $"任务{id}的内容", "清河市实施方案");

    public AssessmentFactsBuilder Assignment(UnitRole role, DateOnly? due, ApprovedReport? latest = null, bool ongoing = false,
        ClosedPeriodReport lastClosed = ClosedPeriodReport.Reported, long? taskId = null)
    {
        var id = taskId ?? nextId++;
        assignments.Add(new AssignmentFact(Task(id), new AssignmentFacts(id * 10, role, due, ongoing, latest, lastClosed)));
        return this;
    }

    public AssessmentFactsBuilder Done(UnitRole role, DateOnly due, DateOnly completedOn) =>
        Assignment(role, due, new ApprovedReport(ReportedState.Completed, 100, completedOn));

    public AssessmentFactsBuilder Period(ReportTiming timing, int month = 3, long? taskId = null)
    {
        var span = PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, month, 1));
        var closes = span.End.AddDays(5);
        DateOnly? submitted = timing switch { ReportTiming.OnTime => span.End.AddDays(2), ReportTiming.Late => span.End.AddDays(9), _ => null };
        periods.Add(new PeriodReportFact(Task(taskId ?? 1), span, closes, timing, timing == ReportTiming.Missing ? null : nextId++, submitted));
        return this;
    }

    public AssessmentFactsBuilder Reviewed(int returns, bool approved = true)
    {
        reviewed.Add(new ReviewedReportFact(nextId++, Task(1), PeriodSpan.Containing(PeriodKind.Monthly, new DateOnly(2026, 3, 1)), returns, approved));
        return this;
    }

    public AssessmentFactsBuilder Target(string subject, Comparator comparator, decimal value, string unit, int? year, params (DateOnly End, decimal Value)[] observations)
    {
        var facts = new TargetFacts(comparator, value, null, unit, year, false);
        targets.Add(new TargetFact(nextId++, Task(1), subject, $"{subject}{value}{unit}", facts,
            [.. observations.Select(o => ObservationFact.FromStored(facts, o.End, o.Value)!)]));
        return this;
    }

    public AssessmentFactsBuilder Order(DateOnly issued, DateOnly replyBy, DateOnly? repliedOn, bool closed, bool closedWithoutReply = false)
    {
        var id = nextId++;
        orders.Add(new OrderFact(id, $"督办〔2026〕{id}号", Task(1), issued, replyBy, repliedOn, closed, closedWithoutReply, 0));
        return this;
    }

    public AssessmentFactsBuilder Flag(FlagKind kind, DateOnly on)
    {
        flags.Add(new FlagFact(nextId++, Task(1), kind, on, kind == FlagKind.Summons ? "连续缺报，约谈" : "逾期未改，通报"));
        return this;
    }

    public AssessmentFactsBuilder Entry(string code, decimal points, string comment = "现场查看", long? id = null)
    {
        entries.Add(new EntryFact(id ?? nextId++, code, points, comment, "督查员甲", new DateOnly(2026, 11, 20), null, null));
        return this;
    }

    public OrganizationFacts Build() => new(organizationId, name, [.. assignments], [.. periods], [.. reviewed], [.. targets], [.. orders], [.. flags], [.. entries]);

    public AssessmentFacts Facts(DateOnly? asOf = null) => new(2026, asOf ?? AsOf, [Build()]);

    public static IndicatorDefinition Indicator(string code) => DefaultScheme.Indicators.Single(i => i.Code == code);

    public static IndicatorScore Score(string code, AssessmentFacts facts) =>
        AssessmentScorer.ScoreIndicator(Indicator(code), facts, facts.Organizations[0]);
}
