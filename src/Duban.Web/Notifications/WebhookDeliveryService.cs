using Duban.Data.Notifications;
using Microsoft.Extensions.Options;

namespace Duban.Web.Notifications;

/// <summary>
/// Sends the webhook outbox in the background, every <see cref="WebhookOptions.PollInterval"/>. Several instances may
/// run it: the sender claims each delivery before it posts it.
/// </summary>
public sealed partial class WebhookDeliveryService(
    IServiceScopeFactory scopes, IOptions<JobRunnerOptions> jobs, IOptions<WebhookOptions> webhooks, TimeProvider time, ILogger<WebhookDeliveryService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!jobs.Value.Enabled) return;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using (var scope = scopes.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<WebhookSender>().SendDueAsync(stoppingToken);
                }
                await Task.Delay(webhooks.Value.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                LogFailed(logger, e);
                await Task.Delay(webhooks.Value.PollInterval, time, stoppingToken).ContinueWith(_ => { }, TaskScheduler.Default);
            }
        }
    }

    [LoggerMessage(LogLevel.Error, "Sending webhook deliveries failed; the next round tries again.")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
