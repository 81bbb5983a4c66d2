namespace ForeignDesk.Core;

/// <summary>
/// What the outlet's page asks of those who show it, read when the page is fetched and extracted: the robots meta
/// (<c>&lt;meta name="robots"&gt;</c>, <c>googlebot</c>), the <c>X-Robots-Tag</c> header, and <c>notranslate</c> from
/// <c>&lt;meta name="google" content="notranslate"&gt;</c> or <c>translate="no"</c> on the html or body element.
/// </summary>
[Flags]
public enum PublisherDirectives
{
    None = 0,

    /// <summary><c>noarchive</c>: no copy kept for later.</summary>
    NoArchive = 1,

    /// <summary><c>nosnippet</c>: no text of it shown in results.</summary>
    NoSnippet = 2,

    /// <summary><c>noindex</c> (or <c>none</c>): not to be listed by search engines.</summary>
    NoIndex = 4,

    /// <summary><c>notranslate</c>: not to be offered in translation.</summary>
    NoTranslate = 8,
}
