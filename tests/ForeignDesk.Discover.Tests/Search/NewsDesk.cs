using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.Time.Testing;

namespace ForeignDesk.Discover.Tests.Search;

/// <summary>A real SQLite store in a temp folder, with helpers to write outlets and articles through the store contract.</summary>
public sealed class NewsDesk : IAsyncDisposable
{
    public static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-discover-").FullName;
    private int _next;

    private NewsDesk() => Store = new SqliteArticleStore(Path.Combine(_folder, "news.db"), Time);

    public FakeTimeProvider Time { get; } = new(Now);

    public SqliteArticleStore Store { get; }

    public static async Task<NewsDesk> OpenAsync(CancellationToken ct)
    {
        var desk = new NewsDesk();
        await desk.Store.MigrateAsync(ct);
        return desk;
    }

    public Task<Source> OutletAsync(string name, string language, string category, CancellationToken ct) =>
        Store.AddSourceAsync(new SourceDraft(name, new Uri($"https://{Slug.From(name)}.example/"),
            [new Uri($"https://{Slug.From(name)}.example/rss")], language, category, "UTC"), ct);

    /// <summary>Stores an article and, when <paramref name="englishTitle"/> is given, its translation.</summary>
    public async Task<long> ArticleAsync(Source outlet, string title, string text, string? englishTitle, string? englishText,
        DateTimeOffset published, CancellationToken ct, string? category = null, string? section = null, string? path = null)
    {
        var url = $"https://{Slug.From(outlet.Name)}.example/{path ?? "a"}/{Interlocked.Increment(ref _next)}";
        var original = new ExtractedArticle(title, null, [new Paragraph("p", text, text)], null, published, null,
            outlet.Language, null, section, null, []);
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), Now);
        var saved = await Store.SaveArticleAsync(new ArticleDraft(outlet.Id, url, outlet.Language!, original, published, false,
            category ?? outlet.Category, url, page), Now, ct);
        if (englishTitle is not null)
            await Store.SaveTranslationAsync(saved.ArticleId, new TranslatedArticle(englishTitle, null,
                [new Paragraph("p", englishText ?? "", englishText ?? "")], null, "apertium", $"{outlet.Language}→en", 0), Now, ct);
        return saved.ArticleId;
    }

    public ValueTask DisposeAsync()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
