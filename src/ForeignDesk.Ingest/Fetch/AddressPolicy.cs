using System.Net;
using System.Net.Sockets;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// Which IP addresses a fetch may contact when private networks are not allowed: only globally reachable ones, as the
/// IANA IPv4 and IPv6 special-purpose address registries mark them, and none of this machine's own addresses. IPv6
/// forms that carry an IPv4 address (IPv4-mapped, NAT64 <c>64:ff9b::/96</c>, 6to4 <c>2002::/16</c>) are judged by
/// that address; other IPv6 addresses must be global unicast (<c>2000::/3</c>) outside its special blocks.
/// </summary>
internal static class AddressPolicy
{
    /// <summary>Why the address is not public ("a loopback address"), or null when it is public.</summary>
    public static string? NonPublicReason(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        var reason = address.AddressFamily switch
        {
            AddressFamily.InterNetwork => IPv4Reason(address.GetAddressBytes()),
            AddressFamily.InterNetworkV6 => IPv6Reason(address.GetAddressBytes()),
            _ => "not an IP address",
        };
        return reason ?? (MachineAddresses.Contains(address) ? "an address of this machine" : null);
    }

    private static string? IPv4Reason(ReadOnlySpan<byte> b) => b switch
    {
        [0, ..] => "an unspecified address",
        [10, ..] => "a private address",
        [100, >= 64 and <= 127, ..] => "a shared (carrier-grade NAT) address",
        [127, ..] => "a loopback address",
        [169, 254, ..] => "a link-local address",
        [172, >= 16 and <= 31, ..] => "a private address",
        [192, 0, 0, _] => "a reserved address (IETF protocol assignments)",
        [192, 0, 2, _] => "a documentation address",
        [192, 88, 99, _] => "a reserved address (6to4 relay anycast)",
        [192, 168, ..] => "a private address",
        [198, 18 or 19, ..] => "a benchmarking address",
        [198, 51, 100, _] => "a documentation address",
        [203, 0, 113, _] => "a documentation address",
        [>= 224 and <= 239, ..] => "a multicast address",
        [255, 255, 255, 255] => "the broadcast address",
        [>= 240, ..] => "a reserved address",
        _ => null,
    };

    private static string? IPv6Reason(byte[] b)
    {
        var head = b.AsSpan(0, 12);
        if (head.IndexOfAnyExcept((byte)0) < 0)
        {
            return b.AsSpan(12).IndexOfAnyExcept((byte)0) < 0 ? "an unspecified address"
                : b.AsSpan(12, 3).IndexOfAnyExcept((byte)0) < 0 && b[15] == 1 ? "a loopback address"
                : "a deprecated IPv4-compatible address";
        }

        if (StartsWith(b, [0x00, 0x64, 0xff, 0x9b]))
        {
            // 64:ff9b::/96 reaches the IPv4 address it carries; 64:ff9b:1::/48 is for local use only.
            return b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0 ? Embedded(IPv4Reason(b.AsSpan(12)), "NAT64")
                : StartsWith(b, [0x00, 0x64, 0xff, 0x9b, 0x00, 0x01]) ? "a local-use NAT64 address"
                : "a reserved address";
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return Embedded(IPv4Reason(b.AsSpan(2, 4)), "6to4");
        }

        if (StartsWith(b, [0x20, 0x01, 0x0d, 0xb8]) || (b[0] == 0x3f && b[1] == 0xff && (b[2] & 0xf0) == 0))
        {
            return "a documentation address";
        }

        if (b[0] == 0x20 && b[1] == 0x01 && b[2] <= 0x01)
        {
            return b[2] == 0 && b[3] == 0 ? "a Teredo address" : "a reserved address (IETF protocol assignments)";
        }

        return b[0] switch
        {
            0xff => "a multicast address",
            0xfe when (b[1] & 0xc0) == 0x80 => "a link-local address",
            0xfe when (b[1] & 0xc0) == 0xc0 => "a site-local address",
            0xfc or 0xfd => "a unique-local address",
            _ when (b[0] & 0xe0) != 0x20 => "a reserved address",
            _ => null,
        };
    }

    private static string? Embedded(string? reason, string form) => reason is null ? null : $"{reason} in {form} form";

    private static bool StartsWith(byte[] bytes, ReadOnlySpan<byte> prefix) => bytes.AsSpan().StartsWith(prefix);
}
