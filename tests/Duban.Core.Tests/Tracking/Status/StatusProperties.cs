using Duban.Core.Tracking.Status;
using Duban.Parsing.Model;
using FsCheck;
using FsCheck.Fluent;

namespace Duban.Core.Tests.Tracking.Status;

public sealed class StatusProperties
{
    private static readonly Config Config = Config.QuickThrowOnFailure.WithMaxTest(500);

    private static readonly DateOnly Origin = new(2024, 1, 1);

    private static readonly Arbitrary<ApprovedReport?> Reports =
        (from has in Gen.Elements(true, false)
         from state in Gen.Elements(Enum.GetValues<ReportedState>())
         from percent in Gen.Choose(0, 100)
         from day in Gen.Choose(0, 900)
         select has ? new ApprovedReport(state, percent, Origin.AddDays(day)) : null).ToArbitrary();

    private static int Rank(TrackingStatus status) => status switch
    {
        TrackingStatus.NotStarted or TrackingStatus.InProgress => 0,
        TrackingStatus.DueSoon => 1,
        TrackingStatus.Overdue => 2,
        _ => throw new InvalidOperationException(status.ToString()),
    };

    [Fact]
    public void A_task_not_done_only_moves_towards_overdue_as_days_pass() =>
        Check.One(Config, Prop.ForAll(Reports, Gen.Choose(0, 900).ToArbitrary(), Gen.Choose(0, 900).ToArbitrary(), (report, due, day) =>
        {
            if (report is { State: ReportedState.Completed }) return true;
            var facts = new AssignmentFacts(1, UnitRole.Lead, Origin.AddDays(due), false, report, ClosedPeriodReport.Missing);
            var today = StatusRules.ForAssignment(facts, Origin.AddDays(day), StatusOptions.Default);
            var tomorrow = StatusRules.ForAssignment(facts, Origin.AddDays(day + 1), StatusOptions.Default);
            return Rank(today.Status) <= Rank(tomorrow.Status);
        }));

    [Fact]
    public void A_task_is_completed_exactly_when_every_lead_is() =>
        Check.One(Config, Prop.ForAll(
            Gen.ArrayOf(Gen.Zip(Reports.Generator, Gen.Elements(UnitRole.Lead, UnitRole.Cooperating))).ToArbitrary(),
            Gen.Choose(0, 900).ToArbitrary(),
            (assignments, day) =>
            {
                var facts = new TaskFacts(1, Origin.AddDays(400), false,
                    [.. assignments.Select((a, i) => new AssignmentFacts(i, a.Item2, Origin.AddDays(400), false, a.Item1, ClosedPeriodReport.Reported))]);
                var leads = facts.Assignments.Where(a => a.Role == UnitRole.Lead).ToList();
                var allLeadsDone = leads.Count > 0 && leads.All(a => a.Latest is { State: ReportedState.Completed });
                return (StatusRules.ForTask(facts, Origin.AddDays(day), StatusOptions.Default).Status == TrackingStatus.Completed) == allLeadsDone;
            }));
}
