using System.Net;
using System.Net.Sockets;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>Which IP addresses a fetch may contact when private networks are not allowed.</summary>
internal static class AddressPolicy
{
    /// <summary>Why the address is not public ("a loopback address"), or null when it is public.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        return address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6Reason(address),
            _ => "not an IP address",
        };
    }

    private static string? IPv4Reason(byte[] b) => b switch
    {
        [127, ..] => "a loopback address",
        [0, ..] => "an unspecified address",
        [10, ..] => "a private address",
        [172, >= 16 and <= 31, ..] => "a private address",
        [192, 168, ..] => "a private address",
        [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
        [169, 254, ..] => "a link-local address",
        [192, 0, 0, _] => "a reserved address",
        [198, 18 or 19, ..] => "a reserved address",
        [>= 224 and <= 239, ..] => "a multicast address",
        [>= 240, ..] => "a reserved address",
        _ => null,
    };

    private static string? IPv6Reason(IPAddress address)
    {
        if (IPAddress.IPv6Loopback.Equals(address))
        {
            return "a loopback address";
        }

        if (IPAddress.IPv6None.Equals(address))
        {
            return "an unspecified address";
        }

        var b = address.GetAddressBytes();
        if (address.IsIPv6LinkLocal || (b[0] == 0xfe && (b[1] & 0xc0) == 0x80))
        {
            return "a link-local address";
        }

        if (address.IsIPv6SiteLocal)
        {
            return "a site-local address";
        }

        if ((b[0] & 0xfe) == 0xfc)
        {
            return "a unique-local address";
        }

        if (address.IsIPv6Multicast)
        {
            return "a multicast address";
        }

        // IPv4-compatible (::a.b.c.d) and NAT64 (64:ff9b::a.b.c.d) addresses carry an IPv4 address.
        var compatible = b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0;
        var nat64 = b[0] == 0 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0;
        return compatible || nat64 ? IPv4Reason(b[12..]) : null;
    }
}
