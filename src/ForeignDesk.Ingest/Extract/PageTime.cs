namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// A time read from a page. <see cref="Zoned"/> tells whether the page gave its offset (or it counts back from the
/// fetch: "2 hours ago"); without one, <see cref="Value"/> holds the clock time as written at offset zero, to be read
/// in the page's zone (<see cref="PageZone"/>).
/// </summary>
internal readonly record struct PageTime(DateTimeOffset Value, bool Zoned);
