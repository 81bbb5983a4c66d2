namespace ForeignDesk.Core;

/// <summary>An outlet that ForeignDesk follows.</summary>
/// <param name="Language">
/// ISO 639-1 code of the outlet's language, several separated by commas ("es,ca"), or null ("auto") to detect it per
/// article; see <see cref="SourceLanguages"/>.
/// </param>
/// <param name="TimeZone">IANA time zone of the outlet, used to show its local times.</param>
public sealed record Source(
    long Id,
    string Slug,
    string Name,
    Uri HomeUrl,
    IReadOnlyList<Uri> FeedUrls,
    string? Language,
    string Category,
    string TimeZone)
{
    /// <summary>The configured languages, first the main one; empty when each article's language is detected.</summary>
    public IReadOnlyList<string> Languages => SourceLanguages.Parse(Language);
}
