namespace ForeignDesk.Core;

/// <summary>Bytes that Fetch downloaded for one URL, before any parsing.</summary>
/// <param name="RobotsTag">The response's <c>X-Robots-Tag</c> headers, one per line; null when it sent none.</param>
public sealed record FetchedPage(
    Uri RequestedUrl,
    Uri FinalUrl,
    int Status,
    string? ContentType,
    byte[] Body,
    DateTimeOffset FetchedAt,
    string? ETag = null,
    string? LastModified = null,
    string? RobotsTag = null);
