namespace ForeignDesk.Web.Feeds;

/// <summary>A feed format: the file name it is served under in every scope, and its media type.</summary>
internal sealed record FeedFormat(string FileName, string ContentType, string Title)
{
    public static readonly FeedFormat Rss = new("feed.xml", "application/rss+xml", "RSS");
    public static readonly FeedFormat Atom = new("atom.xml", "application/atom+xml", "Atom");
    public static readonly FeedFormat Json = new("feed.json", "application/feed+json", "JSON Feed");

    public static readonly IReadOnlyList<FeedFormat> All = [Rss, Atom, Json];

    /// <summary>The feed of a scope whose feeds live under <paramref name="basePath"/> ("" for the whole site, "/category/world").</summary>
    public string PathUnder(string basePath, string? query = null) => $"{basePath}/{FileName}{query}";
}
