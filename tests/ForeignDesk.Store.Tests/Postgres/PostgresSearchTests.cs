using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Postgres;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Npgsql;
using Xunit;

namespace ForeignDesk.Store.Tests.Postgres;

/// <summary>
/// Search on PostgreSQL looks for the newest matches in ranges of ids below the newest one: matches that lie far apart
/// in id, with long runs of other articles between them, are found all the same, newest first.
/// </summary>
public sealed class PostgresSearchTests(PostgresCluster cluster) : IAsyncLifetime
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private NpgsqlDataSource _source = null!;
    private PostgresStore _store = null!;
    private long _sourceId;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        if (cluster.Unavailable is { } reason) Assert.Skip($"PostgreSQL tests skipped: {reason}");
        _source = NpgsqlDataSource.Create(await cluster.CreateDatabaseAsync(Ct));
        _store = new PostgresStore(_source, _time);
        await _store.MigrateAsync(Ct);
        _sourceId = (await _store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://e.example/"), [], "es", "News/World", "UTC"), Ct)).Id;
    }

    public async ValueTask DisposeAsync()
    {
        if (_source is not null) await _source.DisposeAsync();
    }

    [Fact]
    public async Task SearchAsync_MatchesMillionsOfIdsBelowTheNewest_AreFoundNewestFirst()
    {
        var oldest = await ArticleAsync("Elecciones en el puerto");
        await SkipIdsToAsync(1_000_000);
        var middle = await ArticleAsync("Elecciones en la sierra");
        await SkipIdsToAsync(5_000_000);
        await ArticleAsync("Lluvias en la costa");

        var newest = await _store.SearchAsync(new SearchQuery("elecciones", Sort: SearchSort.Newest), Ct);
        var relevant = await _store.SearchAsync(new SearchQuery("elecciones"), Ct);

        Assert.Equal([middle, oldest], newest.Hits.Select(h => h.Article.Id));
        Assert.Equal(2, newest.Total);
        Assert.False(newest.TotalIsLowerBound);
        Assert.Equal([middle, oldest], relevant.Hits.Select(h => h.Article.Id).OrderDescending());
    }

    [Fact]
    public async Task SearchAsync_MoreMatchesThanTheWindowInTwoFarRanges_RanksTheNewestOfBoth()
    {
        var older = new List<long>();
        for (var i = 0; i < 200; i++) older.Add(await ArticleAsync($"Elecciones {i}"));
        await SkipIdsToAsync(1_000_000);
        var newer = new List<long>();
        for (var i = 0; i < 100; i++) newer.Add(await ArticleAsync($"Elecciones {i}"));

        // Pages of 25: the ninth (matches 201 to 225) still ranks a window of 250, the newest 100 and 150 older ones.
        var ninth = await _store.SearchAsync(new SearchQuery("elecciones", Sort: SearchSort.Newest, Page: 9, PageSize: 25), Ct);
        var eleventh = await _store.SearchAsync(new SearchQuery("elecciones", Sort: SearchSort.Newest, Page: 11, PageSize: 25), Ct);

        Assert.Equal(SearchHits.Window, ninth.Total);
        Assert.True(ninth.TotalIsLowerBound);
        Assert.Equal(older.AsEnumerable().Reverse().Skip(100).Take(25), ninth.Hits.Select(h => h.Article.Id));
        Assert.Equal(300, eleventh.Total);
        Assert.Equal(older.AsEnumerable().Reverse().Skip(150).Take(25), eleventh.Hits.Select(h => h.Article.Id));
    }

    /// <summary>The next article stored gets id <paramref name="id"/> + 1, as after that many articles stored by others.</summary>
    private async Task SkipIdsToAsync(long id)
    {
        await using var command = _source.CreateCommand("SELECT setval(pg_get_serial_sequence('articles', 'id'), @id)");
        command.Parameters.AddWithValue("id", id);
        await command.ExecuteScalarAsync(Ct);
    }

    private async Task<long> ArticleAsync(string title)
    {
        var url = $"https://e.example/{Guid.NewGuid():N}";
        var draft = new ArticleDraft(_sourceId, url, "es",
            new ExtractedArticle(title, null, [new Paragraph("p", "Texto de la noticia.", "Texto de la noticia.")], null, _time.GetUtcNow(), null, "es", url, null, null, []),
            _time.GetUtcNow(), false, "News/World", "h-" + url,
            new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), _time.GetUtcNow(), null));
        return (await _store.SaveArticleAsync(draft, _time.GetUtcNow(), Ct)).ArticleId;
    }
}
