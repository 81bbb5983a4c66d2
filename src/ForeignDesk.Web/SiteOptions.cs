using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web;

/// <summary>How the news site presents itself. Bound from the <c>Site</c> configuration section.</summary>
public sealed class SiteOptions
{
    public const string Section = "Site";

    /// <summary>The site's name, shown in the masthead and in page titles.</summary>
    /// <value>Defaults to <c>ForeignDesk</c>.</value>
    [Required]
    public string Name { get; set; } = "ForeignDesk";

    /// <summary>One line under the name.</summary>
    /// <value>Defaults to <c>The world's news, in English</c>.</value>
    [Required]
    public string Tagline { get; set; } = "The world's news, in English";

    /// <summary>The public base URL (for example <c>https://news.example.org</c>) used for canonical links and OpenGraph.</summary>
    /// <value>Defaults to null: the scheme and host of each request are used.</value>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>Memory for rendered pages, in megabytes; the least recently used go first when it is full.</summary>
    /// <value>Defaults to 128.</value>
    [Range(1, 65536)]
    public long PageCacheMegabytes { get; set; } = 128;

    /// <summary>How often the views counted in memory are written to the store.</summary>
    /// <value>Defaults to 5 seconds: a crash loses at most that much of the counts.</value>
    [Range(typeof(TimeSpan), "00:00:01", "01:00:00")]
    public TimeSpan ViewFlushInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Addresses of reverse proxies, besides loopback, whose <c>X-Forwarded-For</c>, <c>-Proto</c> and <c>-Host</c>
    /// headers are believed (for example <c>10.0.0.2</c>).
    /// </summary>
    /// <value>Defaults to none: only a proxy on the same machine (127.0.0.0/8, ::1) is believed.</value>
    [ProxyAddresses]
    public string[] TrustedProxies { get; set; } = [];
}
