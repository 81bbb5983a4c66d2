namespace ForeignDesk.Core;

/// <summary>What an endpoint of a source is: a feed, a sitemap, or a section page scanned for article links.</summary>
public enum EndpointKind { Feed, Sitemap, Section }

/// <summary>One polled URL of a source with its polling state.</summary>
/// <param name="Interval">The current polling interval (adapted to how often the endpoint publishes).</param>
/// <param name="NextPollUtc">When it is due again; null when never polled.</param>
public sealed record SourceEndpoint(
    long SourceId,
    EndpointKind Kind,
    Uri Url,
    TimeSpan Interval,
    DateTimeOffset? NextPollUtc,
    DateTimeOffset? LastSuccessUtc,
    int ConsecutiveErrors,
    string? LastError);

/// <summary>The outcome of one poll of an endpoint: its next poll, its interval, and its error (null on success).</summary>
public sealed record EndpointPoll(DateTimeOffset AtUtc, TimeSpan Interval, DateTimeOffset NextPollUtc, string? Error);

/// <summary>The endpoints of sources and their polling state (ETag and Last-Modified stay per URL in the validators).</summary>
public interface ISourceEndpointStore
{
    /// <summary>Adds an endpoint, or changes the kind of one already there.</summary>
    Task AddEndpointAsync(long sourceId, EndpointKind kind, Uri url, CancellationToken cancellationToken);

    Task<IReadOnlyList<SourceEndpoint>> EndpointsAsync(long sourceId, CancellationToken cancellationToken);

    /// <summary>The URLs of the source's newest stored articles, to learn what its article URLs look like.</summary>
    Task<IReadOnlyList<string>> ArticleUrlsAsync(long sourceId, int limit, CancellationToken cancellationToken);

    /// <summary>Records a poll: on success the error count goes back to 0; on failure it goes up by one.</summary>
    Task RecordPollAsync(long sourceId, Uri url, EndpointPoll poll, CancellationToken cancellationToken);
}
