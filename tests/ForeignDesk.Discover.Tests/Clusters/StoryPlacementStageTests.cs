using System.Globalization;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>The <c>place</c> job over a real SQLite file: it places what the store records as translated, and may run twice.</summary>
public sealed class StoryPlacementStageTests : IAsyncLifetime
{
    private TemporaryStore _temp = null!;
    private readonly FakeTimeProvider _time = new(Events.Monday.AddDays(1));
    private SqliteArticleStore _store = null!;
    private StoryPlacementStage _stage = null!;

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-placement-", _time, Ct);
        _store = _temp.Store;
        _stage = new StoryPlacementStage(_store, new StoryClusterer(_store, _time), NullLogger<StoryPlacementStage>.Instance);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task PlaceJob_RunTwiceForEveryArticle_OneStoryOfFourArticles()
    {
        var ids = new List<long>();
        foreach (var input in Events.Japan()) ids.Add((await StoredInputs.SaveAsync(_store, input, Ct)).Id);

        foreach (var id in ids) await _stage.RunAsync(Job(id), Ct);
        var story = await _store.StoryOfAsync(ids[0], Ct);
        foreach (var id in ids) await _stage.RunAsync(Job(id), Ct);

        Assert.NotNull(story);
        foreach (var id in ids) Assert.Equal(story, await _store.StoryOfAsync(id, Ct));
        Assert.Equal(ids, (await _store.GetStoryAsync(story.Value, Ct))!.Articles.Select(a => a.Article.Id));
        Assert.Single(await _store.LatestStoriesAsync(10, Ct));
    }

    [Fact]
    public async Task PlaceJob_ArticleNotYetTranslated_IsLeftForItsTranslateJob()
    {
        var source = await _store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        const string url = "https://diario.example/a";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), Events.Monday);
        var original = new ExtractedArticle("Un terremoto sacude Hokkaido", null, [new Paragraph("p", "Un terremoto.", "Un terremoto.")], null, Events.Monday, null, "es", null, null, null, []);
        var saved = await _store.SaveArticleAsync(new ArticleDraft(source.Id, url, "es", original, Events.Monday, false, "News/World", url, page), Events.Monday, Ct);

        await _stage.RunAsync(Job(saved.ArticleId), Ct);

        Assert.Null(await _store.StoryOfAsync(saved.ArticleId, Ct));
        Assert.Equal([saved.ArticleId], await _store.UntranslatedAsync(10, Ct));
    }

    [Fact]
    public async Task PlaceJob_ArticleGoneOrKeyNotAnId_NothingPlacedOrAClearError()
    {
        await _stage.RunAsync(Job(12345), Ct);
        Assert.Empty(await _store.LatestStoriesAsync(10, Ct));

        var error = await Assert.ThrowsAsync<FormatException>(() => _stage.RunAsync(Job(0) with { Key = "https://x.example/" }, Ct));
        Assert.Contains("article id", error.Message, StringComparison.Ordinal);
    }

    private static LeasedJob Job(long articleId) =>
        new(1, JobKinds.Place, articleId.ToString(CultureInfo.InvariantCulture), null, 1, 0, "test", Events.Monday.AddDays(2));
}
