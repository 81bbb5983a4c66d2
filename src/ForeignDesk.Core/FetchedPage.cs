namespace ForeignDesk.Core;

/// <summary>Bytes that Fetch downloaded for one URL, before any parsing.</summary>
public sealed record FetchedPage(
    Uri RequestedUrl,
    Uri FinalUrl,
    int Status,
    string? ContentType,
    byte[] Body,
    DateTimeOffset FetchedAt,
    string? ETag = null,
    string? LastModified = null);
