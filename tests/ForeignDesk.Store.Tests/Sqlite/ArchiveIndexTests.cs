using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Tests.Shared;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Sqlite;

/// <summary>The lists feeds and sitemaps read: by original language, the archive's days, a day's articles from an offset.</summary>
public sealed class ArchiveIndexTests : IAsyncLifetime
{
    private static readonly DateTimeOffset Now = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);
    private TemporaryStore _temp = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => _temp = await TemporaryStore.CreateAsync("foreigndesk-archive-", new FakeTimeProvider(Now), Ct);

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task InLanguageAsync_ListsOneLanguageNewestFirst_APageAtATime()
    {
        var source = await SourceAsync();
        var spanish = new List<long>();
        for (var i = 0; i < 5; i++) spanish.Add(await SaveAsync(source, $"es-{i}", "es", Now.AddHours(-i)));
        await SaveAsync(source, "ca-0", "ca", Now.AddMinutes(-30));

        var first = await _temp.Store.InLanguageAsync("es", null, 3, Ct);
        var second = await _temp.Store.InLanguageAsync("es", first.Older, 3, Ct);

        Assert.Equal(spanish.Take(3), first.Items.Select(a => a.Id));
        Assert.Equal(spanish.Skip(3), second.Items.Select(a => a.Id));
        Assert.Null(second.Older);
        Assert.All(first.Items.Concat(second.Items), a => Assert.Equal("es", a.Language));
        Assert.Single((await _temp.Store.InLanguageAsync("ca", null, 3, Ct)).Items);
    }

    [Fact]
    public async Task ArchiveDaysAsync_CountsEachOutletLocalDay_NewestFirst()
    {
        var source = await SourceAsync();
        await SaveAsync(source, "a", "es", new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
        await SaveAsync(source, "b", "es", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        // 23:30 UTC on the 27th is the 28th in Madrid.
        await SaveAsync(source, "c", "es", new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        var days = await _temp.Store.ArchiveDaysAsync(Ct);

        Assert.Equal([new ArchiveDay(new DateOnly(2026, 11, 29), 2), new ArchiveDay(new DateOnly(2026, 11, 28), 1)], days);
    }

    [Fact]
    public async Task OnDateRangeAsync_SkipsAndTakes_NewestFirst()
    {
        var source = await SourceAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await SaveAsync(source, $"d-{i}", "es", Now.AddMinutes(-i)));
        var day = new DateOnly(2026, 11, 29);

        Assert.Equal(ids.Take(2), (await _temp.Store.OnDateRangeAsync(day, 0, 2, Ct)).Select(a => a.Id));
        Assert.Equal(ids.Skip(2).Take(2), (await _temp.Store.OnDateRangeAsync(day, 2, 2, Ct)).Select(a => a.Id));
        Assert.Equal(ids.Skip(4), (await _temp.Store.OnDateRangeAsync(day, 4, 2, Ct)).Select(a => a.Id));
        Assert.Empty(await _temp.Store.OnDateRangeAsync(day.AddDays(-1), 0, 2, Ct));
    }

    private Task<Source> SourceAsync() =>
        _temp.Store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], null, "News/World", "Europe/Madrid"), Ct);

    private async Task<long> SaveAsync(Source source, string slug, string language, DateTimeOffset published)
    {
        var url = "https://e.example/" + slug;
        var article = new ExtractedArticle("Título " + slug, null, [new Paragraph("p", "Texto.", "Texto.")], null, published, null, language, url, null, null, []);
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), Now);
        return (await _temp.Store.SaveArticleAsync(new ArticleDraft(source.Id, url, language, article, published, false, "News/World", slug, page), Now, Ct)).ArticleId;
    }
}
