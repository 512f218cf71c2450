using System.Net;
using System.Net.Sockets;

namespace Duban.Core.Notifications;

/// <summary>
/// Which webhook URLs and addresses are acceptable. Only absolute http(s) URLs without user info; and unless the
/// deployment allows it (Webhooks:AllowInternalAddresses), no address an administrator's URL could use to reach the
/// server's neighbours or the server itself (SSRF): nothing in the IANA special-purpose registries
/// (<see cref="SpecialPurposeAddresses"/>), none of this machine's own addresses or host names, and no IPv6 address that
/// carries such an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo). The URL is checked when it is saved; the sender
/// checks again, when it connects, the address it actually connects to, since a name may resolve elsewhere by then.
/// </summary>
public static class WebhookAddresses
{
    public const string AllowSetting = "Webhooks:AllowInternalAddresses";

    private const string Advice = "如确需发送到内网，请由运维在配置中开启 " + AllowSetting + "。";

    /// <summary>
    /// The problem with the URL in Chinese, or null when it is acceptable, judging its form and its host as written:
    /// a literal address, or a name of this machine. <see cref="CheckResolvedAsync"/> also looks the name up.
    /// </summary>
    /// <param name="machine">This machine; <see cref="LocalMachine.Current"/> when null.</param>
    public static string? Check(string? url, bool allowInternal, LocalMachine? machine = null)
    {
        if (string.IsNullOrWhiteSpace(url)) return "url（接收地址）不能为空。";
        if (url.Length > 2000) return "url（接收地址）不能超过 2000 个字符。";
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            return "url（接收地址）必须是以 http:// 或 https:// 开头的完整地址。";
        if (!string.IsNullOrEmpty(uri.UserInfo)) return "url（接收地址）不能包含用户名或密码。";
        if (allowInternal) return null;
        machine ??= LocalMachine.Current();
        if (uri.HostNameType is UriHostNameType.IPv4 or UriHostNameType.IPv6)
        {
            // Uri has already read every spelling of an IPv4 address (2130706433, 0x7f.1, 127.1) into dotted form.
            var address = IPAddress.Parse(uri.Host.Trim('[', ']'));
            return RefusalOf(address, machine) is { } refusal ? $"url（接收地址）指向内网、本机或特殊用途地址 {refusal}；{Advice}" : null;
        }
        return uri.IsLoopback || machine.HasName(uri.IdnHost) ? $"url（接收地址）的主机名 {uri.IdnHost} 指向本机；{Advice}" : null;
    }

    /// <summary>
    /// <see cref="Check"/>, then the addresses the URL's host name resolves to now, each of which must be acceptable. A name
    /// that does not resolve within <paramref name="resolveTimeout"/> passes: the sender checks again when it connects.
    /// </summary>
    public static async Task<string?> CheckResolvedAsync(string? url, bool allowInternal, TimeSpan resolveTimeout, LocalMachine? machine = null, CancellationToken ct = default)
    {
        machine ??= allowInternal ? null : LocalMachine.Current();
        if (Check(url, allowInternal, machine) is { } problem) return problem;
        var uri = new Uri(url!);
        if (allowInternal || uri.HostNameType is not (UriHostNameType.Dns or UriHostNameType.Basic)) return null;
        IPAddress[] addresses;
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
            timeout.CancelAfter(resolveTimeout);
            addresses = await Dns.GetHostAddressesAsync(uri.IdnHost, timeout.Token);
        }
        catch (Exception e) when (e is SocketException or ArgumentException || (e is OperationCanceledException && !ct.IsCancellationRequested))
        {
            return null;
        }
        foreach (var address in addresses)
        {
            if (RefusalOf(address, machine) is { } refusal) return $"url（接收地址）的主机名 {uri.IdnHost} 解析为内网、本机或特殊用途地址 {refusal}；{Advice}";
        }
        return null;
    }

    /// <summary>
    /// Why a webhook may not be sent to the address, in Chinese — the address and what it is, e.g.
    /// “10.0.0.1（私有地址，10.0.0.0/8，RFC 1918）” — or null when it may.
    /// </summary>
    /// <param name="machine">This machine; <see cref="LocalMachine.Current"/> when null.</param>
    public static string? RefusalOf(IPAddress address, LocalMachine? machine = null)
    {
        machine ??= LocalMachine.Current();
        if (machine.HasAddress(address)) return $"{address}（本机地址）";
        if (address.AddressFamily == AddressFamily.InterNetworkV6 && CarriedIPv4(address) is { Length: > 0 } carried)
        {
            // An IPv6 address that carries an IPv4 address reaches what that IPv4 address reaches: it is judged by it.
            foreach (var (form, inner) in carried)
            {
                if (RefusalOf(inner, machine) is { } refusal) return $"{address}（{form}，内含 {refusal}）";
            }
            return null;
        }
        return SpecialPurposeAddresses.RangeOf(address) is { } range ? $"{address}（{range.Purpose}，{range.Network}，{range.Rfc}）" : null;
    }

    /// <summary>Whether the address is refused for webhooks, on this machine.</summary>
    public static bool IsInternal(IPAddress address) => RefusalOf(address) is not null;

    /// <summary>
    /// The IPv4 addresses an IPv6 address carries, by the form it is in. The local-use NAT64 prefix 64:ff9b:1::/48 is
    /// not among them: where its IPv4 address sits depends on the prefix length the operator chose (RFC 6052 §2.2),
    /// so the whole block is refused, as the registry marks it not globally reachable. IPv4-compatible addresses
    /// (::a.b.c.d) are deprecated and fall in the reserved ::/8, refused whatever they carry.
    /// </summary>
    private static (string Form, IPAddress Address)[] CarriedIPv4(IPAddress address)
    {
        var b = address.GetAddressBytes();
        if (address.IsIPv4MappedToIPv6) return [("IPv4 映射地址", address.MapToIPv4())];
        // 64:ff9b::/96, the well-known NAT64 prefix: the IPv4 address is the last 32 bits (RFC 6052 §2.1).
        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            return [("NAT64 地址", new IPAddress(b.AsSpan(12, 4)))];
        // 2002::/16, 6to4: the IPv4 address follows the prefix (RFC 3056 §2).
        if (b[0] == 0x20 && b[1] == 0x02) return [("6to4 地址", new IPAddress(b.AsSpan(2, 4)))];
        // 2001:0::/32, Teredo: the server's IPv4 address follows the prefix, the client's is the last 32 bits inverted (RFC 4380 §4).
        if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x00 && b[3] == 0x00)
        {
            var client = b.AsSpan(12, 4).ToArray();
            for (var i = 0; i < client.Length; i++) client[i] = (byte)~client[i];
            return [("Teredo 地址（服务器）", new IPAddress(b.AsSpan(4, 4))), ("Teredo 地址（客户端）", new IPAddress(client))];
        }
        return [];
    }
}
