using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Ingestion;

/// <summary>An article whose outlet says notranslate goes to no engine; its neighbour in the same language is translated.</summary>
public sealed class NoTranslateTests
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Pass_NoTranslateArticle_IsNotTranslated_TheOtherIs()
    {
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?>(), Ct);
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var held = await SaveAsync(store, source, "https://diario.example/poema", "Un poema del día", PublisherDirectives.NoTranslate);
        var plain = await SaveAsync(store, source, "https://diario.example/terremoto", "Un terremoto sacude el sur del país", PublisherDirectives.None);

        await site.Services.GetRequiredService<IngestPass>().RunAsync(Ct);

        var notTranslated = (await store.GetArticleAsync(held, Ct))!;
        Assert.Equal((ArticleState.AwaitingEngine, null), (notTranslated.State, notTranslated.Translation));
        Assert.Equal(ArticleState.Translated, (await store.GetArticleAsync(plain, Ct))!.State);
    }

    private static async Task<long> SaveAsync(IArticleStore store, Source source, string url, string title, PublisherDirectives directives)
    {
        var published = new DateTimeOffset(2026, 11, 29, 9, 0, 0, TimeSpan.Zero);
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), published);
        var original = new ExtractedArticle(title, null, [new Paragraph("p", title, title)], null, published, null, "es", null, null, null, [])
            { Robots = directives };
        return (await store.SaveArticleAsync(new ArticleDraft(source.Id, url, "es", original, published, false, "News/World", url, page), published, Ct)).ArticleId;
    }
}
