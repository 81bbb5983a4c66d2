using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Reads the article's metadata from JSON-LD, meta tags and markup, in that order of trust.</summary>
internal sealed partial class MetadataReader(PageDom dom, JsonLdFacts ld, MetaTags meta, Uri pageUrl)
{
    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "];

    public string? SiteName { get; } = Clean(meta.First("og:site_name", "application-name", "twitter:site:name")) ?? Clean(ld.PublisherName);

    public string Title()
    {
        var h1 = dom.Elements.FirstOrDefault(e => e.LocalName == "h1" && DomWalk.Text(e).Length > 0);
        var titleElement = dom.Document.Head?.Children.FirstOrDefault(e => e.LocalName == "title");
        var candidates = new (string? Text, bool Trusted)[]
        {
            (Clean(ld.Headline), true),
            (Clean(meta.First("og:title", "twitter:title")), false),
            (h1 is null ? null : DomWalk.Text(h1), true),
            (titleElement is null ? null : DomWalk.Text(titleElement), false),
        };
        foreach (var (text, trusted) in candidates)
        {
            if (!string.IsNullOrWhiteSpace(text)) return StripSiteName(text, SiteName, trusted);
        }
        return string.Empty;
    }

    internal static string StripSiteName(string title, string? siteName, bool trusted)
    {
        foreach (var separator in Separators)
        {
            if (siteName is { Length: > 0 })
            {
                if (title.EndsWith(separator + siteName, StringComparison.OrdinalIgnoreCase)) return title[..^(separator.Length + siteName.Length)].Trim();
                if (title.StartsWith(siteName + separator, StringComparison.OrdinalIgnoreCase)) return title[(siteName.Length + separator.Length)..].Trim();
            }
        }
        if (trusted) return title;
        foreach (var separator in Separators)
        {
            var at = title.LastIndexOf(separator, StringComparison.Ordinal);
            if (at <= 0) continue;
            var head = title[..at].Trim();
            var tail = title[(at + separator.Length)..].Trim();
            if (WordCount(tail) <= 4 && WordCount(head) >= 3) return head;
        }
        return title;
    }

    public string? Byline()
    {
        var names = ld.Authors.Select(Clean).ToList();
        if (names.Count == 0) names.Add(Clean(meta.First("author", "article:author", "dc.creator", "sailthru.author")));
        if (names.All(string.IsNullOrEmpty))
        {
            foreach (var element in dom.Elements)
            {
                var rel = element.GetAttribute("rel");
                var isAuthorLink = element.LocalName == "a" && rel is not null && rel.Split(' ').Contains("author");
                var isByline = !isAuthorLink && BylineNames().IsMatch(DomWalk.ClassAndId(element)) && !element.Children.Any(c => c.LocalName is "p" or "div" or "img");
                if (!isAuthorLink && !isByline && element.GetAttribute("itemprop") != "author") continue;
                var text = DomWalk.Text(element);
                if (text.Length is > 1 and < 100)
                {
                    names.Add(text);
                    break;
                }
            }
        }
        var cleaned = names
            .Select(n => StripByPrefix(n ?? string.Empty))
            .Where(n => n.Length > 1 && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            .Where(n => SiteName is null || !string.Equals(n, SiteName, StringComparison.OrdinalIgnoreCase))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();
        return cleaned.Count == 0 ? null : string.Join(", ", cleaned);
    }

    internal static string StripByPrefix(string name) => DomWalk.Collapse(ByPrefix().Replace(DomWalk.Collapse(name), string.Empty));

    /// <summary>Machine-readable dates first; without one, a date written in words in the byline or date line.</summary>
    public DateTimeOffset? Published(DateTimeOffset fetchedAt) =>
        DateValues.Parse(ld.Published)
        ?? DateValues.Parse(meta.First("article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "date", "dc.date", "dcterms.created", "sailthru.date"))
        ?? DateValues.Parse(TimeElement())
        ?? WrittenDates(fetchedAt).Published;

    public DateTimeOffset? Modified(DateTimeOffset fetchedAt) =>
        DateValues.Parse(ld.Modified)
        ?? DateValues.Parse(meta.First("article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified"))
        ?? WrittenDates(fetchedAt).Modified;

    /// <summary>
    /// The first published and updated dates written in words in a short date-like element (a class or id naming a
    /// date, time, byline or dateline, or a &lt;time&gt; without datetime); text after an "updated" word counts as the
    /// update. See <see cref="DateWords"/> for what is understood and how zones are handled.
    /// </summary>
    private (DateTimeOffset? Published, DateTimeOffset? Modified) WrittenDates(DateTimeOffset fetchedAt)
    {
        if (writtenDates is { } known) return known;
        DateTimeOffset? published = null, modified = null;
        foreach (var element in dom.Elements)
        {
            if (published is not null && modified is not null) break;
            if (element.LocalName is "script" or "style" or "nav" or "footer") continue;
            var isDateElement = element.LocalName == "time"
                || element.GetAttribute("itemprop") is "datePublished" or "dateModified"
                || DateLineNames().IsMatch(DomWalk.ClassAndId(element));
            if (!isDateElement) continue;
            var text = DomWalk.Text(element);
            if (text.Length is < 4 or > 200) continue;
            var split = DateWords.SplitAtUpdate(text);
            var before = split?.Before ?? text;
            published ??= DateWords.Parse(before, fetchedAt);
            if (split is { } parts) modified ??= DateWords.Parse(parts.After, fetchedAt);
        }
        writtenDates = (published, modified);
        return (published, modified);
    }

    private (DateTimeOffset?, DateTimeOffset?)? writtenDates;

    private string? TimeElement()
    {
        var times = dom.Elements.Where(e => e.LocalName == "time" && e.HasAttribute("datetime")).ToList();
        var published = times.FirstOrDefault(t => t.GetAttribute("itemprop") == "datePublished" || t.HasAttribute("pubdate"));
        return (published ?? times.FirstOrDefault())?.GetAttribute("datetime");
    }

    public string? Language() =>
        NormalizeLanguage(dom.Document.DocumentElement?.GetAttribute("lang"))
        ?? NormalizeLanguage(dom.Document.DocumentElement?.GetAttribute("xml:lang"))
        ?? NormalizeLanguage(meta.First("og:locale"))
        ?? NormalizeLanguage(ld.Language)
        ?? NormalizeLanguage(meta.First("content-language", "language", "dc.language"));

    internal static string? NormalizeLanguage(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var primary = value.Trim().Split('-', '_', ',', ';')[0].Trim().ToLowerInvariant();
        return primary.Length == 2 && primary.All(char.IsAsciiLetterLower) ? primary : null;
    }

    public string? CanonicalUrl()
    {
        var link = dom.Elements.FirstOrDefault(e => e.LocalName == "link" && (e.GetAttribute("rel") ?? string.Empty)
            .Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains("canonical", StringComparer.OrdinalIgnoreCase));
        return SameSiteUrl(link?.GetAttribute("href")) ?? SameSiteUrl(meta.First("og:url"));
    }

    private string? SameSiteUrl(string? href)
    {
        if (string.IsNullOrWhiteSpace(href) || !Uri.TryCreate(pageUrl, href.Trim(), out var url)) return null;
        if (url.Scheme != Uri.UriSchemeHttp && url.Scheme != Uri.UriSchemeHttps) return null;
        return SiteOf(url.Host) == SiteOf(pageUrl.Host) ? url.AbsoluteUri : null;
    }

    /// <summary>The host without "www.", "m." or "amp." in front: enough to tell an outlet's own URLs from others.</summary>
    private static string SiteOf(string host)
    {
        var lower = host.ToLowerInvariant();
        foreach (var prefix in new[] { "www.", "m.", "amp.", "mobile." })
        {
            if (lower.StartsWith(prefix, StringComparison.Ordinal)) return lower[prefix.Length..];
        }
        return lower;
    }

    /// <summary>
    /// The outlet's section for the article. Precedence: what the page declares about the article itself comes
    /// first, JSON-LD <c>articleSection</c> and then the <c>article:section</c> meta tag (and its kin); a breadcrumb
    /// trail is navigation, so it is used only when no section is declared or the declared one names none ("News", the
    /// outlet's name, "Home"). Among trails, JSON-LD BreadcrumbList comes before microdata and microdata before plain
    /// breadcrumb markup; the trail's most specific step that is not home, the outlet or the article itself is taken.
    /// </summary>
    public string? Section(string title)
    {
        var declared = Clean(ld.Section) ?? Clean(meta.First("article:section", "section", "parsely-section", "sailthru.section"));
        if (declared is not null && !Breadcrumbs.IsGeneric(declared, SiteName)) return declared;
        if (Breadcrumbs.Section(ld.Breadcrumb, title, SiteName, pageUrl) is { } fromJsonLd) return fromJsonLd;
        var (microdata, navigation) = Breadcrumbs.Locate(dom);
        return Breadcrumbs.Section(Breadcrumbs.Microdata(microdata), title, SiteName, pageUrl)
            ?? Breadcrumbs.Section(Breadcrumbs.Navigation(navigation), title, SiteName, pageUrl)
            ?? declared;
    }

    public IReadOnlyList<string> Keywords()
    {
        var all = ld.Keywords
            .Concat((meta.First("news_keywords") ?? string.Empty).Split(','))
            .Concat(meta.All("article:tag"));
        return all.Select(k => DomWalk.Collapse(WebUtility.HtmlDecode(k)))
            .Where(k => k.Length is > 0 and < 80)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Take(30)
            .ToList();
    }

    internal static string? Clean(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var text = DomWalk.Collapse(WebUtility.HtmlDecode(value));
        return text.Length == 0 ? null : text;
    }

    private static int WordCount(string text) => text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    [GeneratedRegex(@"^(by|por|par|von|door|przez|автор:?)\s+", RegexOptions.IgnoreCase)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"(^|[\s_-])(byline|author|author-name|autor|auteur|firma|signature)($|[\s_-])")]
    private static partial Regex BylineNames();

    [GeneratedRegex(@"date|time|fecha|datum|data|zeit|heure|byline|dateline|posted|published|publicado|publie|pubdate|meta", RegexOptions.IgnoreCase)]
    private static partial Regex DateLineNames();
}
