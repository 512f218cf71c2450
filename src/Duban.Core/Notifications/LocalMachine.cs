using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;

namespace Duban.Core.Notifications;

/// <summary>
/// This machine as a webhook must not reach it: its host names and the addresses of all its network interfaces. A
/// public address of the server itself is no better a webhook target than 127.0.0.1: what listens there trusts it.
/// </summary>
public sealed class LocalMachine
{
    private readonly HashSet<string> hostNames;
    private readonly HashSet<IPAddress> addresses;

    public LocalMachine(IEnumerable<string> hostNames, IEnumerable<IPAddress> addresses)
    {
        this.hostNames = new(hostNames.Select(NormalizeHost).Where(h => h.Length > 0), StringComparer.OrdinalIgnoreCase);
        this.addresses = new(addresses.Select(Comparable));
    }

    public IReadOnlyCollection<string> HostNames => hostNames;

    public IReadOnlyCollection<IPAddress> Addresses => addresses;

    /// <summary>
    /// Read afresh on each call, since interfaces come and go (DHCP, VPNs, containers); reading them costs a few
    /// milliseconds, next to a webhook's connection. Where the platform cannot list them, only the names are known.
    /// </summary>
    public static LocalMachine Current()
    {
        var names = new List<string> { "localhost" };
        var found = new List<IPAddress>();
        try
        {
            names.Add(Dns.GetHostName());
            var properties = IPGlobalProperties.GetIPGlobalProperties();
            names.Add(properties.HostName);
            if (!string.IsNullOrEmpty(properties.DomainName)) names.Add(properties.HostName + "." + properties.DomainName);
            foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
                found.AddRange(network.GetIPProperties().UnicastAddresses.Select(u => u.Address));
        }
        catch (Exception e) when (e is NetworkInformationException or SocketException or PlatformNotSupportedException)
        {
            // The special-purpose ranges still refuse loopback and the private blocks; what is known is used.
        }
        return new(names, found);
    }

    /// <summary>Whether <paramref name="host"/> (a URL's host, any case, with or without the root's trailing dot) names this machine.</summary>
    public bool HasName(string host)
    {
        var name = NormalizeHost(host);
        // RFC 6761: localhost and every name below it are this machine, whatever the resolver says.
        return hostNames.Contains(name) || name == "localhost" || name.EndsWith(".localhost", StringComparison.Ordinal);
    }

    public bool HasAddress(IPAddress address) => addresses.Contains(Comparable(address));

    private static string NormalizeHost(string host) => host.Trim().TrimEnd('.').ToLowerInvariant();

    /// <summary>The address without an IPv6 scope and with an IPv4-mapped address as IPv4, so that equal hosts compare equal.</summary>
    private static IPAddress Comparable(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) return address.MapToIPv4();
        return address.AddressFamily == AddressFamily.InterNetworkV6 && address.ScopeId != 0 ? new IPAddress(address.GetAddressBytes()) : address;
    }
}
