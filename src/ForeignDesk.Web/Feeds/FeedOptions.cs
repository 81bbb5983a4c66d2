using System.ComponentModel.DataAnnotations;

namespace ForeignDesk.Web.Feeds;

/// <summary>What the site's feeds carry. Bound from the <c>Feeds</c> configuration section.</summary>
public sealed class FeedOptions
{
    public const string Section = "Feeds";

    /// <summary>Entries per feed, newest first.</summary>
    /// <value>Defaults to 30.</value>
    [Range(1, 100)]
    public int Entries { get; set; } = 30;

    /// <summary>
    /// Slugs of the sources whose articles the feeds carry as a summary (the teaser or the first paragraph, in English)
    /// with a link to the page, never in full: for outlets that allow no more.
    /// </summary>
    /// <value>Defaults to none: every entry carries the whole translation (articles behind a paywall carry the public teaser, which is all that is stored).</value>
    public string[] SummaryOnlySources { get; set; } = [];
}
