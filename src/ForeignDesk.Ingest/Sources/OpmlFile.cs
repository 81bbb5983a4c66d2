using System.Xml;
using System.Xml.Linq;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Sources;

/// <summary>
/// Reads and writes lists of sources as OPML 2.0. Each outline with an <c>xmlUrl</c> is a feed; outlines of one
/// source (same name and home URL) are merged. Folders (outlines without <c>xmlUrl</c>) give the category of the
/// feeds inside them unless a feed names its own. The outlet's time zone travels in <c>foreigndesk:timezone</c>. The
/// <c>language</c> attribute holds one code, several separated by commas ("es,ca"), or "auto".
/// </summary>
public static class OpmlFile
{
    public const string Namespace = "urn:foreigndesk:opml:1";
    public const string DefaultCategory = "World";
    public const string DefaultTimeZone = "UTC";

    private static readonly XNamespace Fd = Namespace;

    public static IReadOnlyList<SourceDraft> Read(Stream s)
    {
        ArgumentNullException.ThrowIfNull(s);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Ignore,
            XmlResolver = null,
            IgnoreComments = true,
        };
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(s, settings);
            document = XDocument.Load(reader);
        }
        catch (XmlException ex)
        {
            throw new FormatException($"not a valid OPML file: {ex.Message}", ex);
        }

        var body = document.Root?.Element("body")
            ?? throw new FormatException("not a valid OPML file: no <opml><body> element");
        var drafts = new List<SourceDraft>();
        Collect(body, folder: null, drafts);
        return drafts;
    }

    public static void Write(IEnumerable<Source> sources, Stream s)
    {
        ArgumentNullException.ThrowIfNull(sources);
        ArgumentNullException.ThrowIfNull(s);
        var body = new XElement("body");
        foreach (var source in sources)
        {
            foreach (var feed in source.FeedUrls)
            {
                body.Add(Outline(source, feed));
            }
        }

        var document = new XDocument(
            new XDeclaration("1.0", "utf-8", null),
            new XElement(
                "opml",
                new XAttribute("version", "2.0"),
                new XAttribute(XNamespace.Xmlns + "foreigndesk", Namespace),
                new XElement("head", new XElement("title", "ForeignDesk sources")),
                body));
        using var writer = XmlWriter.Create(s, new XmlWriterSettings { Indent = true, CloseOutput = false });
        document.Save(writer);
    }

    private static XElement Outline(Source source, Uri feed)
    {
        var outline = new XElement(
            "outline",
            new XAttribute("type", "rss"),
            new XAttribute("text", source.Name),
            new XAttribute("title", source.Name),
            new XAttribute("xmlUrl", feed.AbsoluteUri),
            new XAttribute("htmlUrl", source.HomeUrl.AbsoluteUri));
        if (source.Language is not null)
        {
            outline.Add(new XAttribute("language", source.Language));
        }

        outline.Add(new XAttribute("category", source.Category));
        outline.Add(new XAttribute(Fd + "timezone", source.TimeZone));
        return outline;
    }

    private static void Collect(XElement parent, string? folder, List<SourceDraft> drafts)
    {
        foreach (var outline in parent.Elements("outline"))
        {
            var name = Attribute(outline, "text") ?? Attribute(outline, "title");
            var xmlUrl = Attribute(outline, "xmlUrl");
            if (xmlUrl is null)
            {
                Collect(outline, name ?? folder, drafts);
                continue;
            }

            if (!Uri.TryCreate(xmlUrl, UriKind.Absolute, out var feedUrl))
            {
                throw new FormatException($"not a valid OPML file: xmlUrl '{xmlUrl}' is not an absolute URL");
            }

            var home = Attribute(outline, "htmlUrl") is { } html && Uri.TryCreate(html, UriKind.Absolute, out var homeUrl)
                ? homeUrl
                : new Uri(feedUrl.GetLeftPart(UriPartial.Authority) + "/");
            var draft = new SourceDraft(
                name ?? home.Host,
                home,
                [feedUrl],
                SourceLanguages.Normalize(Attribute(outline, "language")),
                CategoryOf(Attribute(outline, "category")) ?? folder ?? DefaultCategory,
                Attribute(outline, Fd + "timezone") ?? DefaultTimeZone);
            Merge(drafts, draft);
        }
    }

    private static void Merge(List<SourceDraft> drafts, SourceDraft draft)
    {
        var index = drafts.FindIndex(d => d.Name == draft.Name && d.HomeUrl == draft.HomeUrl);
        if (index < 0)
        {
            drafts.Add(draft);
            return;
        }

        var existing = drafts[index];
        if (!existing.FeedUrls.Contains(draft.FeedUrls[0]))
        {
            drafts[index] = existing with { FeedUrls = [.. existing.FeedUrls, draft.FeedUrls[0]] };
        }
    }

    /// <summary>OPML categories are comma-separated slash paths; the first path's last segment is ours.</summary>
    private static string? CategoryOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var first = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).FirstOrDefault();
        var segment = first?.Split('/', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
        return string.IsNullOrEmpty(segment) ? null : segment;
    }

    private static string? Attribute(XElement element, XName name)
    {
        var value = element.Attribute(name)?.Value.Trim();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
