namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Spaces an engine's requests evenly so that no more than <c>perMinute</c> leave in a minute; 0 means no limit.</summary>
internal sealed class RequestPacer(int perMinute, TimeProvider time)
{
    private readonly SemaphoreSlim gate = new(1, 1);
    private DateTimeOffset next = DateTimeOffset.MinValue;

    public async Task WaitAsync(CancellationToken cancellationToken)
    {
        if (perMinute <= 0) return;
        var gap = TimeSpan.FromMinutes(1) / perMinute;
        await gate.WaitAsync(cancellationToken);
        try
        {
            var now = time.GetUtcNow();
            var wait = next - now;
            if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
            next = (wait > TimeSpan.Zero ? next : now) + gap;
        }
        finally
        {
            gate.Release();
        }
    }
}
