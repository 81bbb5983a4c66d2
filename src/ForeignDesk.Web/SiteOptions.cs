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

    /// <summary>
    /// The operator's logo: an image file (PNG, JPEG, GIF, WebP or SVG, at most 1 MiB) in the data folder, or an
    /// absolute path; shown in the masthead before the name and given as the publisher's logo to search engines.
    /// </summary>
    /// <value>Defaults to null: the name alone, and the site's icon as the publisher's logo.</value>
    public string? Logo { get; set; }

    /// <summary>The colour of links and accents, <c>#rgb</c> or <c>#rrggbb</c>.</summary>
    /// <value>Defaults to null: the site's blue (#0b57d0).</value>
    [RegularExpression(ColorPattern, ErrorMessage = "Site:AccentColor must be a colour like #0b57d0 or #c00.")]
    public string? AccentColor { get; set; }

    /// <summary>The accent colour when the reader's system is in dark mode.</summary>
    /// <value>Defaults to null: <see cref="AccentColor"/> when it is set, else the site's light blue (#8ab4f8).</value>
    [RegularExpression(ColorPattern, ErrorMessage = "Site:AccentColorDark must be a colour like #8ab4f8 or #f66.")]
    public string? AccentColorDark { get; set; }

    /// <summary>The paragraph at the foot of every page, under the copyright line (plain text).</summary>
    /// <value>Defaults to a notice that the articles come from external sources and are machine-translated.</value>
    [Required]
    public string FooterText { get; set; } =
        "The articles on this site come from external sources and are machine-translated into English. They can contain translation errors; the original text and a link to the source are given with every article.";

    private const string ColorPattern = "^#([0-9a-fA-F]{3}|[0-9a-fA-F]{6})$";

    /// <summary>The public base URL (for example <c>https://news.example.org</c>) used for canonical links and OpenGraph.</summary>
    /// <value>Defaults to null: the scheme and host of each request are used.</value>
    [Url]
    public string? PublicUrl { get; set; }

    /// <summary>
    /// How long an article whose outlet says <c>noarchive</c> is shown as its source's policy allows, from when
    /// ForeignDesk first saw it; after that only its headline and a link remain (see <see cref="Core.Republication"/>).
    /// </summary>
    /// <value>Defaults to 48 hours.</value>
    public TimeSpan NoArchiveKeep { get; set; } = TimeSpan.FromHours(48);

    /// <summary>Memory for rendered pages, in megabytes; the oldest go first when it is full (see <see cref="Caching.PageSlabStore"/>).</summary>
    /// <value>Defaults to 128.</value>
    [Range(1, 65536)]
    public long PageCacheMegabytes { get; set; } = 128;

    /// <summary>
    /// How many pages the page cache does not answer may render at once; the others wait their turn without holding a
    /// thread (see Pages in the README).
    /// </summary>
    /// <value>Defaults to null: twice the processor count, at least 2.</value>
    [Range(1, 4096)]
    public int? RenderConcurrency { get; set; }

    /// <summary>
    /// How many searches the page cache does not answer (the search page, its JSON and feeds, the API's search) may run
    /// at once, in a line of their own beside the other pages' (see Pages in the README).
    /// </summary>
    /// <value>Defaults to null: the processor count.</value>
    [Range(1, 4096)]
    public int? SearchConcurrency { get; set; }

    /// <summary>
    /// How many requests may wait for a render slot, in each of the two lines (searches, other pages), before more are
    /// answered 503 with <c>Retry-After</c> at once.
    /// </summary>
    /// <value>Defaults to 1000.</value>
    [Range(1, 1_000_000)]
    public int RenderQueueLength { get; set; } = 1000;

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

    /// <summary>Readers' reports of translation problems accepted from one address (an IPv6 reader's /64) in an hour, per web process.</summary>
    /// <value>Defaults to 10.</value>
    [Range(1, 10_000)]
    public int ReportsPerAddressPerHour { get; set; } = 10;

    /// <summary>Readers' reports accepted about one article in an hour, per web process.</summary>
    /// <value>Defaults to 30.</value>
    [Range(1, 100_000)]
    public int ReportsPerArticlePerHour { get; set; } = 30;
}
