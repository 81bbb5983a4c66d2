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

    /// <summary>Whether the id names UTC itself ("UTC", "Etc/UTC"): a source's default zone, which says nothing about where it is.</summary>
    public static bool IsUtc(string? id) => id is "UTC" or "Etc/UTC" or "Etc/UCT" or "UCT" or "Etc/GMT" or "GMT" or "Etc/Universal" or "Universal" or "Zulu";

    /// <summary>
    /// The instant a clock in the zone showed this time, with the zone's offset then (summer time included). A time the
    /// spring change skips (02:30 on the night clocks go from 02:00 to 03:00) is read with the offset before the change;
    /// a time the autumn change shows twice is read as the first of the two (still summer time).
    /// </summary>
    public static DateTimeOffset ReadClock(DateTime clock, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(zone);
        var local = DateTime.SpecifyKind(clock, DateTimeKind.Unspecified);
        if (zone.IsAmbiguousTime(local)) return new DateTimeOffset(local, zone.GetAmbiguousTimeOffsets(local).Max());
        if (zone.IsInvalidTime(local)) return new DateTimeOffset(local, zone.GetUtcOffset(local.AddHours(-3)));
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
