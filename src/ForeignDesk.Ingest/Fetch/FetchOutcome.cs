using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Fetch;

/// <summary>
/// What one fetch gave. <paramref name="Page"/> is set for <see cref="FetchStatus.Ok"/> and for
/// <see cref="FetchStatus.HttpError"/> answers that came with a status code; <paramref name="Error"/> is a short
/// message for everything but Ok and NotModified.
/// </summary>
public sealed record FetchOutcome(FetchStatus Status, FetchedPage? Page, string? Error, TimeSpan? RetryAfter)
{
    public bool IsOk => Status == FetchStatus.Ok;

    public static FetchOutcome Ok(FetchedPage page) => new(FetchStatus.Ok, page, null, null);

    public static FetchOutcome NotModified() => new(FetchStatus.NotModified, null, null, null);

    public static FetchOutcome Failed(FetchStatus status, string error, FetchedPage? page = null, TimeSpan? retryAfter = null) =>
        new(status, page, error, retryAfter);
}
