using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Search;

/// <summary>
/// A search ranks the newest matches, at most <see cref="SearchHits.Window"/> of them, whether its words meet often (the
/// index read newest first until the window is full) or seldom (the whole index read oldest first, the window sorted after).
/// </summary>
public sealed class SearchWindowTests : IAsyncLifetime
{
    private const int Articles = 1200;
    private TemporaryStore _temp = null!;
    private readonly DateTimeOffset _now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private IReadOnlyList<long> _ids = [];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-search-window-", new FakeTimeProvider(_now), Ct);
        var source = await _temp.Store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        // Every article has "alpha" and "beta"; every third "delta", every seventh "gamma". The longer texts of some
        // spread their scores, so that the window's order differs from the ids'.
        var articles = Enumerable.Range(0, Articles).Select(i =>
        {
            var words = new List<string> { "alpha", "beta", $"word{i}" };
            if (i % 3 == 0) words.Add("delta");
            if (i % 7 == 0) words.Add("gamma");
            words.AddRange(Enumerable.Repeat("filler", i % 11));
            var body = string.Join(' ', words);
            return new BulkArticle(source.Id, $"https://diario.example/{i}", "es",
                new ExtractedArticle($"Titular {i}", null, [new Paragraph("p", "texto", "texto")], null, _now, null, "es", null, null, null, []),
                new TranslatedArticle($"Headline {i}", null, [new Paragraph("p", body, body)], null, "test", "es", 0), _now.AddMinutes(-i), "News/World");
        }).ToList();
        _ids = await _temp.Store.BulkInsertAsync(articles, Ct);
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Theory]
    [InlineData("alpha beta", 1)] // every article: the newest ids hold enough matches
    [InlineData("alpha delta", 3)] // 400 matches: fewer among the newest ids than two windows' worth
    [InlineData("delta beta alpha", 3)]
    [InlineData("alpha gamma", 7)] // 172 matches: fewer than a window
    public async Task SearchAsync_RanksTheNewestMatchesUpToTheWindow(string text, int every)
    {
        var matching = Enumerable.Range(0, Articles).Where(i => i % every == 0).Select(i => _ids[i]).Order().ToList();
        var window = matching.TakeLast(SearchHits.Window).ToHashSet();

        var seen = new List<long>();
        SearchResults? first = null;
        for (var page = 1; page <= 4; page++)
        {
            var results = await _temp.Store.SearchAsync(new SearchQuery(text, PageSize: 50, Page: page, UpToId: first?.UpToId), Ct);
            first ??= results;
            seen.AddRange(results.Hits.Select(h => h.Article.Id));
        }

        Assert.Equal(Math.Min(matching.Count, SearchHits.Window), first!.Total);
        Assert.Equal(matching.Count >= SearchHits.Window, first.TotalIsLowerBound);
        Assert.Equal(Math.Min(window.Count, 200), seen.Count);
        Assert.Equal(seen.Count, seen.Distinct().Count());
        Assert.All(seen, id => Assert.Contains(id, window));
    }
}
