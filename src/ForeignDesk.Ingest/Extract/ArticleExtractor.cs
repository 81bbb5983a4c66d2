using System.Net;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Extracts an article from a fetched page: metadata from JSON-LD and meta tags, the body from explicit markers or
/// text-density scoring, boilerplate dropped, inline markup sanitized. Pure, thread-safe and reusable.
/// </summary>
public sealed class ArticleExtractor : IArticleExtractor
{
    private const int SniffBytes = 8192;
    private const int RetryBelow = 250;

    /// <summary>One parser per thread, reused from page to page (as the parse-only baseline reuses its own).</summary>
    [ThreadStatic]
    private static HtmlParser? parser;

    public ExtractOutcome Extract(FetchedPage page)
    {
        ArgumentNullException.ThrowIfNull(page);
        if (page.Body is null || page.Body.AsSpan().IndexOfAnyExcept(" \n\r\t"u8) < 0)
            return ExtractOutcome.Failed(ExtractFailure.Empty, "The page body is empty.");
        if (!IsHtmlType(page.ContentType, page.Body))
            return ExtractOutcome.Failed(ExtractFailure.NotHtml, $"Content type '{page.ContentType}' is not HTML.");
        if (LooksBinary(page.Body))
            return ExtractOutcome.Failed(ExtractFailure.NotHtml, "The body is binary data, not HTML.");

        var html = HtmlDecoding.Decode(page.Body, page.ContentType);
        if (!html.Contains('<'))
            return ExtractOutcome.Failed(ExtractFailure.NotHtml, "The body contains no markup.");

        parser ??= new HtmlParser(new HtmlParserOptions { IsScripting = false });
        var document = parser.ParseDocument(NestingLimiter.Limit(html));
        return Extract(document, page.FinalUrl, page.FetchedAt, page.RobotsTag);
    }

    private static ExtractOutcome Extract(IHtmlDocument document, Uri url, DateTimeOffset fetchedAt, string? robotsTag)
    {
        var dom = new PageDom(document);
        var directives = PublisherDirectiveReader.Read(dom.Elements, robotsTag);
        var ld = JsonLdReader.Read(dom.Elements
            .Where(e => e.LocalName == "script" && string.Equals(e.GetAttribute("type")?.Trim(), "application/ld+json", StringComparison.OrdinalIgnoreCase))
            .Select(e => e.TextContent));
        var meta = new MetaTags(dom.Elements);
        var reader = new MetadataReader(dom, ld, meta, url);
        var title = reader.Title();
        var byline = reader.Byline();
        var leadImage = ImageReader.Read(dom, ld, meta, url);
        var image = leadImage.Image;
        var zone = reader.Zone();
        var modified = zone.Read(reader.Modified(fetchedAt));

        var lead = BodyLocator.ExcludeChrome(dom);
        var (body, paragraphs) = BodyChoice.Choose(dom, url);
        var bodyDom = dom;
        if (paragraphs.Sum(p => p.Text.Length) < RetryBelow)
        {
            // Class names hid the body (a "widget" or "sidebar" frame around it): try again trusting tags only.
            var plain = new PageDom(document);
            BodyLocator.ExcludeChrome(plain, byName: false);
            var (plainBody, lenient) = BodyChoice.Choose(plain, url);
            if (lenient.Sum(p => p.Text.Length) > 2 * paragraphs.Sum(p => p.Text.Length)) (paragraphs, lead, body, bodyDom) = (lenient, null, plainBody, plain);
        }
        paragraphs = PreferJsonLdBody(paragraphs, ld.ArticleBody, url);
        if (paragraphs.Count == 0)
        {
            return ExtractOutcome.Failed(ExtractFailure.NoArticleBody,
                "No article body found: no element held enough paragraph text and the page has no JSON-LD articleBody.");
        }

        (paragraphs, var leadText, var lineFacts) = BodyEdits.WithoutMetadataLines(paragraphs, lead is null ? null : DomWalk.Text(lead), fetchedAt);
        byline ??= reader.BylineOf(lineFacts.Byline);
        var published = zone.Read(reader.Published(fetchedAt) ?? lineFacts.Published);
        var description = MetadataReader.Clean(ld.Description)
            ?? MetadataReader.Clean(meta.First("og:description", "twitter:description", "description"));
        paragraphs = BodyEdits.WithoutRepeats(paragraphs, MetadataReader.Clean(leadText), title, byline, image?.Caption);
        if (paragraphs.Count == 0)
            return ExtractOutcome.Failed(ExtractFailure.NoArticleBody, "No article body found: the page holds only its headline and teaser.");
        var teaser = BodyEdits.Teaser(paragraphs, description, MetadataReader.Clean(leadText), image?.Caption, fetchedAt);

        var clean = ArticleHtmlSanitizer.SanitizeBlocks(paragraphs.Select(p => p.Html).ToList(), url);
        paragraphs = paragraphs.Select((p, i) => p with { Html = clean[i] }).ToList();
        var article = new ExtractedArticle(
            Title: title.Length > 0 ? title : paragraphs[0].Text[..Math.Min(paragraphs[0].Text.Length, 120)],
            Teaser: teaser,
            Paragraphs: paragraphs,
            Byline: byline,
            Published: published.Value,
            Modified: modified.Value,
            Language: reader.Language(body.FirstOrDefault()),
            CanonicalUrl: reader.CanonicalUrl(),
            Section: reader.Section(title),
            Image: image,
            Keywords: reader.Keywords())
        {
            Images = BodyImages.Place(BodyImages.Read(body, bodyDom, ld, url, leadImage), paragraphs),
            TeaserOnly = PaywallSigns.OnlyTeaser(bodyDom, paragraphs),
            PublishedZone = published.Basis,
            ModifiedZone = modified.Basis,
            Robots = directives,
        };
        return ExtractOutcome.Success(BidiControls.StripFrom(article));
    }

    /// <summary>Uses JSON-LD articleBody when the markup gave much less text (or none): some pages carry only that.</summary>
    private static List<Paragraph> PreferJsonLdBody(List<Paragraph> paragraphs, string? articleBody, Uri url)
    {
        if (string.IsNullOrWhiteSpace(articleBody)) return paragraphs;
        var markupLength = paragraphs.Sum(p => p.Text.Length);
        var bodyLength = DomWalk.Collapse(articleBody).Length;
        if (markupLength > 0 && (bodyLength < 200 || markupLength >= bodyLength / 2)) return paragraphs;

        if (articleBody.Contains("</p>", StringComparison.OrdinalIgnoreCase) || articleBody.Contains("<br", StringComparison.OrdinalIgnoreCase))
        {
            var fragment = new HtmlParser().ParseDocument("<html><body>" + articleBody + "</body></html>");
            var dom = new PageDom(fragment);
            BodyLocator.ExcludeChrome(dom);
            return fragment.Body is null ? paragraphs : BlockWriter.Write([fragment.Body], dom, url);
        }
        return articleBody.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
            .Select(line => DomWalk.Collapse(WebUtility.HtmlDecode(line)))
            .Where(line => line.Length > 0)
            .Select(line => new Paragraph("p", OwnMarkup.EncodeText(line), line))
            .ToList();
    }

    private static bool IsHtmlType(string? contentType, byte[] body)
    {
        if (string.IsNullOrWhiteSpace(contentType)) return true;
        var mediaType = contentType.Split(';')[0].Trim().ToLowerInvariant();
        if (mediaType is "text/html" or "application/xhtml+xml" or "application/xml" or "text/xml") return true;
        if (mediaType is not ("text/plain" or "application/octet-stream" or "")) return false;
        var head = System.Text.Encoding.Latin1.GetString(body, 0, Math.Min(body.Length, SniffBytes)).TrimStart();
        return head.StartsWith("<!doctype html", StringComparison.OrdinalIgnoreCase) || head.StartsWith("<html", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Control bytes that text never contains (NUL and friends) in the first few kilobytes mark binary data.</summary>
    private static bool LooksBinary(byte[] body)
    {
        var length = Math.Min(body.Length, SniffBytes);
        if (length >= 2 && ((body[0] == 0xFF && body[1] == 0xFE) || (body[0] == 0xFE && body[1] == 0xFF))) return false;
        var control = 0;
        for (var i = 0; i < length; i++)
        {
            var b = body[i];
            if (b < 0x09 || b is 0x0B or 0x0E or 0x0F || (b > 0x0F && b < 0x20 && b != 0x1B)) control++;
        }
        return control > Math.Max(1, length / 100);
    }
}
