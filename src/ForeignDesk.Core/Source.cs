namespace ForeignDesk.Core;

/// <summary>An outlet that ForeignDesk follows.</summary>
/// <param name="Language">ISO 639-1 code of the outlet's language, or null to detect it per article.</param>
/// <param name="TimeZone">IANA time zone of the outlet, used to show its local times.</param>
public sealed record Source(
    long Id,
    string Slug,
    string Name,
    Uri HomeUrl,
    IReadOnlyList<Uri> FeedUrls,
    string? Language,
    string Category,
    string TimeZone);
