namespace ForeignDesk.Ingest.Fetch;

public enum FetchStatus
{
    /// <summary>2xx; the page is in <see cref="FetchOutcome.Page"/>.</summary>
    Ok,
    /// <summary>304 on a conditional GET; nothing changed.</summary>
    NotModified,
    /// <summary>Any other HTTP status, or a redirect that could not be followed.</summary>
    HttpError,
    /// <summary>429; come back after <see cref="FetchOutcome.RetryAfter"/> when given.</summary>
    RateLimited,
    /// <summary>The address is not allowed (private network, odd scheme).</summary>
    Refused,
    /// <summary>robots.txt forbids the path.</summary>
    RobotsDisallowed,
    /// <summary>The body is larger than <see cref="FetchOptions.MaxBodyBytes"/>.</summary>
    TooLarge,
    /// <summary>No complete answer within <see cref="FetchOptions.Timeout"/>.</summary>
    Timeout,
    /// <summary>DNS, TCP or TLS failure, or the connection dropped.</summary>
    NetworkError,
}
