using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>The files for search engines. Bound from the <c>SearchEngines</c> configuration section.</summary>
public sealed class SearchEngineOptions
{
    public const string Section = "SearchEngines";

    /// <summary>The sitemap protocol's limit of URLs in one file.</summary>
    public const int ProtocolLimit = 50_000;

    /// <summary>URLs in one day's sitemap; a day with more articles is split into numbered parts.</summary>
    /// <value>
    /// Defaults to 5 000: a file of about 700 KB, rendered in tens of milliseconds and cached like a page, where the
    /// protocol's limit (50 000, the most allowed) would make a busy day's file 5 MB and its first render take seconds.
    /// </value>
    [Range(1, ProtocolLimit)]
    public int UrlsPerSitemap { get; set; } = 5_000;
}
