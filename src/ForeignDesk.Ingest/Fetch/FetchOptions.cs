namespace ForeignDesk.Ingest.Fetch;

/// <summary>How ForeignDesk downloads pages and feeds (configuration section <c>Fetch</c>).</summary>
public sealed class FetchOptions
{
    public const string Section = "Fetch";

    /// <value>The User-Agent header sent with every request; its first product token is matched against robots.txt groups.</value>
    public string UserAgent { get; set; } = "ForeignDesk/1.0 (+https://github.com/foreigndesk/foreigndesk)";

    /// <value>Total time for one fetch, redirects and body included. Default 20 s.</value>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <value>Largest body accepted, counted after decompression. Default 10 MiB.</value>
    public long MaxBodyBytes { get; set; } = 10 * 1024 * 1024;

    /// <value>Redirects followed before giving up. Default 5.</value>
    public int MaxRedirects { get; set; } = 5;

    /// <value>Pause between the end of one request to a host and the start of the next. Default 1 s.</value>
    public TimeSpan MinDelayPerHost { get; set; } = TimeSpan.FromSeconds(1);

    /// <value>Whether loopback, private, link-local and unique-local addresses may be contacted. Default false.</value>
    public bool AllowPrivateNetworks { get; set; }

    /// <value>
    /// Hosts that may be contacted even though they are private, as <c>host</c>, <c>host:port</c> or <c>[v6]:port</c>
    /// (for example a local test server <c>127.0.0.1:5080</c>). Any other private address stays refused, before any
    /// connection is attempted. Empty by default.
    /// </value>
    public IList<string> AllowedPrivateHosts { get; } = [];

    /// <value>Whether robots.txt is fetched and obeyed. Default true.</value>
    public bool ObeyRobots { get; set; } = true;
}
