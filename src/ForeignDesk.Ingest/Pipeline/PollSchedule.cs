namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// The interval until an endpoint's next poll. It starts at <see cref="PipelineOptions.PollInterval"/>, halves when a
/// poll finds new articles and grows by half when it finds none, within the configured bounds; after an error it
/// backs off exponentially from the minimum (or waits the server's Retry-After), with ±20 % jitter so that failing
/// endpoints do not come back together.
/// </summary>
public sealed class PollSchedule(PipelineOptions options, Random random)
{
    public TimeSpan AfterSuccess(TimeSpan current, int newArticles)
    {
        var next = newArticles > 0 ? current / 2 : current * 1.5;
        return Clamp(next);
    }

    public TimeSpan AfterError(int consecutiveErrors, TimeSpan? retryAfter)
    {
        var exponent = Math.Min(Math.Max(consecutiveErrors, 1) - 1, 20);
        var backoff = Clamp(options.MinPollInterval * Math.Pow(2, exponent));
        var jittered = backoff * (0.8 + (random.NextDouble() * 0.4));
        return retryAfter is { } wait && wait > jittered ? wait : jittered;
    }

    private TimeSpan Clamp(TimeSpan value) =>
        value < options.MinPollInterval ? options.MinPollInterval : value > options.MaxPollInterval ? options.MaxPollInterval : value;
}
