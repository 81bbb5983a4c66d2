namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Spaces an engine's requests evenly so that no more than <c>perMinute</c> leave in a minute; 0 means no limit. The
/// spacing is kept on the monotonic clock, which wall-clock jumps do not move.
/// </summary>
internal sealed class RequestPacer(int perMinute, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    /// <summary>The earliest moment the next request may leave, as a <see cref="TimeProvider.GetTimestamp"/>; null before the first.</summary>
    private long? next;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (perMinute <= 0) return;
        var gap = TimeSpan.FromMinutes(1) / perMinute;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetTimestamp();
            var wait = next is { } planned ? time.GetElapsedTime(now, planned) : TimeSpan.Zero;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            next = (wait > TimeSpan.Zero ? next!.Value : now) + (long)(gap.TotalSeconds * time.TimestampFrequency);
        }
        finally
        {
            gate.Release();
        }
    }
}
