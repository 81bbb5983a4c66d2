using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Reads the article's metadata from JSON-LD, meta tags and markup, in that order of trust.</summary>
internal sealed partial class MetadataReader(PageDom dom, JsonLdFacts ld, MetaTags meta, Uri pageUrl)
{
    private const int MaxBylineLength = 120;

    private static readonly string[] Separators = [" | ", " - ", " – ", " — ", " · ", " :: ", " » ", " / "];

    public string? SiteName { get; } = Clean(meta.First("og:site_name", "application-name", "twitter:site:name")) ?? Clean(ld.PublisherName);

    /// <summary>
    /// The headline. Declared values come first: JSON-LD <c>headline</c>, then Dublin Core, Open Graph, Twitter and
    /// Parse.ly titles. Without one, a heading that the title element begins with or contains is the headline
    /// without the outlet's name; else the title element, with the outlet's name stripped, unless it is only that
    /// name; else the first heading.
    /// </summary>
    public string Title()
    {
        var headings = dom.Elements.Where(e => e.LocalName == "h1").Select(e => DomWalk.Text(e).TrimEnd('¶', '#', ' ')).Where(t => t.Length > 0).Take(8).ToList();
        var titleElement = dom.Document.Head?.Children.FirstOrDefault(e => e.LocalName == "title") ?? dom.Elements.FirstOrDefault(e => e.LocalName == "title");
        var titleText = titleElement is null ? null : Clean(titleElement.TextContent);
        var matchingHeading = MatchingHeading(headings, titleText);

        if (Clean(ld.Headline) is { } headline) return StripSiteName(headline, SiteName, trusted: true);
        var declared = Clean(meta.First("dc:title", "dc.title", "dcterms:title", "dcterms.title", "og:title", "twitter:title", "parsely-title", "sailthru.title"));
        if (declared is not null) return StripSiteName(declared, SiteName, trusted: false);
        if (matchingHeading is not null) return matchingHeading;
        if (titleText is not null && !IsOutletName(StripSiteName(titleText, SiteName, trusted: false))) return StripSiteName(titleText, SiteName, trusted: false);
        return headings.Count > 0 ? headings[0] : titleText ?? string.Empty;
    }

    /// <summary>The first heading the title element begins with, else the first one it contains (null when none).</summary>
    private static string? MatchingHeading(List<string> headings, string? title)
    {
        if (title is null) return null;
        var key = Letters(title);
        var keys = headings.Select(Letters).ToList();
        var at = keys.FindIndex(k => k.Length > 0 && key.StartsWith(k, StringComparison.Ordinal));
        if (at < 0) at = keys.FindIndex(k => k.Length > 0 && key.Contains(k, StringComparison.Ordinal));
        return at < 0 ? null : headings[at];
    }

    /// <summary>Whether the text only names the outlet: its site name, or its host's name ("The Verge" on theverge.com).</summary>
    private bool IsOutletName(string text)
    {
        var key = Letters(text).Replace(" ", string.Empty, StringComparison.Ordinal);
        if (key.Length == 0) return true;
        if (SiteName is not null && key == Letters(SiteName).Replace(" ", string.Empty, StringComparison.Ordinal)) return true;
        var labels = SiteOf(pageUrl.Host).Split('.');
        return labels.Length > 0 && key == labels[0];
    }

    /// <summary>Whether the name is the outlet's: its site name, its host's name, or the JSON-LD publisher's name.</summary>
    private bool IsOutlet(string name) =>
        IsOutletName(name) || (ld.PublisherName is { } publisher && Letters(publisher) == Letters(name));

    /// <summary>Lower-case letters and digits of the text, words separated by single spaces.</summary>
    private static string Letters(string text)
    {
        var buffer = new System.Text.StringBuilder(text.Length);
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c)) buffer.Append(char.ToLowerInvariant(c));
            else if (buffer.Length > 0 && buffer[^1] != ' ') buffer.Append(' ');
        }
        return buffer.ToString().TrimEnd();
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

    /// <summary>
    /// Who the article is by: JSON-LD authors (people only), else the author meta tags (Dublin Core, <c>author</c>,
    /// Parse.ly, <c>article:author</c> when not a URL), else a JSON-LD author typed as an organization that is not the
    /// outlet (an agency), else the markup (a <c>rel="author"</c> link, an
    /// <c>itemprop="author"</c> element, an element named as a byline or author, or a short element reading as a byline
    /// line, "Par Sébastien Farcis"). Read before the body is located (the markup is whole then). Byline words are
    /// dropped and the names read as <see cref="BylineWords"/> reads them. Never the outlet's name (unless the JSON-LD
    /// types that name a Person: a one-person site), a URL, or the text of an element named for a place.
    /// </summary>
    public string? Byline()
    {
        var names = ld.Authors.Select(Clean).ToList();
        if (names.Count == 0) names = MetaAuthors();
        var cleaned = Names(names);
        if (cleaned.Count == 0) cleaned = Names(ld.AuthorOrganizations.Select(Clean).Where(n => n is not null && !IsOutlet(n)).ToList());
        if (cleaned.Count == 0) cleaned = Names([MarkupByline()]);
        return cleaned.Count == 0 ? null : string.Join(", ", cleaned);
    }

    /// <summary>The names of a byline found elsewhere (a line taken out of the body), by the same rules as <see cref="Byline"/>.</summary>
    public string? BylineOf(string? text) => Names([text]) is { Count: > 0 } names ? string.Join(", ", names) : null;

    private List<string> Names(List<string?> names) => names
        .Select(n => BylineWords.Clean(n ?? string.Empty))
        .Where(n => n.Length > 1 && !n.StartsWith("http", StringComparison.OrdinalIgnoreCase))
        .Where(n => SiteName is null || !string.Equals(n, SiteName, StringComparison.OrdinalIgnoreCase) || IsDeclaredPerson(n))
        .Distinct(StringComparer.OrdinalIgnoreCase)
        .ToList();

    /// <summary>Whether the JSON-LD types the name a Person: then it is the author even when it also names the site.</summary>
    private bool IsDeclaredPerson(string name) =>
        ld.DeclaredPeople.Any(p => string.Equals(BylineWords.Clean(p), name, StringComparison.OrdinalIgnoreCase));

    /// <summary>Every value of the first author meta tag that names someone (several tags of one name list several authors).</summary>
    private List<string?> MetaAuthors()
    {
        foreach (var key in new[] { "dc:creator", "dc.creator", "dcterms:creator", "dcterms.creator", "author", "parsely-author", "article:author", "byl", "sailthru.author" })
        {
            var values = meta.All(key).Select(Clean).Where(v => v is not null && !v.StartsWith("http", StringComparison.OrdinalIgnoreCase)).ToList();
            if (values.Count > 0) return values;
        }
        return [];
    }

    /// <summary>
    /// The first author element in document order (see <see cref="Byline"/>) that names a person (two words or more),
    /// else the first that names anyone (an agency): pages often credit the wire on other stories' teasers too.
    /// </summary>
    private string? MarkupByline()
    {
        string? single = null;
        foreach (var element in dom.Elements)
        {
            if (element.LocalName is "script" or "style" or "nav" or "head" || dom.Stats(element).TextLength is < 2 or > MaxBylineLength) continue;
            var names = DomWalk.ClassAndId(element);
            if (PlaceNames().IsMatch(names)) continue;
            var rel = element.GetAttribute("rel");
            var named = (element.LocalName == "a" && rel is not null && rel.Split(' ').Contains("author"))
                || (element.GetAttribute("itemprop") ?? string.Empty).Split(' ').Contains("author")
                || (BylineNames().IsMatch(names) && !element.Children.Any(c => c.LocalName is "p" or "div" or "img" or "ul" or "ol" or "li" or "figure" or "section"
                    or "h1" or "h2" or "h3" or "h4" or "h5" or "h6"));
            if (!named && (dom.Stats(element).HasBlock || element.LocalName is "a" or "button" or "option" or "label")) continue;
            string? found = null;
            if (named)
            {
                var name = DomWalk.Elements(element).FirstOrDefault(e => e.GetAttribute("itemprop") == "name");
                var places = DomWalk.Elements(element).Where(e => e != element && PlaceNames().IsMatch(DomWalk.ClassAndId(e))).ToHashSet<INode>(ReferenceEqualityComparer.Instance);
                var text = DomWalk.Text(name ?? element, places);
                if (BylineWords.Clean(text).Length > 1) found = BylineWords.Clean(text);
            }
            else if (BylineWords.Read(DomWalk.Text(element), prefixed: true) is { } line && line.Names.Contains(' ', StringComparison.Ordinal) && BylineWords.EndsNames(line.After))
            {
                found = line.Names;
            }
            if (found is null) continue;
            if (found.Contains(' ', StringComparison.Ordinal)) return found;
            single ??= found;
        }
        return single;
    }

    private static readonly string[] PublishedKeys = ["article:published_time", "og:published_time", "datePublished", "pubdate", "publishdate", "parsely-pub-date", "date", "dc.date", "dc:date", "dcterms.created", "sailthru.date"];
    private static readonly string[] ModifiedKeys = ["article:modified_time", "og:updated_time", "dateModified", "last-modified", "dcterms.modified"];

    /// <summary>Machine-readable dates first; without one, a date written in words in the byline or date line.</summary>
    public PageTime? Published(DateTimeOffset fetchedAt) =>
        DateValues.Parse(ld.Published)
        ?? DateValues.Parse(meta.First(PublishedKeys))
        ?? DateValues.Parse(ld.Created)
        ?? DateValues.Parse(TimeElement())
        ?? WrittenDates(fetchedAt).Published
        ?? LineDate(fetchedAt);

    public PageTime? Modified(DateTimeOffset fetchedAt) =>
        DateValues.Parse(ld.Modified)
        ?? DateValues.Parse(meta.First(ModifiedKeys))
        ?? WrittenDates(fetchedAt).Modified;

    /// <summary>
    /// The zone of the page's times written without an offset (see <see cref="PageZone"/>): from the locales it declares
    /// and the offsets of its machine-readable times (JSON-LD, meta tags, <c>&lt;time datetime&gt;</c>).
    /// </summary>
    public PageZone Zone()
    {
        var root = dom.Document.DocumentElement;
        string?[] locales = [root?.GetAttribute("lang"), root?.GetAttribute("xml:lang"), meta.First("og:locale"), ld.Language, meta.First("content-language", "language", "dc.language")];
        var written = new[] { ld.Published, ld.Modified, ld.Created }
            .Concat(PublishedKeys.Concat(ModifiedKeys).SelectMany(meta.All))
            .Concat(dom.Elements.Where(e => e.LocalName == "time").Select(e => e.GetAttribute("datetime")).Take(20));
        return PageZone.Of(Language(), locales, written.Select(DateValues.Parse).OfType<PageTime>());
    }

    /// <summary>
    /// The first published and updated dates written in words in a short date-like element (a class or id naming a
    /// date, time, byline or dateline, or a &lt;time&gt; without datetime); text after an "updated" word counts as the
    /// update. See <see cref="DateWords"/> for what is understood and how zones are handled.
    /// </summary>
    private (PageTime? Published, PageTime? Modified) WrittenDates(DateTimeOffset fetchedAt)
    {
        if (writtenDates is { } known) return known;
        PageTime? published = null, modified = null;
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
            published ??= DateWords.Read(before, fetchedAt);
            if (split is { } parts) modified ??= DateWords.Read(parts.After, fetchedAt);
        }
        writtenDates = (published, modified);
        return (published, modified);
    }

    private (PageTime?, PageTime?)? writtenDates;

    /// <summary>
    /// The date of the first short line of text that is a date, place-and-date or byline-and-date line (see
    /// <see cref="MetadataLines"/>), wherever the page puts it: such lines are left out of the body, so they are read here.
    /// </summary>
    private PageTime? LineDate(DateTimeOffset fetchedAt)
    {
        foreach (var element in dom.Elements)
        {
            if (element.LocalName is not ("p" or "div" or "span" or "small" or "address" or "li" or "header")) continue;
            if (element.Children.Any(c => c.LocalName is not ("span" or "a" or "b" or "strong" or "em" or "i" or "time" or "small" or "br"))) continue;
            var text = element.TextContent;
            if (text.Length is < 8 or > MetadataLines.MaxLength * 2) continue;
            if (MetadataLines.Read(text, fetchedAt) is { Published: { } date }) return date;
        }
        return null;
    }

    private string? TimeElement()
    {
        var times = dom.Elements.Where(e => e.LocalName == "time" && e.HasAttribute("datetime")).ToList();
        var published = times.FirstOrDefault(t => t.GetAttribute("itemprop") == "datePublished" || t.HasAttribute("pubdate"));
        return (published ?? times.FirstOrDefault())?.GetAttribute("datetime");
    }

    /// <summary>
    /// The article's own language: a <c>lang</c> attribute on the body, on an element around it below the root, or on
    /// an element inside it that holds most of its text (an English article inside a German outlet's template), else
    /// the page's.
    /// </summary>
    public string? Language(IElement? body)
    {
        for (var element = body; element is not null && element != dom.Document.DocumentElement; element = element.ParentElement)
        {
            if (NormalizeLanguage(element.GetAttribute("lang")) is { } own) return own;
        }
        if (body is not null)
        {
            var half = dom.Stats(body).TextLength / 2;
            foreach (var inner in dom.Elements)
            {
                if (inner.HasAttribute("lang") && inner != dom.Document.DocumentElement && dom.Stats(inner).TextLength > half && body.Contains(inner)
                    && NormalizeLanguage(inner.GetAttribute("lang")) is { } own) return own;
            }
        }
        return Language();
    }

    /// <summary>The language the page declares: its root's <c>lang</c>, else its locale and language tags.</summary>
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

    [GeneratedRegex(@"byline|by-line|author(?!it)|autor(?!it)|auteur|firma|signature|creator|journalist", RegexOptions.IgnoreCase)]
    private static partial Regex BylineNames();

    [GeneratedRegex(@"(^|[\s_-])(location|place|dateline|city|ort|lieu|lugar|local|luogo|localidade|geo)($|[\s_-])", RegexOptions.IgnoreCase)]
    private static partial Regex PlaceNames();

    [GeneratedRegex(@"date|time|fecha|datum|data|zeit|heure|byline|dateline|posted|published|publicado|publie|pubdate|meta", RegexOptions.IgnoreCase)]
    private static partial Regex DateLineNames();
}
