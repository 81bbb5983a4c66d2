using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using ForeignDesk.Tests.Shared;

namespace ForeignDesk.Store.Tests.Sqlite;

public sealed class ArticleImagesStoreTests : IAsyncLifetime
{
    private TemporaryStore _temp = null!;
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));
    private SqliteArticleStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;
    private string DatabasePath => _temp.DatabasePath;

    public async ValueTask InitializeAsync()
    {
        _temp = await TemporaryStore.CreateAsync("foreigndesk-images-", _time, Ct);
        _store = _temp.Store;
    }

    public ValueTask DisposeAsync() => _temp.DisposeAsync();

    [Fact]
    public async Task SaveArticle_WithBodyImagesAndTranslatedCaptions_ReadsThemBack()
    {
        ArticleImage[] images =
        [
            new("https://e.example/img/obras.jpg", "Obras en Madrid.", "Luis Gómez / Europa Press") { Position = 2 },
            new("https://e.example/img/mapa.jpg", null, "EFE"),
        ];
        var id = await SaveAsync(Original() with { Images = images });
        await _store.SaveTranslationAsync(id,
            new TranslatedArticle("A title", null, [new Paragraph("p", "Text.", "Text.")], "Minister", "apertium", "es→en", 0) { ImageCaptions = ["Works in Madrid.", null] },
            _time.GetUtcNow(), Ct);

        var stored = await _store.GetArticleAsync(id, Ct);

        Assert.Equal(images, stored!.Original.Images);
        Assert.Equal([2, null], stored.Original.Images.Select(i => i.Position));
        Assert.Equal(["Works in Madrid.", null], stored.Translation!.ImageCaptions);
        Assert.Equal("Minister", stored.Translation.ImageCaption);
    }

    [Fact]
    public async Task GetArticle_StoredBeforeBodyImagesWereKept_HasNone()
    {
        var id = await SaveAsync(Original());
        await using (var connection = new SqliteConnection($"Data Source={DatabasePath}"))
        {
            await connection.OpenAsync(Ct);
            await using var command = connection.CreateCommand();
            command.CommandText = "UPDATE articles SET original = json_remove(original, '$.images') WHERE id = $id";
            command.Parameters.AddWithValue("$id", id);
            Assert.Equal(1, await command.ExecuteNonQueryAsync(Ct));
        }

        var stored = await _store.GetArticleAsync(id, Ct);

        Assert.Empty(stored!.Original.Images);
        Assert.Equal("https://e.example/img/lead.jpg", stored.Original.Image!.Url);
    }

    private ExtractedArticle Original() =>
        new("Un título", null, [new Paragraph("p", "Texto.", "Texto.")], null, _time.GetUtcNow(), null, "es", null, "Vivienda",
            new ArticleImage("https://e.example/img/lead.jpg", "La ministra.", "EFE"), []);

    private async Task<long> SaveAsync(ExtractedArticle original)
    {
        var source = await _store.AddSourceAsync(
            new SourceDraft("El Diario", new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], "es", "News/World", "Europe/Madrid"), Ct);
        const string url = "https://e.example/a";
        var draft = new ArticleDraft(source.Id, url, "es", original, _time.GetUtcNow(), false, "Business", "h1",
            new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html>página</html>"), _time.GetUtcNow(), "\"v1\""));
        return (await _store.SaveArticleAsync(draft, _time.GetUtcNow(), Ct)).ArticleId;
    }
}
