namespace ForeignDesk.Core;

/// <summary>One entry of a feed, as the feed gives it.</summary>
public sealed record FeedItem(
    Uri Link,
    string? Title,
    DateTimeOffset? Published,
    IReadOnlyList<string> Categories,
    string? Summary);

public sealed record ParsedFeed(string Format, string? Title, Uri? HomeUrl, string? Language, IReadOnlyList<FeedItem> Items);

public sealed class FeedFormatException(string message, Exception? inner = null) : Exception(message, inner);
