using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>
/// Filtered lists over 12 000 articles of two outlets: 11 997 in Spanish, three in Basque (the newest, one in the middle,
/// the oldest), so that a language filter must walk past the scan limit.
/// </summary>
public sealed class ArticleFiltersTests(ArticleFiltersTests.Articles articles) : IClassFixture<ArticleFiltersTests.Articles>
{
    private const int Count = 12_000;
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);
    private static readonly int[] BasqueAt = [0, 6_000, Count - 1];
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>The store, written once for the class.</summary>
    public sealed class Articles : IAsyncLifetime
    {
        private TemporaryStore? _temp;

        public SqliteArticleStore Store => _temp!.Store;

        public IReadOnlyList<long> Ids { get; private set; } = [];

        public Source Diario { get; private set; } = null!;

        public async ValueTask InitializeAsync()
        {
            _temp = await TemporaryStore.CreateAsync("foreigndesk-filters-", new FakeTimeProvider(Now), Ct);
            var store = _temp.Store;
            Diario = await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
            var other = await store.AddSourceAsync(new SourceDraft("Otro", new Uri("https://otro.example/"), [], "es", "Sport", "UTC"), Ct);
            // Article i is published i minutes before now: newest first is input order. Every tenth comes from the other outlet.
            Ids = await store.BulkInsertAsync(Enumerable.Range(0, Count).Select(i =>
            {
                var language = BasqueAt.Contains(i) ? "eu" : "es";
                var source = i % 10 == 9 ? other : Diario;
                return new BulkArticle(source.Id, $"https://example.test/{i}", language,
                    new ExtractedArticle($"Titular {i}", null, [new Paragraph("p", "texto", "texto")], null, null, null, language, null, null, null, []),
                    new TranslatedArticle($"Headline {i}", null, [new Paragraph("p", "text", "text")], null, "test", $"{language}→en", 0),
                    Now.AddMinutes(-i), source.Category);
            }), Ct);
        }

        public ValueTask DisposeAsync() => _temp?.DisposeAsync() ?? ValueTask.CompletedTask;
    }

    /// <summary>Every page of a filtered list, following the cursors to the end.</summary>
    private async Task<List<ArticlePage>> WalkAsync(ArticleFilter filter, int limit)
    {
        var pages = new List<ArticlePage>();
        PageCursor? cursor = null;
        do
        {
            var page = await articles.Store.FilteredAsync(filter, cursor, limit, Ct);
            pages.Add(page);
            cursor = page.Older;
        }
        while (cursor is not null && pages.Count < 100);
        return pages;
    }

    [Fact]
    public async Task FilteredAsync_RareLanguage_ShortPagesCarryTheCursorToEveryMatch()
    {
        var pages = await WalkAsync(new ArticleFilter(Language: "eu"), limit: 20);

        Assert.Equal(BasqueAt.Select(i => articles.Ids[i]), pages.SelectMany(p => p.Items).Select(a => a.Id));
        // Each page reads at most the scan limit: 12 000 entries take three walks, and a last one that finds the end.
        Assert.InRange(pages.Count, Count / IArticleFilters.ScanLimit + 1, Count / IArticleFilters.ScanLimit + 2);
        Assert.Null(pages[^1].Older);
        Assert.All(pages, p => Assert.Null(p.Newer));
    }

    [Fact]
    public async Task FilteredAsync_SourceAndDays_NewestFirstInFullPages()
    {
        var filter = new ArticleFilter(SourceId: articles.Diario.Id, FromUtc: Now.AddMinutes(-100), ToUtc: Now.AddMinutes(-49));
        var pages = await WalkAsync(filter, limit: 10);

        // Minutes 50 to 100 before now, less every tenth (the other outlet's).
        var expected = Enumerable.Range(50, 51).Where(i => i % 10 != 9).Select(i => articles.Ids[i]).ToList();
        Assert.Equal(expected, pages.SelectMany(p => p.Items).Select(a => a.Id));
        Assert.All(pages[..^1], p => Assert.Equal(10, p.Items.Count));
    }

    [Fact]
    public async Task FilteredAsync_CategoryAndLanguage_OnlyBoth()
    {
        var pages = await WalkAsync(new ArticleFilter(Language: "eu", Category: "News/World"), limit: 50);

        Assert.Equal(BasqueAt.Where(i => i % 10 != 9).Select(i => articles.Ids[i]), pages.SelectMany(p => p.Items).Select(a => a.Id));
    }
}
