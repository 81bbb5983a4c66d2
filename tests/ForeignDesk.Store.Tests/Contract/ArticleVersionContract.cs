using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The contract of <see cref="IArticleVersionStore"/>: an article's earlier versions are kept when the outlet updates
/// it (its translation then completes that version), when it is translated again differently, and when the editor
/// corrects or uncorrects a paragraph; each as readers saw it, with its times and causes, in order.
/// </summary>
public abstract class ArticleVersionContract(StoreEngine engine) : StoreContract(engine)
{
    private IArticleVersionStore Versions => Services.GetRequiredService<IArticleVersionStore>();
    private ISegmentOverrideStore Overrides => Services.GetRequiredService<ISegmentOverrideStore>();

    private const string Url = "https://e.example/a";

    private async Task<long> SaveAsync(Source source, string hash, params string[] paragraphs)
    {
        var draft = Draft(source, Url, hash, "Título");
        draft = draft with { Original = draft.Original with { Paragraphs = [.. paragraphs.Select(p => new Paragraph("p", p, p))] } };
        return (await Store.SaveArticleAsync(draft, Time.GetUtcNow(), Ct)).ArticleId;
    }

    private Task TranslateAsync(long id, params string[] paragraphs) =>
        Store.SaveTranslationAsync(id, new TranslatedArticle("Title", null, [.. paragraphs.Select(p => new Paragraph("p", p, p))], null, "apertium", "es→en", 0),
            Time.GetUtcNow(), Ct);

    private static string[] Texts(IReadOnlyList<Paragraph>? paragraphs) => [.. (paragraphs ?? []).Select(p => p.Text)];

    [Fact]
    public async Task AnArticleThatNeverChanged_HasNoEarlierVersion_NorDoesASameTranslationMakeOne()
    {
        var id = await SaveAsync(await AddSourceAsync("El Diario"), "h1", "Uno.");
        await TranslateAsync(id, "One.");
        Time.Advance(TimeSpan.FromMinutes(5));
        await TranslateAsync(id, "One.");
        await SaveAsync((await Store.ListSourcesAsync(Ct))[0], "h1", "Uno.");

        Assert.Empty(await Versions.EarlierVersionsAsync(id, Ct));
        Assert.Null(await Versions.LastEarlierVersionAsync(id, Ct));
        Assert.False((await Store.GetArticleAsync(id, Ct))!.HasEarlierVersions);
    }

    [Fact]
    public async Task AnOutletsUpdate_KeepsThePreviousVersion_ItsTranslationCompletesIt_ADifferentOneMakesAnother()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "h1", "Uno.", "Dos.");
        var translated = Time.GetUtcNow();
        await TranslateAsync(id, "One.", "Two.");

        Time.Advance(TimeSpan.FromHours(2));
        var updated = Time.GetUtcNow();
        await SaveAsync(source, "h2", "Uno.", "Dos y medio.", "Tres.");
        Time.Advance(TimeSpan.FromMinutes(1));
        await TranslateAsync(id, "One.", "Two and a half.", "Three.");

        var first = Assert.Single(await Versions.EarlierVersionsAsync(id, Ct));
        Assert.Equal((id, 1, translated, (DateTimeOffset?)updated, VersionCause.First, (VersionCause?)VersionCause.OutletUpdate),
            (first.ArticleId, first.Number, first.FromUtc, first.UntilUtc, first.Cause, first.EndedBy));
        Assert.Equal(["Uno.", "Dos."], Texts(first.Original.Paragraphs));
        Assert.Equal(["One.", "Two."], Texts(first.Translation?.Paragraphs));
        Assert.True((await Store.GetArticleAsync(id, Ct))!.HasEarlierVersions);

        Time.Advance(TimeSpan.FromHours(1));
        var retranslated = Time.GetUtcNow();
        await TranslateAsync(id, "One.", "Two and a half.", "Three!");

        var versions = await Versions.EarlierVersionsAsync(id, Ct);
        Assert.Equal([1, 2], versions.Select(v => v.Number));
        var second = versions[1];
        Assert.Equal((updated, (DateTimeOffset?)retranslated, VersionCause.OutletUpdate, (VersionCause?)VersionCause.Retranslation),
            (second.FromUtc, second.UntilUtc, second.Cause, second.EndedBy));
        Assert.Equal(["Uno.", "Dos y medio.", "Tres."], Texts(second.Original.Paragraphs));
        Assert.Equal(["One.", "Two and a half.", "Three."], Texts(second.Translation?.Paragraphs));
        Assert.Equal(2, (await Versions.LastEarlierVersionAsync(id, Ct))?.Number);
    }

    [Fact]
    public async Task EditorsCorrections_KeepTheTranslationAsItShowed()
    {
        var id = await SaveAsync(await AddSourceAsync("El Diario"), "h1", "Uno.", "Dos.");
        await TranslateAsync(id, "One.", "Too.");
        var article = (await Store.GetArticleAsync(id, Ct))!;
        Assert.False(article.HasCorrections);

        Time.Advance(TimeSpan.FromHours(1));
        var corrected = Time.GetUtcNow();
        await Overrides.SaveOverrideAsync(new SegmentOverride(id, 1, SegmentOverride.HashOf(article.Original.Paragraphs[1]), "Two.", "editor", corrected), Ct);
        Assert.True((await Store.GetArticleAsync(id, Ct))!.HasCorrections);
        Time.Advance(TimeSpan.FromHours(1));
        Assert.False(await Overrides.RemoveOverrideAsync(id, 0, Ct));
        Assert.True(await Overrides.RemoveOverrideAsync(id, 1, Ct));
        Assert.False((await Store.GetArticleAsync(id, Ct))!.HasCorrections);

        var versions = await Versions.EarlierVersionsAsync(id, Ct);
        Assert.Equal([(VersionCause.First, VersionCause.EditorCorrection), (VersionCause.EditorCorrection, VersionCause.EditorCorrection)],
            versions.Select(v => (v.Cause, v.EndedBy!.Value)));
        Assert.Equal(["One.", "Too."], Texts(versions[0].Translation?.Paragraphs));
        Assert.Equal(["One.", "Two."], Texts(versions[1].Translation?.Paragraphs));
        Assert.Equal((corrected, (DateTimeOffset?)Time.GetUtcNow()), (versions[1].FromUtc, versions[1].UntilUtc));
    }

    [Fact]
    public async Task AnArticlesVersions_GoWithIt()
    {
        var source = await AddSourceAsync("El Diario");
        var id = await SaveAsync(source, "h1", "Uno.");
        await TranslateAsync(id, "One.");
        await SaveAsync(source, "h2", "Uno bis.");
        Assert.Single(await Versions.EarlierVersionsAsync(id, Ct));

        await Store.RemoveSourceAsync(source.Slug, Ct);

        Assert.Empty(await Versions.EarlierVersionsAsync(id, Ct));
    }
}
