namespace ForeignDesk.Core;

/// <summary>One entry of a feed, as the feed gives it.</summary>
/// <param name="Link">The entry's own link (RSS link, or a guid the feed marks as a permalink; Atom alternate link;
/// JSON Feed url), absolute; null when the entry has none.</param>
/// <param name="Id">The entry's identifier as written (RSS guid, Atom id, JSON Feed id), or null.</param>
/// <param name="Permalink">A URL the entry gives in another place (an Atom id, rdf:about, a guid not marked as a
/// permalink, a JSON Feed external_url), used when there is no <paramref name="Link"/>.</param>
public sealed record FeedItem(
    Uri? Link,
    string? Title,
    DateTimeOffset? Published,
    IReadOnlyList<string> Categories,
    string? Summary,
    string? Id = null,
    Uri? Permalink = null)
{
    /// <summary>The page the pipeline fetches for this entry: its link, else its permalink; null when it has neither.</summary>
    public Uri? ArticleUrl => Link ?? Permalink;
}

public sealed record ParsedFeed(string Format, string? Title, Uri? HomeUrl, string? Language, IReadOnlyList<FeedItem> Items);

public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
