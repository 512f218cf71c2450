using Duban.Data;
using Duban.Data.Jobs;
using Duban.Data.Notifications;
using Microsoft.Extensions.Options;

namespace Duban.Web.Notifications;

public static class NotificationsRegistration
{
    public const string WebhookHttpClient = "webhooks";

    /// <summary>The job runner, the notification centre and the webhooks, with their options.</summary>
    public static IServiceCollection AddDubanNotifications(this IServiceCollection services)
    {
        services.AddOptions<JobRunnerOptions>().BindConfiguration(JobRunnerOptions.Section);
        services.AddOptions<WebhookOptions>().BindConfiguration(WebhookOptions.Section);
        services.AddTransient(sp => sp.GetRequiredService<IOptions<WebhookOptions>>().Value);
        services.AddScoped<JobLeases>();
        services.AddScoped<JobActions>();
        services.AddScoped<NotificationCenter>();
        services.AddScoped<WebhookOutbox>();
        services.AddScoped<NotificationInbox>();
        services.AddScoped<NotificationForwarding>();
        services.AddScoped<WebhookAdministration>();
        services.AddHttpClient(WebhookHttpClient)
            .ConfigurePrimaryHttpMessageHandler(sp => WebhookSender.CreateHandler(sp.GetRequiredService<WebhookOptions>()));
        services.AddScoped(sp => new WebhookSender(
            sp.GetRequiredService<DubanDbContext>(),
            sp.GetRequiredService<IHttpClientFactory>().CreateClient(WebhookHttpClient),
            sp.GetRequiredService<TimeProvider>(),
            sp.GetRequiredService<WebhookOptions>()));
        services.AddSingleton<ScheduledJobRunner>();
        services.AddHostedService(sp => sp.GetRequiredService<ScheduledJobRunner>());
        services.AddHostedService<WebhookDeliveryService>();
        return services;
    }
}
