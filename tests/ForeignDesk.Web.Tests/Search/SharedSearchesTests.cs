using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Search;
using ForeignDesk.Web.Tests.Pages;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Search;

/// <summary>
/// One search of the store serves the search page, its JSON, its feeds and the API's search, and readers asking at
/// once, until the lists' pages are dropped; over the seeded site's real store, counted on its way.
/// </summary>
public sealed class SharedSearchesTests(SearchSiteFixture site) : IClassFixture<SearchSiteFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The real store's search, counting the searches asked of it; <see cref="Failures"/> first ones fail.</summary>
    private sealed class CountedIndex(ISearchIndex store) : ISearchIndex
    {
        public int Asked;
        public int Failures;
        public TaskCompletionSource? Gate;

        public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
        {
            Interlocked.Increment(ref Asked);
            if (Gate is { } gate) await gate.Task;
            if (Interlocked.Decrement(ref Failures) >= 0) throw new InvalidOperationException("the store failed");
            return await store.SearchAsync(query, cancellationToken);
        }
    }

    private CountedIndex Counted() => new(site.Server.Services.GetRequiredService<ISearchIndex>());

    [Fact]
    public async Task TheSameSearch_AskedAgain_IsAnsweredByTheFirstRun()
    {
        var index = Counted();
        var searches = new SharedSearches(index);

        var first = await searches.SearchAsync(new SearchQuery("volcano"), Ct);
        var again = await searches.SearchAsync(new SearchQuery("volcano"), Ct);
        var other = await searches.SearchAsync(new SearchQuery("volcano", Page: 2), Ct);

        Assert.Equal(2, index.Asked);
        Assert.Same(first, again);
        Assert.Equal(20, first.Hits.Count);
        Assert.NotEqual(first.Hits[0].Article.Id, other.Hits[0].Article.Id);
    }

    [Fact]
    public async Task ReadersAskingAtOnce_ShareOneRun_AndOneWhoLeaves_DoesNotStopIt()
    {
        var index = Counted();
        index.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var searches = new SharedSearches(index);
        using var leaving = CancellationTokenSource.CreateLinkedTokenSource(Ct);

        var left = searches.SearchAsync(new SearchQuery("volcano"), leaving.Token);
        var waiting = Enumerable.Range(0, 5).Select(_ => searches.SearchAsync(new SearchQuery("volcano"), Ct)).ToList();
        await leaving.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => left);
        index.Gate.SetResult();
        var answers = await Task.WhenAll(waiting);

        Assert.Equal(1, index.Asked);
        Assert.All(answers, a => Assert.Same(answers[0], a));
        Assert.Equal(20, answers[0].Hits.Count);
    }

    [Fact]
    public async Task AFailedRun_IsNotKept()
    {
        var index = Counted();
        index.Failures = 1;
        var searches = new SharedSearches(index);

        await Assert.ThrowsAsync<InvalidOperationException>(() => searches.SearchAsync(new SearchQuery("volcano"), Ct));
        var answer = await searches.SearchAsync(new SearchQuery("volcano"), Ct);

        Assert.Equal(2, index.Asked);
        Assert.Equal(20, answer.Hits.Count);
    }

    [Fact]
    public async Task ThePageAndTheApi_ShareTheSearch_UntilTheListsAreDropped()
    {
        var searches = site.Server.Services.GetRequiredService<SharedSearches>();
        var cache = site.Server.Services.GetRequiredService<PageCache>();
        // The seeded articles' changes are read first, so that no drop of the lists comes during the test.
        await SiteCatchUp.RunAsync(site.Server.Services, Ct);
        await cache.EvictAsync(PageTags.Lists, Ct);
        Assert.Equal(0, searches.Count);

        var page = await HtmlPage.GetAsync(site.Server.Client, "/search?q=erupted", Ct);
        var api = await site.Server.Client.GetStringAsync("/api/v1/search?q=erupted", Ct);
        var json = await site.Server.Client.GetStringAsync("/search.json?q=erupted", Ct);

        Assert.Equal(1, searches.Count);
        Assert.Equal(20, page.Document.QuerySelectorAll("ol.results li").Length);
        Assert.Contains("\"snippetHtml\"", api, StringComparison.Ordinal);
        Assert.Contains("\"snippet\":\"The volcano erupted again overnight.\"", json, StringComparison.Ordinal);

        await cache.EvictAsync(PageTags.Article(1), Ct);
        Assert.Equal(1, searches.Count);
        await cache.EvictAsync(PageTags.Lists, Ct);
        Assert.Equal(0, searches.Count);
    }
}
