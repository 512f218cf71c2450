using Duban.Core.Jobs;
using Duban.Core.Tracking.Escalation;
using Duban.Data.Supervision;

namespace Duban.Web.Supervision;

/// <summary>The "Escalation" configuration section: the thresholds of <see cref="EscalationOptions"/>, and whether this deployment escalates at all.</summary>
public sealed class EscalationSettings
{
    public const string Section = "Escalation";

    /// <summary>Off: the escalation job does nothing (the manual actions still work).</summary>
    public bool Enabled { get; set; } = true;

    public int ReminderDaysBeforeDeadline { get; set; } = EscalationOptions.Default.ReminderDaysBeforeDeadline;

    public int ReminderDaysBeforeWindowCloses { get; set; } = EscalationOptions.Default.ReminderDaysBeforeWindowCloses;

    public int MissedReportsForOrder { get; set; } = EscalationOptions.Default.MissedReportsForOrder;

    public int OrderReplyDays { get; set; } = EscalationOptions.Default.OrderReplyDays;

    public int SummonsAfterMisses { get; set; } = EscalationOptions.Default.SummonsAfterMisses;

    public int BulletinAfterMisses { get; set; } = EscalationOptions.Default.BulletinAfterMisses;

    public int FilingOrderDaysLate { get; set; } = EscalationOptions.Default.FilingOrderDaysLate;

    /// <summary>The pure rules' options; a negative or zero threshold is a configuration error, refused at start-up.</summary>
    public EscalationOptions ToOptions()
    {
        void Check(int value, string name, int min)
        {
            if (value < min) throw new InvalidOperationException($"配置项 Escalation:{name} 必须不小于 {min}（当前为 {value}）。");
        }
        Check(ReminderDaysBeforeDeadline, nameof(ReminderDaysBeforeDeadline), 0);
        Check(ReminderDaysBeforeWindowCloses, nameof(ReminderDaysBeforeWindowCloses), 0);
        Check(MissedReportsForOrder, nameof(MissedReportsForOrder), 1);
        Check(OrderReplyDays, nameof(OrderReplyDays), 1);
        Check(SummonsAfterMisses, nameof(SummonsAfterMisses), 1);
        Check(BulletinAfterMisses, nameof(BulletinAfterMisses), 1);
        Check(FilingOrderDaysLate, nameof(FilingOrderDaysLate), 1);
        return new(ReminderDaysBeforeDeadline, ReminderDaysBeforeWindowCloses, MissedReportsForOrder, OrderReplyDays, SummonsAfterMisses, BulletinAfterMisses, FilingOrderDaysLate);
    }
}

public static class SupervisionRegistration
{
    public static IServiceCollection AddSupervision(this IServiceCollection services)
    {
        services.AddSingleton(sp => sp.GetRequiredService<IConfiguration>().GetSection(EscalationSettings.Section).Get<EscalationSettings>() ?? new EscalationSettings());
        services.AddSingleton(sp => sp.GetRequiredService<EscalationSettings>().ToOptions());
        services.AddScoped<EscalationFactsReader>();
        services.AddScoped<EscalationRecorder>();
        services.AddScoped<EscalationPlanner>();
        services.AddScoped<EscalationJob>();
        services.AddScoped<Duban.Data.Baseline.BaselineDesk>();
        services.AddScoped<IScheduledJob, EscalationSwitchedJob<EscalationJob>>();
        services.AddScoped<SupervisionDesk>();
        services.AddScoped<SupervisionQueries>();
        return services;
    }
}
