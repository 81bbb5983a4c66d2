using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// The pages the web bench loads, as paths of the site: one of each kind, and the random sets. The site's feed and the
/// sitemap index are fixed paths (<see cref="SiteFeed"/>, <see cref="SitemapIndex"/>).
/// </summary>
internal sealed record WebPages(
    string HotArticle,
    IReadOnlyList<string> Articles,
    string Day,
    string Category,
    string Source,
    string Story,
    string CategoryFeed,
    string DaySitemap,
    IReadOnlyList<string> Searches,
    IReadOnlyList<string> ApiArticles,
    IReadOnlyList<string> ApiLists,
    IReadOnlyList<string> ApiSearches,
    WarmupPages Warmup)
{
    public const string SiteFeed = "/feed.xml";

    public const string SitemapIndex = "/sitemap.xml";

    /// <summary>
    /// Picks the pages from the store: the newest article as the hot one, <paramref name="sample"/> articles at random
    /// (their canonical paths, so that no request is a redirect), yesterday's archive and sitemap, the first source, the category of
    /// the newest article and its RSS feed, the largest of the newest stories, and searches of one to three vocabulary words; for the API, the
    /// same articles and searches, and filtered article lists (by language, source, category and day, alone and together).
    /// For the unmeasured warm-up, other articles and other searches (<see cref="WarmupPages"/>).
    /// </summary>
    public static async Task<WebPages> PickAsync(IArticleStore store, IStoryStore stories, IReadOnlyList<long> ids, int sample,
        IReadOnlyList<string> vocabulary, DateTimeOffset now, CancellationToken cancellationToken)
    {
        var random = new Random(31);
        var articles = new List<string>(sample);
        foreach (var id in Enumerable.Range(0, sample).Select(_ => ids[random.Next(ids.Count)]).Distinct())
            if (await ArticlePathAsync(store, id, cancellationToken) is { } path) articles.Add(path);
        var newest = await store.LatestAsync(1, cancellationToken);
        var hot = newest.Count > 0 ? await ArticlePathAsync(store, newest[0].Id, cancellationToken) : null;
        var source = (await store.ListSourcesAsync(cancellationToken)).FirstOrDefault()
            ?? throw new InvalidOperationException("the store has no sources");
        var story = (await stories.LatestStoriesAsync(50, cancellationToken)).Where(l => l.StoryId is not null)
            .OrderByDescending(l => l.ArticleCount).FirstOrDefault()?.StoryId
            ?? throw new InvalidOperationException("the store has no stories");
        var searches = PickSearches(random, vocabulary, 500, new HashSet<string>());
        var category = Slug.From(newest.Count > 0 ? newest[0].Category : "News/World");
        var yesterday = (now - TimeSpan.FromDays(1)).UtcDateTime.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var lists = new[] { "", "?lang=de", "?lang=fr&limit=100", $"?source={source.Slug}", $"?category={category}", $"?category={category}&lang=es",
                $"?from={yesterday}&to={yesterday}", $"?source={source.Slug}&from={yesterday}", "?lang=xx" }
            .Select(q => "/api/v1/articles" + q).ToList();
        return new WebPages(
            hot ?? articles[0],
            articles,
            "/date/" + yesterday,
            "/category/" + category,
            "/source/" + source.Slug,
            "/story/" + story.ToString(CultureInfo.InvariantCulture),
            "/category/" + category + "/feed.xml",
            "/sitemaps/" + yesterday + ".xml",
            searches,
            articles.Select(a => "/api/v1/articles/" + a.Split('/')[2]).ToList(),
            lists,
            searches.Select(q => "/api/v1" + q).ToList(),
            await WarmupAsync(store, ids, articles, searches, random, vocabulary, cancellationToken));
    }

    /// <summary>
    /// Articles and searches the measured runs do not ask for: the site warms up on them, so that the measured random
    /// articles are still ones it has not rendered and the measured searches still ones it has not run. As many articles
    /// as are measured, where the store has them: the warm-up renders pages all along, as the measured run does (of 2 000,
    /// rendered in its first second, the rest of the warm-up was answered from the cache, and the measured run met
    /// the rendering code still on its first-tier compilation).
    /// </summary>
    private static async Task<WarmupPages> WarmupAsync(IArticleStore store, IReadOnlyList<long> ids, IReadOnlyList<string> measured,
        IReadOnlyList<string> searches, Random random, IReadOnlyList<string> vocabulary, CancellationToken cancellationToken)
    {
        var taken = measured.Select(p => p.Split('/')[2]).ToHashSet(StringComparer.Ordinal);
        var articles = new List<string>();
        for (var tries = 0; articles.Count < Math.Min(measured.Count, ids.Count - taken.Count) && tries < 10 * measured.Count; tries++)
        {
            var id = ids[random.Next(ids.Count)];
            if (taken.Add(id.ToString(CultureInfo.InvariantCulture)) && await ArticlePathAsync(store, id, cancellationToken) is { } path) articles.Add(path);
        }
        if (articles.Count == 0) articles.AddRange(measured);
        var others = PickSearches(random, vocabulary, 500, searches.ToHashSet(StringComparer.Ordinal));
        return new WarmupPages(articles, others, articles.Select(a => "/api/v1/articles/" + a.Split('/')[2]).ToList(),
            others.Select(q => "/api/v1" + q).ToList());
    }

    /// <summary><paramref name="count"/> searches of one to three of the 3 000 first vocabulary words, none of <paramref name="except"/>.</summary>
    private static List<string> PickSearches(Random random, IReadOnlyList<string> vocabulary, int count, IReadOnlySet<string> except)
    {
        var searches = new List<string>(count);
        for (var tries = 0; searches.Count < count && tries < count * 20; tries++)
        {
            var search = "/search?q=" + string.Join('+', Enumerable.Range(0, 1 + random.Next(3))
                .Select(_ => Uri.EscapeDataString(vocabulary[random.Next(Math.Min(3000, vocabulary.Count))])));
            if (!except.Contains(search)) searches.Add(search);
        }
        return searches;
    }

    private static async Task<string?> ArticlePathAsync(IArticleStore store, long id, CancellationToken cancellationToken) =>
        await store.GetArticleAsync(id, cancellationToken) is { } article
            ? $"/article/{article.Id.ToString(CultureInfo.InvariantCulture)}/{Slug.From(article.DisplayTitle)}"
            : null;
}

/// <summary>The random pages of the unmeasured warm-up: other articles and searches than the measured ones.</summary>
internal sealed record WarmupPages(
    IReadOnlyList<string> Articles,
    IReadOnlyList<string> Searches,
    IReadOnlyList<string> ApiArticles,
    IReadOnlyList<string> ApiSearches);
