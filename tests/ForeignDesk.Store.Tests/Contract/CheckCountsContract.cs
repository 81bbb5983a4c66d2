using ForeignDesk.Core;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The tallies of translation checks behind <see cref="IArticleStore.CheckFailureCountsAsync"/>: each translation stored
/// counts for its engine and source language, in its hour and in all time; those with failing checks and their failing
/// paragraphs are counted apart; an English article's copy does not count; hours older than two days are dropped.
/// </summary>
public abstract class CheckCountsContract(StoreEngine engine) : StoreContract(engine)
{
    private Task TranslateAsync(long id, string engineName, int failingParagraphs) =>
        Store.SaveTranslationAsync(id, new TranslatedArticle("Title", null, [new Paragraph("p", "One.", "One.")], null, engineName, "es→en", 0)
        {
            Checks = [.. Enumerable.Range(0, failingParagraphs).Select(i => new ParagraphCheck(i, [new CheckFailure(CheckKind.Number, "1.250")]))],
        }, Time.GetUtcNow(), Ct);

    private async Task<List<string>> CountsAsync(DateTimeOffset? since) =>
        [.. (await Store.CheckFailureCountsAsync(since, Ct)).Select(c => $"{c.Engine} {c.Language} {c.Translations}/{c.FailedTranslations}/{c.FailedParagraphs}").Order(StringComparer.Ordinal)];

    [Fact]
    public async Task Translations_AreCountedPerEngineAndLanguage_InTheirHourAndInAllTime()
    {
        Assert.Empty(await CountsAsync(null));
        var spanish = await AddSourceAsync("El Diario");
        var french = await AddSourceAsync("Le Journal", language: "fr");
        var english = await AddSourceAsync("The Daily", language: "en");
        var a = await SaveAsync(spanish, "https://e.example/a", "Uno");
        var b = await SaveAsync(spanish, "https://e.example/b", "Dos");
        var c = (await Store.SaveArticleAsync(Draft(french, "https://e.example/c", "c") with { Language = "fr" }, Time.GetUtcNow(), Ct)).ArticleId;
        var d = (await Store.SaveArticleAsync(Draft(english, "https://e.example/d", "d") with { Language = "en" }, Time.GetUtcNow(), Ct)).ArticleId;

        var start = Time.GetUtcNow();
        await TranslateAsync(a, "apertium", 2);
        await TranslateAsync(d, "none", 0);
        Time.Advance(TimeSpan.FromDays(3));
        await TranslateAsync(b, "apertium", 0);
        await TranslateAsync(c, "apertium", 1);
        // Translated again: it counts again.
        await TranslateAsync(a, "libre", 0);

        Assert.Equal(["apertium es 2/1/2", "apertium fr 1/1/1", "libre es 1/0/0"], await CountsAsync(null));
        Assert.Equal(["apertium es 1/0/0", "apertium fr 1/1/1", "libre es 1/0/0"], await CountsAsync(Time.GetUtcNow().AddHours(-24)));
        // The hours of three days ago are gone: only the all-time rows keep them.
        Assert.Equal(await CountsAsync(Time.GetUtcNow().AddHours(-24)), await CountsAsync(start));
    }
}
