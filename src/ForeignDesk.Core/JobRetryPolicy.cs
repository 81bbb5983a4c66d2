namespace ForeignDesk.Core;

/// <summary>How failed jobs are retried: exponential backoff from <paramref name="FirstDelay"/> up to <paramref name="MaxDelay"/>, dead after <paramref name="MaxFailures"/>.</summary>
public sealed record JobRetryPolicy(int MaxFailures, TimeSpan FirstDelay, TimeSpan MaxDelay)
{
    /// <summary>The wait after the <paramref name="failures"/>-th failure: the first delay, doubled for each failure before it.</summary>
    public TimeSpan DelayAfter(int failures)
    {
        var exponent = Math.Min(Math.Max(failures, 1) - 1, 30);
        var delay = FirstDelay * Math.Pow(2, exponent);
        return delay > MaxDelay ? MaxDelay : delay;
    }

    public bool IsLast(int failures) => failures >= MaxFailures;
}
