using ForeignDesk.Core;

namespace ForeignDesk.Cli.Commands;

/// <summary>One outlet as <c>sources list</c> shows it.</summary>
/// <param name="Language">One code, several ("es,ca"), or null when each article's language is detected.</param>
/// <param name="Policy">How much of its articles the site shows: full, summary, headline, or withdrawn.</param>
internal sealed record SourceLine(string Slug, string Name, string HomeUrl, string? Language, string Category, string TimeZone,
    string Policy, IReadOnlyList<string> Feeds)
{
    /// <param name="policy">The policy the operator stored; none: full.</param>
    public static SourceLine Of(Source source, SourcePolicy? policy) =>
        new(source.Slug, source.Name, source.HomeUrl.AbsoluteUri, source.Language, source.Category, source.TimeZone,
            (policy ?? SourcePolicy.Full).ToString().ToLowerInvariant(), [.. source.FeedUrls.Select(u => u.AbsoluteUri)]);
}
