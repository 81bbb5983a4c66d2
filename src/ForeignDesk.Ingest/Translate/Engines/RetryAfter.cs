using System.Net.Http.Headers;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Reads a Retry-After header, given in seconds or as an HTTP date.</summary>
internal static class RetryAfter
{
    public static TimeSpan? Delay(RetryConditionHeaderValue? header, DateTimeOffset now)
    {
        if (header?.Delta is { } delta) return delta < TimeSpan.Zero ? TimeSpan.Zero : delta;
        if (header?.Date is { } date) return date <= now ? TimeSpan.Zero : date - now;
        return null;
    }
}
