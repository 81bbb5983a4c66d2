using System.Net;
using System.Net.NetworkInformation;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// The addresses of this machine's own network interfaces, whatever range they are in (a server's public address, or
/// one in a range that looks public from inside a container). Read again at most every few seconds, so that an
/// interface that comes up later is known soon.
/// </summary>
internal static class MachineAddresses
{
    private static readonly TimeSpan Refresh = TimeSpan.FromSeconds(10);
    private static Snapshot? current;

    public static bool Contains(IPAddress address)
    {
        var snapshot = current;
        if (snapshot is null || Environment.TickCount64 - snapshot.ReadAt > Refresh.TotalMilliseconds)
        {
            snapshot = new Snapshot(Environment.TickCount64, Read());
            current = snapshot;
        }

        return snapshot.Addresses.Contains(WithoutScope(address));
    }

    private static HashSet<IPAddress> Read()
    {
        var addresses = new HashSet<IPAddress>();
        try
        {
            foreach (var nic in NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (var unicast in nic.GetIPProperties().UnicastAddresses)
                    addresses.Add(WithoutScope(unicast.Address));
            }
        }
        catch (NetworkInformationException)
        {
            // The platform does not list its interfaces: the address ranges still apply.
        }

        return addresses;
    }

    private static IPAddress WithoutScope(IPAddress address) =>
        address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : new IPAddress(address.GetAddressBytes());

    private sealed record Snapshot(long ReadAt, HashSet<IPAddress> Addresses);
}
