using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Search;
using ForeignDesk.Web.Policy;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Feeds;

/// <summary>
/// The feeds of every scope, each in the three formats (<see cref="FeedFormat"/>): the whole site, a category, a source,
/// a language of origin, a story and a search. Cached like pages, with the same tags as the page of the scope.
/// </summary>
internal static class FeedEndpoints
{
    public static IServiceCollection AddFeeds(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<FeedOptions>().Bind(configuration.GetSection(FeedOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<FeedEntries>();
        return services;
    }

    public static void MapFeeds(this WebApplication app)
    {
        foreach (var format in FeedFormat.All)
        {
            var file = format.FileName;
            app.MapGet("/" + file, (HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct) =>
                SiteAsync(format, request, feeds, store, shell, ct)).CacheOutput(PageCache.Policy);
            app.MapGet("/category/{slug}/" + file, (string slug, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, SiteListsRefresher lists, CancellationToken ct) =>
                CategoryAsync(format, slug, request, feeds, store, shell, lists, ct)).CacheOutput(PageCache.Policy);
            app.MapGet("/source/{slug}/" + file, (string slug, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, SourcePolicies policies, CancellationToken ct) =>
                SourceAsync(format, slug, request, feeds, store, shell, policies, ct)).CacheOutput(PageCache.Policy);
            app.MapGet("/language/{code}/" + file, (string code, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct) =>
                LanguageAsync(format, code, request, feeds, store, shell, ct)).CacheOutput(PageCache.Policy);
            app.MapGet("/story/{id:long}/" + file, (long id, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct) =>
                StoryAsync(format, id, request, feeds, store, shell, ct)).CacheOutput(PageCache.Policy);
            app.MapGet("/search/" + file, (HttpRequest request, FeedEntries feeds, SiteShell shell, SiteListsRefresher lists, SharedSearches index, CancellationToken ct) =>
                SearchAsync(format, request, feeds, shell, lists, index, ct)).CacheOutput(PageCache.Policy);
        }
    }

    private static async Task<IResult> SiteAsync(FeedFormat format, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct)
    {
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var latest = await store.LatestAsync(feeds.Count, ct);
        var site = shell.Options;
        return Render(format, await feeds.ChannelAsync(request, site.Name, site.Tagline, "/", "", "", latest, ct));
    }

    private static async Task<IResult> CategoryAsync(
        FeedFormat format, string slug, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, SiteListsRefresher lists, CancellationToken ct)
    {
        var categories = (await lists.CurrentAsync(ct)).Categories;
        var category = categories.Union(CategoryTaxonomy.All).FirstOrDefault(c => Slug.From(c) == slug);
        if (category is null) return NotFound.Page(request, shell);
        PageCache.Tag(request.HttpContext, PageTags.Category(category));
        var articles = await store.InCategoryAsync(category, null, feeds.Count, ct);
        var path = Paths.Category(category);
        return Render(format, await feeds.ChannelAsync(request, $"{category} · {shell.Options.Name}",
            $"Latest articles in {category}, machine-translated into English.", path, path, "", articles.Items, ct));
    }

    private static async Task<IResult> SourceAsync(
        FeedFormat format, string slug, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, SourcePolicies policies, CancellationToken ct)
    {
        var source = await store.GetSourceAsync(slug, ct);
        if (source is null) return NotFound.Page(request, shell);
        if (await policies.IsWithdrawnAsync(source.Id, ct)) return Gone.SourcePage(request, shell, source);
        PageCache.Tag(request.HttpContext, PageTags.Source(source.Id));
        var articles = await store.FromSourceAsync(source.Id, null, feeds.Count, ct);
        var path = Paths.Source(source.Slug);
        return Render(format, await feeds.ChannelAsync(request, $"{source.Name} · {shell.Options.Name}",
            $"Latest articles from {source.Name}, machine-translated into English.", path, path, "", articles.Items, ct));
    }

    private static async Task<IResult> LanguageAsync(
        FeedFormat format, string code, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct)
    {
        if (LanguageArchive.Index(request, store) is not { } archive || !LanguageArchive.IsCode(code)) return NotFound.Page(request, shell);
        // Any new article may be in this language: the feed goes with the lists, which change with every new article.
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var articles = await archive.InLanguageAsync(code, null, feeds.Count, ct);
        var path = LanguageArchive.PathOf(code);
        var language = Stamps.LanguageName(code);
        return Render(format, await feeds.ChannelAsync(request, $"From {language} · {shell.Options.Name}",
            $"Latest articles translated from {language} into English.", path, path, "", articles.Items, ct));
    }

    private static async Task<IResult> StoryAsync(
        FeedFormat format, long id, HttpRequest request, FeedEntries feeds, IArticleStore store, SiteShell shell, CancellationToken ct)
    {
        if (StoryShow.Stories(request, store) is not { } stories) return NotFound.Page(request, shell);
        PageCache.Tag(request.HttpContext, PageTags.Story(id));
        var story = await stories.StoryFactsAsync(id, ct);
        if (story is null)
        {
            // As the story page does: a story merged into another points to the feed of the one that holds its articles.
            return await stories.SurvivorOfAsync(id, ct) is { } survivor
                ? Results.Redirect(format.PathUnder(StoryShow.PathOf(survivor)), permanent: true)
                : NotFound.Page(request, shell);
        }
        // The newest of the story: the page before the end of time, reversed to newest first.
        var end = new PageCursor(DateTimeOffset.MaxValue, long.MaxValue, Newer: false);
        var articles = (await stories.StoryArticlesAsync(id, end, feeds.Count, ct)).Items.Select(a => a.Article).Reverse();
        var path = StoryShow.PathOf(id);
        return Render(format, await feeds.ChannelAsync(request, $"{story.Headline} · {shell.Options.Name}",
            $"{story.Headline}: {StoryShow.Summary(story)}.", path, path, "", articles, ct));
    }

    private static async Task<IResult> SearchAsync(
        FeedFormat format, HttpRequest request, FeedEntries feeds, SiteShell shell, SiteListsRefresher lists, SharedSearches index, CancellationToken ct)
    {
        var categories = CategoryTaxonomy.All.Union((await lists.CurrentAsync(ct)).Categories).ToList();
        var search = SearchRequest.Read(request, categories);
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        if (string.IsNullOrWhiteSpace(search.Query.Text))
            return BadRequest.Page(request, shell, "A search feed needs words to look for: add ?q= and the words, as on the search page.");
        var query = search.Query with { Sort = SearchSort.Newest, Page = 1, PageSize = Math.Min(feeds.Count, SearchQuery.MaxPageSize), UpToId = null };
        var results = await index.SearchAsync(query, ct);
        var queryString = FeedLinks.SearchQuery(search);
        return Render(format, await feeds.ChannelAsync(request, $"{SiteShell.Shorten(query.Text, 60)} · Search · {shell.Options.Name}",
            $"The newest articles matching “{SiteShell.Shorten(query.Text, 200)}”.", "/search" + queryString, "/search", queryString,
            results.Hits.Select(h => h.Article), ct));
    }

    private static IResult Render(FeedFormat format, FeedChannel channel)
    {
        var body = format == FeedFormat.Rss ? RssFeed.Write(channel) : format == FeedFormat.Atom ? AtomFeed.Write(channel) : JsonFeed.Write(channel);
        return new PageResult(body, StatusCodes.Status200OK, channel.UpdatedUtc, format.ContentType + "; charset=utf-8");
    }
}
