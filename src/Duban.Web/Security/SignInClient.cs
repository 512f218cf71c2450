using System.Net;
using System.Net.Sockets;

namespace Duban.Web.Security;

/// <summary>
/// Which client a sign-in attempt comes from, for counting: an IPv4 address as it is, an IPv6 address by its /64 — one
/// subscriber gets a whole /64 and could otherwise change address with every guess. The per-IP rate limit and the
/// per-account throttle count by the same key.
/// </summary>
public static class SignInClient
{
    public const string Unknown = "unknown";

    public static string KeyOf(IPAddress? address)
    {
        if (address is null) return Unknown;
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily != AddressFamily.InterNetworkV6) return address.ToString();
        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }

    public static string KeyOf(string? address) => KeyOf(IPAddress.TryParse(address, out var parsed) ? parsed : null);
}
