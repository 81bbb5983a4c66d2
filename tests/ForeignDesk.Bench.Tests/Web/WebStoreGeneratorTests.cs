using ForeignDesk.Bench.Web;
using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Bench.Tests.Web;

public sealed class WebStoreGeneratorTests
{
    [Fact]
    public async Task GenerateAsync_SmallStore_HasTheArticlesOutletsStoriesAndViews()
    {
        var ct = TestContext.Current.CancellationToken;
        await using var temporary = await TemporaryStore.CreateAsync("foreigndesk-webgen-", TimeProvider.System, ct);
        var store = temporary.Store;

        var made = await new WebStoreGenerator(store, new SqliteGeneratedStoreWriter(store), TimeProvider.System).GenerateAsync(400, 2, ct);

        // The load's write-ahead log is given back at the end: the store's size is its database.
        var log = new FileInfo(temporary.DatabasePath + "-wal");
        Assert.Equal(0, log.Exists ? log.Length : 0);
        var ids = await store.AllArticleIdsAsync(ct);
        Assert.Equal(400, ids.Count);
        Assert.Equal(400, made.Articles);
        var sources = await store.ListSourcesAsync(ct);
        Assert.Equal(WebStoreGenerator.Outlets, sources.Count);
        Assert.Equal(5, sources.Select(s => s.Language).Distinct().Count());

        var storyIds = new HashSet<long>();
        foreach (var id in ids)
        {
            var article = await store.GetArticleAsync(id, ct);
            Assert.NotNull(article);
            Assert.NotNull(article.Translation);
            Assert.Equal(2, article.Translation.Paragraphs.Count);
            Assert.Equal(sources.Single(s => s.Id == article.SourceId).Language, article.Language);
            storyIds.Add(await store.StoryOfAsync(id, ct) ?? throw new Xunit.Sdk.XunitException($"article {id} is in no story"));
        }
        Assert.Equal(made.Stories, storyIds.Count);
        var sizes = new List<int>();
        foreach (var storyId in storyIds)
        {
            var story = await store.GetStoryAsync(storyId, ct);
            Assert.NotNull(story);
            Assert.Equal(storyId, story.Articles[0].Article.Id);
            Assert.False(string.IsNullOrEmpty(story.Headline));
            sizes.Add(story.Articles.Count);
        }
        Assert.Equal(400, sizes.Sum());
        Assert.All(sizes, size => Assert.InRange(size, 1, 30));
        Assert.Contains(sizes, size => size > 1);

        var last = ids.Max();
        var youMayLike = await store.PrecomputedRelatedAsync(last, 5, ct);
        Assert.NotEmpty(youMayLike);
        Assert.DoesNotContain(youMayLike, a => a.Id == last);

        // The search index holds every generated article, as the site searches it, and is sound.
        var lastArticle = await store.GetArticleAsync(last, ct) ?? throw new Xunit.Sdk.XunitException($"article {last} missing");
        var found = await store.SearchAsync(new SearchQuery($"\"{lastArticle.Translation!.Title.TrimEnd('.')}\""), ct);
        Assert.Contains(found.Hits, h => h.Article.Id == last);
        var original = await store.SearchAsync(new SearchQuery(lastArticle.Original.Paragraphs[1].Text.TrimEnd('.').Split(' ').MaxBy(w => w.Length)!), ct);
        Assert.NotEqual(0, original.Total);
        await using (var connection = new SqliteConnection($"Data Source={temporary.DatabasePath}"))
        {
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "INSERT INTO article_search (article_search) VALUES ('integrity-check')";
            await check.ExecuteNonQueryAsync(ct);
            check.CommandText = "SELECT COUNT(*) FROM article_search_docsize";
            Assert.Equal(400L, await check.ExecuteScalarAsync(ct));
        }

        Assert.True(made.Views >= 400, $"{made.Views} views");
        Assert.NotEmpty(await store.TrendingAsync(DateTimeOffset.UtcNow - TimeSpan.FromDays(WebStoreGenerator.Days + 1), 10, ct));
    }

    [Fact]
    public void StorySize_ManyDraws_StaysWithinOneToThirtyAndIsMostlySmall()
    {
        var random = new Random(3);
        var sizes = Enumerable.Range(0, 10_000).Select(_ => WebStoreGenerator.StorySize(random)).ToList();

        Assert.Equal(1, sizes.Min());
        Assert.Equal(30, sizes.Max());
        Assert.True(sizes.Count(s => s <= 2) > sizes.Count / 3, "most stories are small");
    }
}
