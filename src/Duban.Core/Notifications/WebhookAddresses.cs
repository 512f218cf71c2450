using System.Net;
using System.Net.Sockets;

namespace Duban.Core.Notifications;

/// <summary>
/// Which webhook URLs are acceptable. Only absolute http(s) URLs without user info; and unless the deployment allows it,
/// no address inside the network (loopback, private, link-local, unique-local): an administrator's URL must not become a
/// way to reach the server's neighbours (SSRF). The sender checks the resolved address again when it connects.
/// </summary>
public static class WebhookAddresses
{
    /// <summary>The problem with the URL in Chinese, or null when it is acceptable.</summary>
    public static string? Check(string? url, bool allowInternal)
    {
        if (string.IsNullOrWhiteSpace(url)) return "url（接收地址）不能为空。";
        if (url.Length > 2000) return "url（接收地址）不能超过 2000 个字符。";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "url（接收地址）必须是以 http:// 或 https:// 开头的完整地址。";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "url（接收地址）不能包含用户名或密码。";
        if (!allowInternal && IsInternalHost(uri)) return "url（接收地址）指向内网或本机地址；如确需发送到内网，请由运维在配置中开启 Webhooks:AllowInternalAddresses。";
        return null;
    }

    public static bool IsInternalHost(Uri uri) =>
        uri.IsLoopback || uri.Host.EndsWith(".localhost", StringComparison.OrdinalIgnoreCase)
        || (IPAddress.TryParse(uri.IdnHost, out var address) && IsInternal(address));

    public static bool IsInternal(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any)) return true;
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
            return address.IsIPv6LinkLocal || address.IsIPv6SiteLocal || address.IsIPv6UniqueLocal;
        var b = address.GetAddressBytes();
        return b[0] == 10
            || (b[0] == 172 && b[1] >= 16 && b[1] <= 31)
            || (b[0] == 192 && b[1] == 168)
            || (b[0] == 169 && b[1] == 254)
            || (b[0] == 100 && b[1] >= 64 && b[1] <= 127)
            || b[0] == 0;
    }
}
