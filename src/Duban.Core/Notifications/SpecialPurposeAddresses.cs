using System.Net;
using System.Net.Sockets;

namespace Duban.Core.Notifications;

/// <summary>One entry of an IANA special-purpose address registry (or of the address space beside it).</summary>
/// <param name="Purpose">What the block is for, in Chinese, as an error message names it.</param>
/// <param name="Rfc">The document that reserves it.</param>
public sealed record SpecialPurposeRange(IPNetwork Network, string Purpose, string Rfc)
{
    /// <summary>
    /// Whether the address is in the block, comparing the prefix bit by bit. Not <see cref="IPNetwork.Contains"/>, which
    /// answers false for IPv4-mapped IPv6 addresses (it maps them to IPv4 first), so ::ffff:0:0/96 would hold nothing.
    /// </summary>
    public bool Contains(IPAddress address)
    {
        if (address.AddressFamily != Network.BaseAddress.AddressFamily) return false;
        Span<byte> bytes = stackalloc byte[16];
        Span<byte> network = stackalloc byte[16];
        address.TryWriteBytes(bytes, out var length);
        Network.BaseAddress.TryWriteBytes(network, out _);
        var whole = Network.PrefixLength / 8;
        if (!bytes[..whole].SequenceEqual(network[..whole])) return false;
        var rest = Network.PrefixLength % 8;
        if (rest == 0 || whole >= length) return true;
        var mask = (byte)(0xFF << (8 - rest));
        return (bytes[whole] & mask) == (network[whole] & mask);
    }

    public override string ToString() => $"{Network}，{Purpose}，{Rfc}";
}

/// <summary>
/// The IANA IPv4 and IPv6 Special-Purpose Address Registries (RFC 6890 and the registries' later entries, as of 2025),
/// plus the blocks of the address spaces beside them that are no ordinary host's: IPv4 and IPv6 multicast, the
/// deprecated IPv6 site-local block, and the IPv6 blocks outside 2000::/3 that the IETF keeps in reserve.
/// <para>
/// Written by hand, as data: no maintained package provides the registries as a per-address check. IPNetwork2 does
/// CIDR arithmetic only, which <see cref="IPNetwork"/> does in the framework; Microsoft.Security.AntiSSRF carries the
/// ranges but checks addresses only inside its own HttpMessageHandler (its per-address check is internal), blocks the
/// NAT64 and 6to4 prefixes whole rather than judging the IPv4 address they carry, and knows nothing of this machine's
/// own addresses. When IANA adds an entry, add it here with its RFC.
/// </para>
/// <para>
/// The blocks that carry an IPv4 address (IPv4-mapped, NAT64, 6to4, Teredo) are listed so that they are recognised,
/// but <see cref="WebhookAddresses"/> judges such an address by the IPv4 address inside it.
/// </para>
/// </summary>
public static class SpecialPurposeAddresses
{
    public static IReadOnlyList<SpecialPurposeRange> IPv4 { get; } =
    [
        Range("0.0.0.0/8", "“本网络”地址", "RFC 791"),
        Range("0.0.0.0/32", "本网络上的本主机", "RFC 1122"),
        Range("10.0.0.0/8", "私有地址", "RFC 1918"),
        Range("100.64.0.0/10", "运营商级 NAT 共享地址", "RFC 6598"),
        Range("127.0.0.0/8", "本机回环地址", "RFC 1122"),
        Range("169.254.0.0/16", "链路本地地址（含云主机元数据服务 169.254.169.254）", "RFC 3927"),
        Range("172.16.0.0/12", "私有地址", "RFC 1918"),
        Range("192.0.0.0/24", "IETF 协议分配地址", "RFC 6890"),
        Range("192.0.0.0/29", "IPv4 服务连续性前缀", "RFC 7335"),
        Range("192.0.0.8/32", "IPv4 占位地址", "RFC 7600"),
        Range("192.0.0.9/32", "端口控制协议任播地址", "RFC 7723"),
        Range("192.0.0.10/32", "TURN 任播地址", "RFC 8155"),
        Range("192.0.0.170/32", "NAT64/DNS64 发现地址", "RFC 8880"),
        Range("192.0.0.171/32", "NAT64/DNS64 发现地址", "RFC 8880"),
        Range("192.0.2.0/24", "文档示例地址（TEST-NET-1）", "RFC 5737"),
        Range("192.31.196.0/24", "AS112 服务地址", "RFC 7535"),
        Range("192.52.193.0/24", "自动组播隧道（AMT）地址", "RFC 7450"),
        Range("192.88.99.0/24", "已废弃的 6to4 中继任播地址", "RFC 7526"),
        Range("192.168.0.0/16", "私有地址", "RFC 1918"),
        Range("192.175.48.0/24", "AS112 直接委派服务地址", "RFC 7534"),
        Range("198.18.0.0/15", "网络设备基准测试地址", "RFC 2544"),
        Range("198.51.100.0/24", "文档示例地址（TEST-NET-2）", "RFC 5737"),
        Range("203.0.113.0/24", "文档示例地址（TEST-NET-3）", "RFC 5737"),
        Range("240.0.0.0/4", "保留地址", "RFC 1112"),
        Range("255.255.255.255/32", "受限广播地址", "RFC 919"),
        // Not in the special-purpose registry, but never one receiver: the multicast block of the address space.
        Range("224.0.0.0/4", "组播地址", "RFC 5771"),
    ];

    public static IReadOnlyList<SpecialPurposeRange> IPv6 { get; } =
    [
        Range("::1/128", "本机回环地址", "RFC 4291"),
        Range("::/128", "未指定地址", "RFC 4291"),
        Range("::ffff:0:0/96", "IPv4 映射地址", "RFC 4291"),
        Range("64:ff9b::/96", "IPv4/IPv6 转换（NAT64）地址", "RFC 6052"),
        Range("64:ff9b:1::/48", "本地 IPv4/IPv6 转换（NAT64）地址", "RFC 8215"),
        Range("100::/64", "丢弃专用地址", "RFC 6666"),
        Range("100:0:0:1::/64", "IPv6 占位前缀", "RFC 9780"),
        Range("2001::/23", "IETF 协议分配地址", "RFC 2928"),
        Range("2001::/32", "Teredo 隧道地址", "RFC 4380"),
        Range("2001:1::1/128", "端口控制协议任播地址", "RFC 7723"),
        Range("2001:1::2/128", "TURN 任播地址", "RFC 8155"),
        Range("2001:1::3/128", "DNS-SD 服务注册协议任播地址", "RFC 9665"),
        Range("2001:2::/48", "网络设备基准测试地址", "RFC 5180"),
        Range("2001:3::/32", "自动组播隧道（AMT）地址", "RFC 7450"),
        Range("2001:4:112::/48", "AS112 服务地址", "RFC 7535"),
        Range("2001:10::/28", "已废弃的 ORCHID 地址", "RFC 4843"),
        Range("2001:20::/28", "ORCHIDv2 地址", "RFC 7343"),
        Range("2001:30::/28", "无人机远程识别（DET）前缀", "RFC 9374"),
        Range("2001:db8::/32", "文档示例地址", "RFC 3849"),
        Range("2002::/16", "6to4 地址", "RFC 3056"),
        Range("2620:4f:8000::/48", "AS112 直接委派服务地址", "RFC 7534"),
        Range("3fff::/20", "文档示例地址", "RFC 9637"),
        Range("5f00::/16", "分段路由（SRv6）SID", "RFC 9602"),
        Range("fc00::/7", "唯一本地地址（IPv6 内网）", "RFC 4193"),
        Range("fe80::/10", "链路本地地址", "RFC 4291"),
        // Beside the registry, from the IANA IPv6 Address Space: multicast, the deprecated site-local block, and every
        // block outside 2000::/3 (global unicast) that the IETF keeps in reserve; together with fc00::/7 and fe80::/10
        // above they cover all of IPv6 outside 2000::/3.
        Range("ff00::/8", "组播地址", "RFC 4291"),
        Range("fec0::/10", "已废弃的站点本地地址", "RFC 3879"),
        Range("::/8", "IETF 保留地址（含已废弃的 IPv4 兼容地址）", "RFC 4291"),
        Range("100::/8", "IETF 保留地址", "RFC 4291"),
        Range("200::/7", "IETF 保留地址", "RFC 4048"),
        Range("400::/6", "IETF 保留地址", "RFC 4291"),
        Range("800::/5", "IETF 保留地址", "RFC 4291"),
        Range("1000::/4", "IETF 保留地址", "RFC 4291"),
        Range("4000::/3", "IETF 保留地址", "RFC 4291"),
        Range("6000::/3", "IETF 保留地址", "RFC 4291"),
        Range("8000::/3", "IETF 保留地址", "RFC 4291"),
        Range("a000::/3", "IETF 保留地址", "RFC 4291"),
        Range("c000::/3", "IETF 保留地址", "RFC 4291"),
        Range("e000::/4", "IETF 保留地址", "RFC 4291"),
        Range("f000::/5", "IETF 保留地址", "RFC 4291"),
        Range("f800::/6", "IETF 保留地址", "RFC 4291"),
        Range("fe00::/9", "IETF 保留地址", "RFC 4291"),
    ];

    /// <summary>The most specific entry holding the address, or null when it is in none: an ordinary unicast address.</summary>
    public static SpecialPurposeRange? RangeOf(IPAddress address)
    {
        var entries = address.AddressFamily == AddressFamily.InterNetwork ? IPv4 : IPv6;
        SpecialPurposeRange? found = null;
        foreach (var entry in entries)
        {
            if (entry.Contains(address) && (found is null || entry.Network.PrefixLength > found.Network.PrefixLength)) found = entry;
        }
        return found;
    }

    private static SpecialPurposeRange Range(string cidr, string purpose, string rfc) => new(IPNetwork.Parse(cidr), purpose, rfc);
}
