using System.Net;
using System.Net.Sockets;

namespace ForeignDesk.Bench;

/// <summary>A TCP port free on 127.0.0.1 just now, for a server a bench starts.</summary>
internal static class LoopbackPort
{
    public static int Free()
    {
        using var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        return ((IPEndPoint)probe.LocalEndpoint).Port;
    }
}
