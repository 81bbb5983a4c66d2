using System.Text;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The lists feeds and sitemaps read: by original language, the archive's days, a day's articles from an offset; and
/// the filtered lists of the API: every filter, alone and together, newest first, a page at a time.
/// </summary>
public abstract class ArchiveIndexContract(StoreEngine engine) : StoreContract(engine)
{
    private static readonly DateTimeOffset Today = new(2026, 11, 29, 10, 0, 0, TimeSpan.Zero);

    private IArchiveIndex Archive => Services.GetRequiredService<IArchiveIndex>();

    private IArticleFilters Filters => Services.GetRequiredService<IArticleFilters>();

    [Fact]
    public async Task FilteredAsync_EachFilterAndTogether_NewestFirstByCursor()
    {
        var diario = await SourceAsync();
        var otro = await Store.AddSourceAsync(new SourceDraft("Otro", new Uri("https://otro.example/"), [], "es", "Sport", "UTC"), Ct);
        var ids = new List<(long Id, long Source, string Language)>();
        for (var i = 0; i < 9; i++)
        {
            var source = i % 3 == 0 ? otro : diario;
            var language = i % 4 == 0 ? "eu" : "es";
            ids.Add((await SaveAsync(source, $"f-{i}", language, Today.AddHours(-i)), source.Id, language));
        }

        async Task<List<long>> AllAsync(ArticleFilter filter)
        {
            var found = new List<long>();
            PageCursor? cursor = null;
            do
            {
                var page = await Filters.FilteredAsync(filter, cursor, 2, Ct);
                found.AddRange(page.Items.Select(a => a.Id));
                cursor = page.Older;
            } while (cursor is not null);
            return found;
        }

        Assert.Equal(ids.Select(a => a.Id), await AllAsync(new ArticleFilter()));
        Assert.Equal(ids.Where(a => a.Language == "eu").Select(a => a.Id), await AllAsync(new ArticleFilter(Language: "eu")));
        Assert.Equal(ids.Where(a => a.Source == otro.Id).Select(a => a.Id), await AllAsync(new ArticleFilter(SourceId: otro.Id)));
        Assert.Equal(ids.Where(a => a.Source == diario.Id && a.Language == "es").Select(a => a.Id),
            await AllAsync(new ArticleFilter(Language: "es", SourceId: diario.Id)));
        Assert.Equal(ids.Skip(2).Take(3).Select(a => a.Id),
            await AllAsync(new ArticleFilter(FromUtc: Today.AddHours(-4), ToUtc: Today.AddHours(-1))));
        Assert.Empty(await AllAsync(new ArticleFilter(Category: "Nothing")));
    }

    [Fact]
    public async Task InLanguageAsync_ListsOneLanguageNewestFirst_APageAtATime()
    {
        var source = await SourceAsync();
        var spanish = new List<long>();
        for (var i = 0; i < 5; i++) spanish.Add(await SaveAsync(source, $"es-{i}", "es", Now.AddHours(-i)));
        await SaveAsync(source, "ca-0", "ca", Now.AddMinutes(-30));

        var first = await Archive.InLanguageAsync("es", null, 3, Ct);
        var second = await Archive.InLanguageAsync("es", first.Older, 3, Ct);

        Assert.Equal(spanish.Take(3), first.Items.Select(a => a.Id));
        Assert.Equal(spanish.Skip(3), second.Items.Select(a => a.Id));
        Assert.Null(second.Older);
        Assert.All(first.Items.Concat(second.Items), a => Assert.Equal("es", a.Language));
        Assert.Single((await Archive.InLanguageAsync("ca", null, 3, Ct)).Items);
    }

    [Fact]
    public async Task ArchiveDaysAsync_CountsEachOutletLocalDay_NewestFirst()
    {
        var source = await SourceAsync();
        await SaveAsync(source, "a", "es", new DateTimeOffset(2026, 11, 29, 8, 0, 0, TimeSpan.Zero));
        await SaveAsync(source, "b", "es", new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero));
        // 23:30 UTC on the 27th is the 28th in Madrid.
        await SaveAsync(source, "c", "es", new DateTimeOffset(2026, 11, 27, 23, 30, 0, TimeSpan.Zero));

        var days = await Archive.ArchiveDaysAsync(Ct);

        Assert.Equal([new ArchiveDay(new DateOnly(2026, 11, 29), 2), new ArchiveDay(new DateOnly(2026, 11, 28), 1)], days);
    }

    [Fact]
    public async Task OnDateRangeAsync_SkipsAndTakes_NewestFirst()
    {
        var source = await SourceAsync();
        var ids = new List<long>();
        for (var i = 0; i < 5; i++) ids.Add(await SaveAsync(source, $"d-{i}", "es", Now.AddMinutes(-i)));
        var day = new DateOnly(2026, 11, 29);

        Assert.Equal(ids.Take(2), (await Archive.OnDateRangeAsync(day, 0, 2, Ct)).Select(a => a.Id));
        Assert.Equal(ids.Skip(2).Take(2), (await Archive.OnDateRangeAsync(day, 2, 2, Ct)).Select(a => a.Id));
        Assert.Equal(ids.Skip(4), (await Archive.OnDateRangeAsync(day, 4, 2, Ct)).Select(a => a.Id));
        Assert.Empty(await Archive.OnDateRangeAsync(day.AddDays(-1), 0, 2, Ct));
    }

    private Task<Source> SourceAsync() =>
        Store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], null, "News/World", "Europe/Madrid"), Ct);

    private async Task<long> SaveAsync(Source source, string slug, string language, DateTimeOffset published)
    {
        var url = "https://e.example/" + slug;
        var article = new ExtractedArticle("Título " + slug, null, [new Paragraph("p", "Texto.", "Texto.")], null, published, null, language, url, null, null, []);
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), Now);
        return (await Store.SaveArticleAsync(new ArticleDraft(source.Id, url, language, article, published, false, "News/World", slug, page), Now, Ct)).ArticleId;
    }
}
