using System.Collections.Concurrent;

namespace ForeignDesk.Core;

/// <summary>
/// IANA time zones by id, looked up once each: <see cref="TimeZoneInfo.TryFindSystemTimeZoneById"/> takes a
/// process-wide lock on every call, which pages that show local times would otherwise queue on.
/// </summary>
public static class TimeZones
{
    /// <summary>More distinct ids than this are looked up each time instead of kept (ids come from stored data).</summary>
    private const int MaxKept = 1_000;

    private static readonly ConcurrentDictionary<string, TimeZoneInfo?> Known = new(StringComparer.Ordinal);

    /// <summary>The zone with this id, or null when the system knows none by it.</summary>
    public static TimeZoneInfo? Find(string? id)
    {
        if (string.IsNullOrEmpty(id)) return null;
        if (Known.TryGetValue(id, out var zone)) return zone;
        zone = TimeZoneInfo.TryFindSystemTimeZoneById(id, out var found) ? found : null;
        if (Known.Count < MaxKept) Known.TryAdd(id, zone);
        return zone;
    }
}
