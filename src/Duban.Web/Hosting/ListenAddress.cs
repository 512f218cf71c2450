using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Connections;
using Microsoft.AspNetCore.Http;

namespace Duban.Web.Hosting;

/// <summary>
/// Where the server listens. Whatever the operator configured wins — <c>--urls</c>, the environment variable
/// <c>ASPNETCORE_URLS</c> (or <c>ASPNETCORE_HTTP_PORTS</c> / <c>ASPNETCORE_HTTPS_PORTS</c>), the key <c>Urls</c> in
/// appsettings, or a <c>Kestrel:Endpoints</c> section — and only when nothing was configured does the server take
/// <see cref="Default"/>. The launch profile therefore names no address: a profile's <c>applicationUrl</c> is written
/// into <c>ASPNETCORE_URLS</c> by <c>dotnet run</c> and would silently replace the operator's own.
/// </summary>
public static class ListenAddress
{
    /// <summary>The demo's address when nothing else is configured; the README and docs/web.md name it.</summary>
    public const string Default = "http://localhost:5080";

    /// <summary>Exit code of a start that could not listen because the address is taken (EX_UNAVAILABLE of sysexits.h).</summary>
    public const int AddressInUseExitCode = 69;

    public static void UseDefaultWhenUnconfigured(WebApplicationBuilder builder)
    {
        if (IsConfigured(builder.Configuration)) return;
        builder.WebHost.UseUrls(Default);
    }

    /// <summary>True when any of the ways ASP.NET Core reads an address has a value.</summary>
    public static bool IsConfigured(IConfiguration configuration) =>
        !string.IsNullOrWhiteSpace(configuration["urls"])
        || !string.IsNullOrWhiteSpace(configuration["http_ports"])
        || !string.IsNullOrWhiteSpace(configuration["https_ports"])
        || configuration.GetSection("Kestrel:Endpoints").GetChildren().Any();

    /// <summary>
    /// The first configured address another program already listens on, or null. Checked before the database is
    /// prepared, so that a busy port fails the start at once with one line (<see cref="Message"/>) instead of Kestrel's
    /// stack trace after the seeding. Host names other than localhost, port 0 and Kestrel:Endpoints are left to Kestrel.
    /// </summary>
    public static string? FindBusy(IConfiguration configuration)
    {
        foreach (var url in Addresses(configuration))
        {
            BindingAddress address;
            try
            {
                address = BindingAddress.Parse(url);
            }
            catch (FormatException)
            {
                continue;
            }
            if (address.Port == 0 || address.IsUnixPipe || address.IsNamedPipe) continue;
            IPAddress[] candidates = address.Host switch
            {
                "localhost" => [IPAddress.Loopback],
                "*" or "+" or "0.0.0.0" or "[::]" => [IPAddress.Any],
                var host when IPAddress.TryParse(host.Trim('[', ']'), out var ip) => [ip],
                _ => [],
            };
            foreach (var ip in candidates)
                if (Busy(ip, address.Port)) return url;
        }
        return null;
    }

    /// <summary>The one line a busy address gets: what happened, and how to choose another.</summary>
    public static string Message(string address) =>
        $"督办 Duban 无法启动：地址 {address} 已被其他程序占用，请用 --urls 或环境变量 ASPNETCORE_URLS 指定其他地址（例如 --urls http://localhost:5081）。"
        + $" / Cannot start: {address} is already in use; choose another address with --urls or ASPNETCORE_URLS.";

    /// <summary>
    /// Runs the application. A port taken between <see cref="FindBusy"/> and the start still ends in the same line and
    /// exit code (after Kestrel's own log entry).
    /// </summary>
    public static async Task<int> RunAsync(WebApplication app)
    {
        var configured = Addresses(app.Configuration).FirstOrDefault() ?? Default;
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (IOException e) when (IsAddressInUse(e))
        {
            Console.Error.WriteLine(Message(configured));
            return AddressInUseExitCode;
        }
    }

    /// <summary>The addresses as Kestrel reads them from configuration: <c>urls</c>, else the ports.</summary>
    private static IEnumerable<string> Addresses(IConfiguration configuration)
    {
        static IEnumerable<string> Split(string? value) => (value ?? "").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var urls = Split(configuration["urls"]).ToList();
        if (urls.Count > 0) return urls;
        return Split(configuration["http_ports"]).Select(p => $"http://*:{p}").Concat(Split(configuration["https_ports"]).Select(p => $"https://*:{p}"));
    }

    private static bool Busy(IPAddress ip, int port)
    {
        using var socket = new Socket(ip.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            socket.Bind(new IPEndPoint(ip, port));
            return false;
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.AddressAlreadyInUse)
        {
            return true;
        }
        catch (SocketException)
        {
            // Not this machine's address, or not allowed: Kestrel will say so itself.
            return false;
        }
    }

    private static bool IsAddressInUse(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
            if (e is AddressInUseException) return true;
        return false;
    }
}
