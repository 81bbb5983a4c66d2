namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// The hosts of <see cref="FetchOptions.AllowedPrivateHosts"/>: <c>host</c> (any port), <c>host:port</c>,
/// <c>[v6]:port</c> or a bare IPv6 address. Hosts compare without case and without IPv6 brackets.
/// </summary>
internal sealed class PrivateHostList
{
    private readonly HashSet<string> anyPort = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> withPort = new(StringComparer.OrdinalIgnoreCase);

    public PrivateHostList(IEnumerable<string> entries)
    {
        foreach (var raw in entries)
        {
            var entry = raw.Trim();
            if (entry.Length == 0) continue;
            if (entry.StartsWith('['))
            {
                var close = entry.IndexOf(']', StringComparison.Ordinal);
                if (close < 0) continue;
                var host = entry[1..close];
                var rest = entry[(close + 1)..];
                if (rest.StartsWith(':') && int.TryParse(rest[1..], out var port)) withPort.Add(Key(host, port));
                else anyPort.Add(host);
            }
            else if (entry.Count(c => c == ':') == 1 && int.TryParse(entry[(entry.IndexOf(':', StringComparison.Ordinal) + 1)..], out var port))
            {
                withPort.Add(Key(entry[..entry.IndexOf(':', StringComparison.Ordinal)], port));
            }
            else
            {
                anyPort.Add(entry);
            }
        }
    }

    public bool IsEmpty => anyPort.Count == 0 && withPort.Count == 0;

    /// <summary>Whether <paramref name="host"/> (brackets allowed) on <paramref name="port"/> is on the list.</summary>
    public bool Allows(string host, int port)
    {
        if (IsEmpty) return false;
        var bare = host.Trim('[', ']');
        return anyPort.Contains(bare) || withPort.Contains(Key(bare, port));
    }

    private static string Key(string host, int port) => $"{host.Trim('[', ']')}|{port}";
}
