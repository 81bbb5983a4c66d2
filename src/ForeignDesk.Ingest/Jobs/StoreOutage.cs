using System.Data.Common;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Jobs;

/// <summary>
/// A worker's view of its store going away and coming back (a database server restarted, a network cut): it logs the
/// outage once when it starts and once when it ends, rather than at every retry, and spaces the retries out, from
/// <see cref="FirstWait"/> doubling to <see cref="LongestWait"/>. Jobs leased before the outage come back to some
/// worker when their lease expires, so nothing is lost.
/// </summary>
public sealed class StoreOutage(TimeProvider time, ILogger log)
{
    public static readonly TimeSpan FirstWait = TimeSpan.FromMilliseconds(250);
    public static readonly TimeSpan LongestWait = TimeSpan.FromSeconds(5);

    private readonly Lock _gate = new();
    private int _failures;
    private DateTimeOffset _since;

    /// <summary>Whether <paramref name="exception"/> says the store cannot be reached or answer (rather than a bug).</summary>
    public static bool IsStoreAway(Exception exception) =>
        exception is DbException || exception.InnerException is DbException;

    /// <summary>Records a failed try; logs the outage at its first one.</summary>
    /// <returns>How long to wait before the next try.</returns>
    public TimeSpan Failed(Exception exception)
    {
        int failures;
        lock (_gate)
        {
            failures = ++_failures;
            if (failures == 1) _since = time.GetUtcNow();
        }
        if (failures == 1)
            log.LogError("The store cannot be reached ({Message}); jobs wait until it answers", exception.Message);
        var wait = FirstWait * Math.Pow(2, Math.Min(failures - 1, 8));
        return wait < LongestWait ? wait : LongestWait;
    }

    /// <summary>Records a try that reached the store; logs the end of an outage.</summary>
    public void Answered()
    {
        if (Volatile.Read(ref _failures) == 0) return;
        DateTimeOffset since;
        lock (_gate)
        {
            if (_failures == 0) return;
            _failures = 0;
            since = _since;
        }
        log.LogWarning("The store answers again after {Outage}; jobs resume", time.GetUtcNow() - since);
    }
}
