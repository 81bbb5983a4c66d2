using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Translates an extracted article into English: title, teaser and image captions in one plain-text request, the
/// paragraphs (whole paragraphs, inline markup kept) in one HTML request. Paragraphs map one to one. The engine
/// is used through the <see cref="TranslationStack"/>: units already in the translation memory are not sent.
/// </summary>
public sealed class ArticleTranslator
{
    public const string Target = "en";

    private readonly TranslationStack stack;

    public ArticleTranslator() : this(TranslationStack.Plain)
    {
    }

    public ArticleTranslator(TranslationStack stack) => this.stack = stack;

    public Task<TranslatedArticle> TranslateAsync(ExtractedArticle article, string from, ITranslationEngine engine, CancellationToken ct) =>
        TranslateAsync(article, from, null, engine, ct);

    /// <param name="source">The source's slug, for the glossary entries of that source.</param>
    public async Task<TranslatedArticle> TranslateAsync(
        ExtractedArticle article, string from, string? source, ITranslationEngine engine, CancellationToken ct)
    {
        var units = stack.For(engine, from, source);
        var caption = article.Image?.Caption;
        List<string> heads = [article.Title, article.Teaser ?? "", caption ?? ""];
        // Captions of the body images follow in the same plain-text request, one segment each.
        var captioned = article.Images.Select((image, index) => (image.Caption, Index: index)).Where(c => !string.IsNullOrWhiteSpace(c.Caption)).ToList();
        heads.AddRange(captioned.Select(c => c.Caption!));
        var headResult = await units.TranslateAsync(new TranslationRequest(from, Target, heads, SegmentFormat.Text), ct);
        Expect(headResult, heads.Count);

        var paragraphs = new List<Paragraph>(article.Paragraphs.Count);
        double unknownShare = headResult.UnknownWordShare;
        var version = headResult.EngineVersion;
        if (article.Paragraphs.Count > 0)
        {
            var bodies = article.Paragraphs.Select(p => p.Html).ToList();
            var bodyResult = await units.TranslateAsync(new TranslationRequest(from, Target, bodies, SegmentFormat.Html), ct);
            Expect(bodyResult, bodies.Count);
            // An engine's HTML is outside HTML, as a page's is: the same allow-list, links kept only to http(s).
            var clean = ArticleHtmlSanitizer.SanitizeBlocks(bodyResult.Segments, BaseUrl(article));
            for (var i = 0; i < article.Paragraphs.Count; i++)
            {
                var html = clean[i];
                paragraphs.Add(new Paragraph(article.Paragraphs[i].Kind, html, InlineHtml.PlainText(html)));
            }
            unknownShare = WeightedShare(heads, headResult.UnknownWordShare, bodies, bodyResult.UnknownWordShare);
            version = bodyResult.EngineVersion ?? version;
        }

        var sourceChars = heads.Sum(h => h.Length) + article.Paragraphs.Sum(p => InlineHtml.PlainText(p.Html).Length);
        var targetChars = headResult.Segments.Sum(h => h.Length) + paragraphs.Sum(p => p.Text.Length);
        var imageCaptions = new string?[article.Images.Count];
        for (var i = 0; i < captioned.Count; i++) imageCaptions[captioned[i].Index] = headResult.Segments[3 + i];
        return BidiControls.StripFrom(new TranslatedArticle(
            headResult.Segments[0],
            article.Teaser is null ? null : headResult.Segments[1],
            paragraphs,
            caption is null ? null : headResult.Segments[2],
            headResult.Engine,
            headResult.Route,
            unknownShare,
            sourceChars == 0 ? 0 : Math.Round((double)targetChars / sourceChars, 3))
        {
            ImageCaptions = imageCaptions,
            EngineVersion = version,
            // Checked once, here: every page view of the article reads the result.
            Checks = TranslationChecks.Paragraphs(article.Paragraphs, paragraphs, from, stack.Glossary?.For(from, source).Names),
        });
    }

    /// <summary>Where relative links of the engine's HTML point: the article's canonical URL, else nowhere useful.</summary>
    private static Uri BaseUrl(ExtractedArticle article) =>
        Uri.TryCreate(article.CanonicalUrl, UriKind.Absolute, out var url) && url.Scheme is "http" or "https" ? url : NoBase;

    private static readonly Uri NoBase = new("https://translation.invalid/");

    private static void Expect(TranslationResult result, int count)
    {
        if (result.Segments.Count != count)
            throw new TranslationException($"{result.Engine} returned {result.Segments.Count} segments for {count}.");
    }

    /// <summary>The two requests' unknown-word shares, weighted by their length.</summary>
    private static double WeightedShare(IReadOnlyList<string> heads, double headShare, IReadOnlyList<string> bodies, double bodyShare)
    {
        double headLength = heads.Sum(s => s.Length);
        double bodyLength = bodies.Sum(s => InlineHtml.PlainText(s).Length);
        var total = headLength + bodyLength;
        return total == 0 ? 0 : (headShare * headLength + bodyShare * bodyLength) / total;
    }
}
