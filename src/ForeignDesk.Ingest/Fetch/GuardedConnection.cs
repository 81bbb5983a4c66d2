using System.Net;
using System.Net.Sockets;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// The HTTP handler behind every outgoing request (<see cref="PageFetcher"/> and WebSub subscriptions), with one set
/// of address rules (<see cref="AddressPolicy"/>): only globally reachable addresses that are not this machine's own,
/// unless <see cref="FetchOptions.AllowPrivateNetworks"/> or <see cref="FetchOptions.AllowedPrivateHosts"/> allow
/// them. Names are resolved here, once, and the socket connects to the very addresses that were checked, so neither a
/// second lookup (DNS rebinding) nor a redirect to another name escapes the rule.
/// </summary>
internal static class GuardedConnection
{
    public static SocketsHttpHandler Handler(FetchOptions options)
    {
        var allowedPrivate = new PrivateHostList(options.AllowedPrivateHosts);
        return new SocketsHttpHandler
        {
            AllowAutoRedirect = false,
            UseProxy = false,
            UseCookies = false,
            PooledConnectionLifetime = TimeSpan.FromMinutes(5),
            ConnectCallback = (context, ct) => ConnectAsync(context.DnsEndPoint, options.AllowPrivateNetworks || allowedPrivate.Allows(context.DnsEndPoint.Host.Trim('[', ']'), context.DnsEndPoint.Port), ct),
        };
    }

    private static async ValueTask<Stream> ConnectAsync(DnsEndPoint endPoint, bool privateAllowed, CancellationToken ct)
    {
        var host = endPoint.Host.Trim('[', ']');
        var addresses = IPAddress.TryParse(host, out var literal)
            ? [literal]
            : await Dns.GetHostAddressesAsync(host, ct).ConfigureAwait(false);
        if (!privateAllowed)
        {
            var allowed = addresses.Where(a => AddressPolicy.NonPublicReason(a) is null).ToArray();
            if (allowed.Length == 0 && addresses.Length > 0)
            {
                var first = addresses[0];
                var what = literal is null ? $"{host} resolves to {first}, which" : first.ToString();
                throw new AddressRefusedException($"refused: {what} is {AddressPolicy.NonPublicReason(first)}");
            }

            addresses = allowed;
        }

        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endPoint.Port), ct).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch (SocketException ex)
            {
                socket.Dispose();
                last = ex;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }
}
