using System.Text;
using ForeignDesk.Core;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>Articles saved straight into a store, with a one-line Spanish body, for the commands that work on stored articles.</summary>
internal static class BareArticles
{
    public static readonly DateTimeOffset Published = new(2025, 11, 3, 6, 0, 0, TimeSpan.Zero);

    /// <returns>The article's id.</returns>
    public static Task<long> SaveAsync(IArticleStore store, Source source, string path, string? section, string category, CancellationToken cancellationToken) =>
        SaveAsync(store, source, path, section, category, "Texto.", cancellationToken);

    /// <param name="text">The body's one paragraph.</param>
    /// <returns>The article's id.</returns>
    public static async Task<long> SaveAsync(IArticleStore store, Source source, string path, string? section, string category, string text, CancellationToken cancellationToken)
    {
        var url = $"{source.HomeUrl}{path}";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), Published);
        var original = new ExtractedArticle("Titular " + path, null, [new Paragraph("p", text, text)], null, Published, null, "es", null, section, null, []);
        var saved = await store.SaveArticleAsync(new ArticleDraft(source.Id, url, "es", original, Published, false, category, url, page), Published, cancellationToken);
        return saved.ArticleId;
    }
}
