using AngleSharp.Dom;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Reads what an outlet's page asks of those who show it (<see cref="PublisherDirectives"/>): the robots meta
/// (<c>robots</c>, and <c>googlebot</c>, the crawler whose directives outlets write for news), the
/// <c>X-Robots-Tag</c> header (lines for all crawlers or for <c>googlebot</c>; lines for other crawlers are
/// ignored), <c>&lt;meta name="google" content="notranslate"&gt;</c>, and <c>translate="no"</c> on the html or body element.
/// </summary>
internal static class PublisherDirectiveReader
{
    private static readonly string[] Crawlers = ["robots", "googlebot", "googlebot-news"];

    public static PublisherDirectives Read(IEnumerable<IElement> elements, string? robotsHeader)
    {
        var directives = FromHeader(robotsHeader);
        foreach (var element in elements)
        {
            switch (element.LocalName)
            {
                case "meta":
                    var name = element.GetAttribute("name")?.Trim();
                    var content = element.GetAttribute("content");
                    if (name is null || content is null) break;
                    if (Crawlers.Contains(name, StringComparer.OrdinalIgnoreCase)) directives |= FromList(content);
                    else if (name.Equals("google", StringComparison.OrdinalIgnoreCase)) directives |= FromList(content) & PublisherDirectives.NoTranslate;
                    break;
                case "html" or "body":
                    if (string.Equals(element.GetAttribute("translate")?.Trim(), "no", StringComparison.OrdinalIgnoreCase))
                        directives |= PublisherDirectives.NoTranslate;
                    break;
            }
        }
        return directives;
    }

    /// <summary>
    /// The header's values (several headers arrive joined by commas or as separate lines): <c>noindex, nosnippet</c>,
    /// <c>googlebot: noarchive</c>; <c>otherbot: noindex</c> is not for us.
    /// </summary>
    internal static PublisherDirectives FromHeader(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return PublisherDirectives.None;
        var directives = PublisherDirectives.None;
        var forUs = true;
        foreach (var raw in header.Split([',', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var part = raw;
            var colon = part.IndexOf(':', StringComparison.Ordinal);
            // "googlebot: noindex" names a crawler; "unavailable_after: 2026-12-01" is a directive with a value.
            if (colon > 0 && !part[..colon].Contains('_', StringComparison.Ordinal) && !part[..colon].Contains(' ', StringComparison.Ordinal))
            {
                var crawler = part[..colon].Trim();
                forUs = crawler == "*" || Crawlers.Contains(crawler, StringComparer.OrdinalIgnoreCase);
                part = part[(colon + 1)..];
            }
            if (forUs) directives |= FromList(part);
        }
        return directives;
    }

    private static PublisherDirectives FromList(string content)
    {
        var directives = PublisherDirectives.None;
        foreach (var token in content.Split([',', ' ', ';'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            directives |= token.ToLowerInvariant() switch
            {
                "noarchive" => PublisherDirectives.NoArchive,
                "nosnippet" => PublisherDirectives.NoSnippet,
                "noindex" or "none" => PublisherDirectives.NoIndex,
                "notranslate" => PublisherDirectives.NoTranslate,
                _ => PublisherDirectives.None,
            };
        }
        return directives;
    }
}
