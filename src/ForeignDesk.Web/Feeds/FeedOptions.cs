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
}
