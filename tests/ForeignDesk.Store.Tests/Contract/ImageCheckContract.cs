using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The stored outcome of fetching each article image (<see cref="IImageCheckStore"/>) and the delays' times
/// (<see cref="IArticleStore.ArticleTimesAsync"/>): a check replaces the one at its article and place and marks the
/// article's page changed; one for an article not stored is not kept; the times are the article's own.
/// </summary>
public abstract class ImageCheckContract(StoreEngine engine) : StoreContract(engine)
{
    private IImageCheckStore Checks => Services.GetRequiredService<IImageCheckStore>();

    [Fact]
    public async Task SaveImageCheckAsync_ReplacesTheCheckAtItsPlace_AndMarksThePageChanged()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "https://e.example/a", "Uno");
        var at = Time.GetUtcNow();

        await Checks.SaveImageCheckAsync(new ImageCheck(id, 0, "aa", false, 0, 0, "HTTP 404 Not Found", at), Ct);
        var before = await Changes.LatestChangeAsync(Ct);
        await Checks.SaveImageCheckAsync(new ImageCheck(id, 0, "aa", true, 1600, 900, null, at.AddMinutes(5)), Ct);
        await Checks.SaveImageCheckAsync(new ImageCheck(id, 2, "bb", false, 0, 0, "not an image", at), Ct);
        await Checks.SaveImageCheckAsync(new ImageCheck(id + 1000, 0, "cc", true, 10, 10, null, at), Ct);

        var checks = (await Checks.ImageChecksAsync(id, Ct)).OrderBy(c => c.Index).ToList();
        Assert.Equal([new ImageCheck(id, 0, "aa", true, 1600, 900, null, at.AddMinutes(5)), new ImageCheck(id, 2, "bb", false, 0, 0, "not an image", at)], checks);
        Assert.Empty(await Checks.ImageChecksAsync(id + 1000, Ct));
        Assert.Contains($"article:{id}", (await Changes.ChangesSinceAsync(before, 100, Ct)).Select(c => c.Tag));
    }

    [Fact]
    public async Task ArticleTimesAsync_GivesTheTimesOfTheArticlesSeenSince_NewestFirst()
    {
        var source = await AddSourceAsync("El Diario");
        var old = await SaveAsync(source, "https://e.example/old", "Viejo");
        Time.Advance(TimeSpan.FromHours(2));
        var seen = Time.GetUtcNow();
        var id = await SaveAsync(source, "https://e.example/new", "Nuevo");
        Time.Advance(TimeSpan.FromMinutes(3));
        await Store.SaveTranslationAsync(id, new TranslatedArticle("New", null, [new Paragraph("p", "One.", "One.")], null, "apertium", "es→en", 0), Time.GetUtcNow(), Ct);

        var times = await Store.ArticleTimesAsync(seen.AddMinutes(-1), 10, Ct);

        var only = Assert.Single(times);
        Assert.Equal(source.Id, only.SourceId);
        Assert.Equal(seen, only.FirstSeenUtc);
        Assert.Equal(seen.AddMinutes(3), only.TranslatedUtc);
        Assert.Equal(2, (await Store.ArticleTimesAsync(seen.AddHours(-3), 10, Ct)).Count);
        Assert.NotEqual(old, id);
    }
}
