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
    public void A_threshold_below_one_is_refused_naming_the_setting()
    {
        var settings = new EscalationSettings { BulletinAfterMisses = 0 };

        Should.Throw<InvalidOperationException>(settings.ToOptions).Message.ShouldContain("Escalation:BulletinAfterMisses");
    }
}
