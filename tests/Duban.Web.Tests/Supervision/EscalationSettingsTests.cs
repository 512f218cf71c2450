using Duban.Core.Jobs;
using Duban.Core.Tracking.Escalation;
using Duban.Data.Supervision;
using Duban.Web.Supervision;
using Duban.Web.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Duban.Web.Tests.Supervision;

public sealed class EscalationSettingsTests
{
    private static DubanWebFactory Factory(Dictionary<string, string?> settings)
    {
        settings["Demo:SamplePlans"] = "false";
        settings["Jobs:Enabled"] = "false";
        return new DubanWebFactory(Path.Combine(Path.GetTempPath(), "duban-web-tests", Guid.NewGuid().ToString("N")), settings);
    }

    [Fact]
    public async Task The_escalation_section_sets_the_rules_thresholds_and_the_runner_knows_the_job()
    {
        await using var factory = Factory(new() { ["Escalation:SummonsAfterMisses"] = "4", ["Escalation:OrderReplyDays"] = "5", ["Escalation:Enabled"] = "true" });

        factory.Services.GetRequiredService<EscalationOptions>().ShouldBe(EscalationOptions.Default with { SummonsAfterMisses = 4, OrderReplyDays = 5 });
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetServices<IScheduledJob>().Select(j => j.Name).ShouldContain(EscalationJob.JobName);
    }

    [Fact]
    public async Task Switching_escalation_off_stops_every_automatic_supervision_job_but_keeps_it_in_the_runners_list()
    {
        // The test host runs with Escalation:Enabled=false: the escalation run, the meeting cadence and the filing
        // ladder are listed (the runner's schedule and /api/v1/jobs show them) and each does nothing when run.
        await using var factory = Factory(new() { ["Escalation:Enabled"] = "false" });
        await using var scope = factory.Services.CreateAsyncScope();
        var jobs = scope.ServiceProvider.GetServices<IScheduledJob>().ToDictionary(j => j.Name);

        foreach (var name in new[] { EscalationJob.JobName, Duban.Data.Governance.MeetingReminderJob.JobName, Duban.Data.Cascade.FilingJob.JobName })
            jobs[name].GetType().GetGenericTypeDefinition().ShouldBe(typeof(EscalationSwitchedJob<>), name);
    }

    [Theory]
    [InlineData(true, 1)]
    [InlineData(false, 0)]
    public async Task A_switched_job_runs_only_when_escalation_is_enabled(bool enabled, int runs)
    {
        var job = new CountingJob();

        await new EscalationSwitchedJob<CountingJob>(new EscalationSettings { Enabled = enabled }, job).RunAsync(new JobRun(DateTimeOffset.UtcNow, "test"), CancellationToken.None);

        job.Runs.ShouldBe(runs);
    }

    private sealed class CountingJob : IScheduledJob
    {
        public int Runs { get; private set; }

        public string Name => "counting";

        public Task RunAsync(JobRun run, CancellationToken cancellationToken)
        {
            Runs++;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public void A_threshold_below_one_is_refused_naming_the_setting()
    {
        var settings = new EscalationSettings { BulletinAfterMisses = 0 };

        Should.Throw<InvalidOperationException>(settings.ToOptions).Message.ShouldContain("Escalation:BulletinAfterMisses");
    }
}
