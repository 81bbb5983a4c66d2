using AngleSharp.Dom;
using Ganss.Xss;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Reduces outside HTML to ForeignDesk's allow-list before it is stored or shown.</summary>
/// <remarks>
/// Allowed: p a[href] em strong b i br ul ol li blockquote h2-h4 figure figcaption img[src,alt].
/// URLs are made absolute against the page; only http and https survive. Links get
/// <c>rel="nofollow noopener"</c> and <c>target="_blank"</c>.
/// </remarks>
public static class ArticleHtmlSanitizer
{
    private const string Wrapper = "section";
    private static readonly HtmlSanitizer Sanitizer = Create();
    private static readonly HtmlSanitizer BlockSanitizer = Create(Wrapper);

    /// <summary>
    /// Sanitizes the blocks of an article. A block written exactly as the extractor writes its own markup passes a
    /// strict allow-list check (<see cref="OwnMarkup.Check"/>) without being parsed again; the rest are sanitized in
    /// one pass (one parse instead of one per block): each is wrapped in an element that the blocks themselves never
    /// contain, and the result is split on it again.
    /// </summary>
    public static IReadOnlyList<string> SanitizeBlocks(IReadOnlyList<string> blocks, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(baseUrl);
        var result = new string[blocks.Count];
        var others = new List<int>();
        for (var i = 0; i < blocks.Count; i++)
        {
            if (OwnMarkup.Check(blocks[i]) is { } clean) result[i] = clean.Trim();
            else others.Add(i);
        }
        if (others.Count == 0) return result;
        var sanitized = SanitizeParsed(others.Select(i => blocks[i]).ToList(), baseUrl);
        for (var k = 0; k < others.Count; k++) result[others[k]] = sanitized[k];
        return result;
    }

    /// <summary>Sanitizes blocks with the full sanitizer, all in one parse.</summary>
    internal static IReadOnlyList<string> SanitizeParsed(IReadOnlyList<string> blocks, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(blocks);
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (blocks.Count == 0) return [];
        if (blocks.Any(b => b.Contains("<" + Wrapper, StringComparison.OrdinalIgnoreCase) || b.Contains("</" + Wrapper, StringComparison.OrdinalIgnoreCase)))
            return blocks.Select(b => SanitizeInline(b, baseUrl)).ToList();
        var open = "<" + Wrapper + ">";
        var close = "</" + Wrapper + ">";
        var joined = string.Concat(blocks.Select(b => open + b + close));
        var clean = BlockSanitizer.Sanitize(joined, baseUrl.AbsoluteUri);
        var parts = clean.Split(close + open);
        if (parts.Length != blocks.Count || !clean.StartsWith(open, StringComparison.Ordinal) || !clean.EndsWith(close, StringComparison.Ordinal))
            return blocks.Select(b => SanitizeInline(b, baseUrl)).ToList();
        parts[0] = parts[0][open.Length..];
        parts[^1] = parts[^1][..^close.Length];
        return parts.Select(p => p.Trim()).ToList();
    }

    public static string SanitizeInline(string html, Uri baseUrl)
    {
        ArgumentNullException.ThrowIfNull(baseUrl);
        if (string.IsNullOrWhiteSpace(html)) return string.Empty;
        return Sanitizer.Sanitize(html, baseUrl.AbsoluteUri).Trim();
    }

    private static HtmlSanitizer Create(string? wrapper = null)
    {
        var options = new HtmlSanitizerOptions
        {
            AllowedTags = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
            {
                "p", "a", "em", "strong", "b", "i", "br", "ul", "ol", "li", "blockquote",
                "h2", "h3", "h4", "figure", "figcaption", "img",
            },
            AllowedAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src", "alt" },
            AllowedSchemes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "http", "https" },
            UriAttributes = new HashSet<string>(StringComparer.OrdinalIgnoreCase) { "href", "src" },
            AllowedCssProperties = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
            AllowedAtRules = new HashSet<AngleSharp.Css.Dom.CssRuleType>(),
            AllowedClasses = new HashSet<string>(StringComparer.OrdinalIgnoreCase),
        };
        if (wrapper is not null) options.AllowedTags.Add(wrapper);
        var sanitizer = new HtmlSanitizer(options) { KeepChildNodes = true };
        sanitizer.RemovingTag += (_, e) =>
        {
            if (e.Tag.LocalName is "script" or "style" or "iframe" or "noscript" or "template" or "object" or "embed"
                or "svg" or "math" or "select" or "textarea" or "button")
            {
                while (e.Tag.FirstChild is { } child) e.Tag.RemoveChild(child);
            }
        };
        sanitizer.PostProcessNode += (_, e) =>
        {
            if (e.Node is not IElement element) return;
            if (element.LocalName == "a")
            {
                if (string.IsNullOrEmpty(element.GetAttribute("href")))
                {
                    foreach (var child in element.ChildNodes.ToArray()) e.ReplacementNodes.Add(child);
                    return;
                }
                element.SetAttribute("rel", "nofollow noopener");
                element.SetAttribute("target", "_blank");
            }
            else if (element.LocalName == "img" && string.IsNullOrEmpty(element.GetAttribute("src")))
            {
                e.ReplacementNodes.Add(e.Document.CreateTextNode(string.Empty));
            }
        };
        return sanitizer;
    }
}
