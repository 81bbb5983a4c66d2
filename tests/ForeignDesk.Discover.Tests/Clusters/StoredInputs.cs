using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Discover.Tests.Clusters;

/// <summary>Stores a <see cref="StoryInput"/> as the pipeline would: an outlet of its own, the article, its translation or the awaiting-engine mark.</summary>
internal static class StoredInputs
{
    public static async Task<StoredArticle> SaveAsync(SqliteArticleStore store, StoryInput input, CancellationToken ct)
    {
        var source = await store.AddSourceAsync(new SourceDraft($"Outlet {input.Id}", new Uri($"https://o{input.Id}.example/"), [], input.Language, "News/World", "UTC"), ct);
        var url = $"https://o{input.Id}.example/a";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), input.PublishedUtc);
        var original = new ExtractedArticle(input.Original.Title, null, input.Original.Paragraphs.Select(p => new Paragraph("p", p, p)).ToList(),
            null, input.PublishedUtc, null, input.Language, null, null, null, []);
        var saved = await store.SaveArticleAsync(new ArticleDraft(source.Id, url, input.Language, original, input.PublishedUtc, false, "News/World", url, page), input.PublishedUtc, ct);
        if (input.English is { } english)
            await store.SaveTranslationAsync(saved.ArticleId, new TranslatedArticle(english.Title, null,
                english.Paragraphs.Select(p => new Paragraph("p", p, p)).ToList(), null, "apertium", input.Language + "→en", 0), input.PublishedUtc, ct);
        else await store.MarkAwaitingEngineAsync(saved.ArticleId, ct);
        return (await store.GetArticleAsync(saved.ArticleId, ct))!;
    }
}
