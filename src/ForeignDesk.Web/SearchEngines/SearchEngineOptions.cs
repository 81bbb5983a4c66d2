using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>The files for search engines. Bound from the <c>SearchEngines</c> configuration section.</summary>
public sealed class SearchEngineOptions
{
    public const string Section = "SearchEngines";

    /// <summary>The sitemap protocol's limit of URLs in one file.</summary>
    public const int ProtocolLimit = 50_000;

    /// <summary>URLs in one day's sitemap; a day with more articles is split into numbered parts.</summary>
    /// <value>Defaults to 50 000, the protocol's limit (and the most allowed).</value>
    [Range(1, ProtocolLimit)]
    public int UrlsPerSitemap { get; set; } = ProtocolLimit;
}
