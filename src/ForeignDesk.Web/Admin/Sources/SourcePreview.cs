using ForeignDesk.Core;
using ForeignDesk.Ingest.Detect;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Fetch;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Ingest.Translate;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary>One article of a candidate source as the pipeline would take it: extracted, its language chosen, translated.</summary>
internal sealed record PreviewArticle(Uri Url, string Language, string? OriginalTitle, TranslatedArticle? Translation, string? Problem);

/// <summary>
/// The first articles of a source not followed yet, taken through the pipeline's own steps (fetch, extract, detect,
/// translate) without storing anything, so the operator sees what the site would publish before saving.
/// </summary>
internal sealed class SourcePreview(
    EndpointReader reader,
    IPageFetcher fetcher,
    IArticleExtractor extractor,
    ArticleLanguage languages,
    EngineSelector engines,
    ArticleTranslator translator)
{
    public async Task<(IReadOnlyList<PreviewArticle> Articles, string? Problem)> FirstArticlesAsync(
        IReadOnlyList<(EndpointKind Kind, Uri Url)> endpoints, string? language, int count, CancellationToken cancellationToken)
    {
        var items = new List<FeedItem>();
        string? problem = null;
        foreach (var (kind, url) in endpoints)
        {
            var read = await reader.ReadAsync(new SourceEndpoint(0, kind, url, TimeSpan.Zero, null, null, 0, null), cancellationToken, subscribe: false);
            problem ??= read.Error;
            items.AddRange(read.Items.Where(i => i.ArticleUrl is not null));
            if (items.Count >= count) break;
        }

        var candidate = new Source(0, "preview", "preview", endpoints[0].Url, [], language, "News/World", "UTC");
        var articles = new List<PreviewArticle>();
        foreach (var item in items.OrderByDescending(i => i.Published ?? DateTimeOffset.MinValue).DistinctBy(i => i.ArticleUrl!.AbsoluteUri).Take(count))
            articles.Add(await ArticleAsync(candidate, item.ArticleUrl!, cancellationToken));
        return (articles, articles.Count == 0 ? problem ?? "no article is listed yet" : null);
    }

    private async Task<PreviewArticle> ArticleAsync(Source candidate, Uri url, CancellationToken cancellationToken)
    {
        var fetched = await fetcher.FetchAsync(new FetchRequest(url), cancellationToken);
        if (fetched is not { IsOk: true, Page: { } page })
            return new PreviewArticle(url, "", null, null, $"could not be fetched: {fetched.Error ?? fetched.Status.ToString()}");
        if (extractor.Extract(page) is not { Article: { } article } outcome)
            return new PreviewArticle(url, "", null, null, "no article found on the page");

        var language = languages.Choose(candidate, article.Title + "\n" + article.Text, article.Language).Language;
        if (language == TranslationStage.TargetLanguage) return new PreviewArticle(url, language, article.Title, null, null);
        if (engines.Select(language, TranslationStage.TargetLanguage) is not { } choice)
            return new PreviewArticle(url, language, article.Title, null, $"no engine translates {language} yet: it would await one");
        try
        {
            return new PreviewArticle(url, language, article.Title, await translator.TranslateAsync(article, language, choice.Engine, cancellationToken), null);
        }
        catch (TranslationException ex)
        {
            return new PreviewArticle(url, language, article.Title, null, $"translation failed: {ex.Message}");
        }
    }
}
