using Duban.Web.Demo;
using Duban.Web.Security;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Duban.Web.Hosting;

/// <summary>
/// Tells the person who started the server where to open it, the demo accounts in demo mode, and the set-up link
/// while there is no administrator. Written to the console, not only the log, because that is where they look.
/// </summary>
public static class StartupBanner
{
    public static void Register(WebApplication app) =>
        app.Lifetime.ApplicationStarted.Register(() => Print(app.Services));

    private static void Print(IServiceProvider services)
    {
        var address = BrowsableAddress(services);
        if (address is null) return;

        Console.WriteLine();
        Console.WriteLine($"督办 Duban 已启动，请在浏览器中打开：{address}");
        if (services.GetRequiredService<IOptions<DemoOptions>>().Value.Enabled)
            Console.WriteLine($"演示模式：账号 {DemoAccounts.Admin}（管理员）、{DemoAccounts.Reporter}（填报员）、{DemoAccounts.Inspector}（督查员），密码均为 {DemoAccounts.Password}");

        using var scope = services.CreateScope();
        if (scope.ServiceProvider.GetRequiredService<FirstAdministrator>().IsNeededAsync().GetAwaiter().GetResult())
        {
            var token = scope.ServiceProvider.GetRequiredService<SetupTokens>().Create();
            Console.WriteLine("尚无管理员。请在 24 小时内打开以下一次性设置链接，创建第一个管理员：");
            Console.WriteLine($"{address.TrimEnd('/')}/setup?token={Uri.EscapeDataString(token)}");
        }
        Console.WriteLine();
    }

    /// <summary>The first address the server listens on, with a wildcard host replaced by localhost so it can be opened.</summary>
    public static string? BrowsableAddress(IServiceProvider services)
    {
        var addresses = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses;
        var first = addresses?.OrderBy(a => a.StartsWith("https", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault();
        if (first is null) return null;
        foreach (var wildcard in new[] { "://[::]", "://0.0.0.0", "://+", "://*" })
            first = first.Replace(wildcard, "://localhost", StringComparison.Ordinal);
        return first;
    }
}
