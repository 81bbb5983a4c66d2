using System.Text;
using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>
/// Articles a stop left between two states, as the store holds them after the crash: the first pass of the next
/// process, and <c>reprocess</c>, complete them.
/// </summary>
public sealed class RepairTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task FirstPass_ArticlesLeftBetweenStates_AreTranslatedAndPlacedInStories()
    {
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>(), Ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var stories = site.Services.GetRequiredService<IStoryStore>();
        var (translatedNotPlaced, storedNotTranslated) = await SeedAsync(store);

        await site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);

        Assert.NotNull(await stories.StoryOfAsync(translatedNotPlaced, Ct));
        Assert.NotNull(await stories.StoryOfAsync(storedNotTranslated, Ct));
        Assert.Equal(ArticleState.Translated, (await store.GetArticleAsync(storedNotTranslated, Ct))!.State);
        Assert.Empty(await stories.UnplacedAsync(100, Ct));
        var report = await site.Services.GetRequiredService<ArticleRepair>().RunAsync(Ct);
        Assert.Equal(new RepairReport(0, 0), report);
    }

    [Fact]
    public async Task Reprocess_ArticleTranslatedButNeverPlaced_IsPlacedInAStory()
    {
        var data = Directory.CreateTempSubdirectory("foreigndesk-repair-").FullName;
        try
        {
            long article;
            await using (var app = AppHost.Build(new HostSettings(data, Settings: new Dictionary<string, string?> { ["ForeignDesk:Sources:DefaultFile"] = "" },
                MinimumLogLevel: LogLevel.Warning)))
            {
                await AppHost.PrepareStoreAsync(app.Services, Ct);
                (article, _) = await SeedAsync(app.Services.GetRequiredService<IArticleStore>());
            }
            SqliteConnection.ClearAllPools();

            var reprocess = await CliProcess.RunAsync(data, null, Ct, "reprocess");

            Assert.Equal(0, reprocess.ExitCode);
            Assert.Contains("repair enqueued: translate 1 place 1", reprocess.Output, StringComparison.Ordinal);
            await using var after = AppHost.Build(new HostSettings(data, MinimumLogLevel: LogLevel.Warning));
            Assert.NotNull(await after.Services.GetRequiredService<IStoryStore>().StoryOfAsync(article, Ct));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(data, recursive: true);
        }
    }

    /// <summary>A Spanish article whose translation was saved but which was never placed, and an English one stored but not yet translated.</summary>
    private static async Task<(long TranslatedNotPlaced, long StoredNotTranslated)> SeedAsync(IArticleStore store)
    {
        var source = await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var published = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        var spanish = await SaveAsync(store, source, "https://diario.example/terremoto", "es", "Un terremoto sacude el sur del país", published);
        var english = new TranslatedArticle("An earthquake shakes the south of the country", null,
            [new Paragraph("p", "An earthquake shakes the south of the country.", "An earthquake shakes the south of the country.")], null, "apertium", "es→en", 0);
        await store.SaveTranslationAsync(spanish, english, published, Ct);
        var untranslated = await SaveAsync(store, source, "https://diario.example/english", "en", "Parliament passes the school budget", published);
        return (spanish, untranslated);
    }

    private static async Task<long> SaveAsync(IArticleStore store, Source source, string url, string language, string title, DateTimeOffset published)
    {
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), published);
        var original = new ExtractedArticle(title, null, [new Paragraph("p", title, title)], null, published, null, language, null, null, null, []);
        var saved = await store.SaveArticleAsync(new ArticleDraft(source.Id, url, language, original, published, false, "News/World", url, page), published, Ct);
        return saved.ArticleId;
    }
}
