namespace ForeignDesk.Core;

/// <summary>One engine's use on one UTC day: requests, source characters sent, failures and the last error.</summary>
public sealed record EngineUsage(DateOnly Day, string Engine, long Requests, long Characters, long Failures, string? LastError, DateTimeOffset? LastErrorUtc);

/// <summary>
/// Each translation engine's use per UTC day, counted in the store: a restart neither forgets what was spent of a
/// daily budget nor the failures.
/// </summary>
public interface IEngineUsageStore
{
    /// <summary>Counts one request of <paramref name="characters"/> source characters; a failure when <paramref name="error"/> is given.</summary>
    Task RecordEngineUseAsync(string engine, long characters, string? error, DateTimeOffset atUtc, CancellationToken cancellationToken);

    /// <summary>Every engine's use on <paramref name="day"/>.</summary>
    Task<IReadOnlyList<EngineUsage>> EngineUsageAsync(DateOnly day, CancellationToken cancellationToken);
}
