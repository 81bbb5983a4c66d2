using System.Text;
using ForeignDesk.Core;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace ForeignDesk.Store.Tests.Contract;

/// <summary>
/// The base of the store contract: every test of a derived class runs on each engine (a SQLite class and a PostgreSQL
/// class derive from it), on a fresh store built the way the application builds it (<c>AddStore</c> from configuration)
/// and migrated, with a fake clock.
/// </summary>
public abstract class StoreContract(StoreEngine engine) : IAsyncLifetime
{
    private ServiceProvider _services = null!;

    /// <summary>The store's services as the application registers them.</summary>
    protected IServiceProvider Services => _services;
    private Func<ValueTask> _remove = () => ValueTask.CompletedTask;

    protected static CancellationToken Ct => TestContext.Current.CancellationToken;

    protected FakeTimeProvider Time { get; } = new(new DateTimeOffset(2026, 11, 29, 10, 0, 0, TimeSpan.Zero));

    protected IArticleStore Store => _services.GetRequiredService<IArticleStore>();
    protected ISourceEndpointStore Endpoints => _services.GetRequiredService<ISourceEndpointStore>();
    protected IStoryStore Stories => _services.GetRequiredService<IStoryStore>();
    protected ITranslationMemory Memory => _services.GetRequiredService<ITranslationMemory>();
    protected ISearchIndex Search => _services.GetRequiredService<ISearchIndex>();
    protected ITrendSignals Trends => _services.GetRequiredService<ITrendSignals>();
    protected IPageChanges Changes => _services.GetRequiredService<IPageChanges>();
    protected ICategoryStore Categories => _services.GetRequiredService<ICategoryStore>();
    protected IWebSubSubscriptionStore WebSub => _services.GetRequiredService<IWebSubSubscriptionStore>();

    private IConfiguration _configuration = null!;
    private string _data = null!;

    public async ValueTask InitializeAsync()
    {
        var (settings, data, remove) = await engine.CreateAsync(Ct);
        _remove = remove;
        foreach (var (name, value) in Settings) settings[name] = value;
        _configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        _data = data;
        _services = ServicesAt(Time);
        await Store.MigrateAsync(Ct);
        await engine.SetServerClockAsync(Time.GetUtcNow(), Ct);
        await SeedAsync();
    }

    /// <summary>
    /// The same store's services as another process on the same machine builds them, reading <paramref name="clock"/>
    /// (a clock that jumps, say); disposed by the caller.
    /// </summary>
    protected ServiceProvider ServicesAt(TimeProvider clock) => new ServiceCollection()
        .AddSingleton(clock)
        .AddStore(_configuration, _data)
        // The job queue's retry policy for JobQueueContract: few failures and short delays.
        .Configure<JobOptions>(jobs => (jobs.MaxFailures, jobs.FirstRetryDelay, jobs.MaxRetryDelay) = (3, TimeSpan.FromSeconds(10), TimeSpan.FromMinutes(1)))
        .BuildServiceProvider();

    /// <summary>Lets <paramref name="span"/> pass: on the test's clock, and on the store server's where it has its own.</summary>
    protected async Task PassAsync(TimeSpan span)
    {
        Time.Advance(span);
        await engine.SetServerClockAsync(Time.GetUtcNow(), Ct);
    }

    /// <summary>Settings a test class adds to the engine's; none by default.</summary>
    protected virtual IReadOnlyDictionary<string, string?> Settings { get; } = new Dictionary<string, string?>();

    /// <summary>What a test class stores before each of its tests; nothing by default.</summary>
    protected virtual Task SeedAsync() => Task.CompletedTask;

    public async ValueTask DisposeAsync()
    {
        if (_services is not null) await _services.DisposeAsync();
        await _remove();
        GC.SuppressFinalize(this);
    }

    protected Task<Source> AddSourceAsync(string name, string zone = "Europe/Madrid", string language = "es") =>
        Store.AddSourceAsync(new SourceDraft(name, new Uri("https://e.example/"), [new Uri("https://e.example/feed.xml")], language, "News/World", zone), Ct);

    protected ArticleDraft Draft(Source source, string url, string hash, string title = "Un título", string? text = null) => new(
        source.Id, url, "es",
        new ExtractedArticle(title, null, [new Paragraph("p", text ?? title, text ?? title)], "Ana Pérez",
            Time.GetUtcNow(), null, "es", url, "Política", null, []),
        Time.GetUtcNow(), false, "News/World", hash,
        new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html>página</html>"), Time.GetUtcNow(), "\"v1\""));

    protected async Task<long> SaveAsync(Source source, string url, string title, DateTimeOffset? published = null, string? text = null)
    {
        var draft = Draft(source, url, url, title, text);
        if (published is { } at) draft = draft with { PublishedUtc = at };
        return (await Store.SaveArticleAsync(draft, Time.GetUtcNow(), Ct)).ArticleId;
    }

    /// <summary>The instant the news-desk articles are published around.</summary>
    protected static readonly DateTimeOffset Now = new(2026, 11, 29, 12, 0, 0, TimeSpan.Zero);

    /// <summary>An outlet in UTC with its language and category.</summary>
    protected Task<Source> OutletAsync(string name, string language, string category, CancellationToken ct) =>
        Store.AddSourceAsync(new SourceDraft(name, new Uri($"https://{Slug.From(name)}.example/"), [new Uri($"https://{Slug.From(name)}.example/rss")],
            language, category, "UTC"), ct);

    /// <summary>An article of <paramref name="outlet"/> in its language and, when <paramref name="englishTitle"/> is given, its translation.</summary>
    protected async Task<long> ArticleAsync(Source outlet, string title, string text, string? englishTitle, string? englishText,
        DateTimeOffset published, CancellationToken ct, string? category = null)
    {
        var url = $"https://{Slug.From(outlet.Name)}.example/a/{Guid.NewGuid():N}";
        var draft = Draft(outlet, url, url, title, text) with { Language = outlet.Language!, PublishedUtc = published, Category = category ?? outlet.Category };
        var id = (await Store.SaveArticleAsync(draft, Now, ct)).ArticleId;
        if (englishTitle is not null) await TranslateAsync(id, englishTitle, englishText ?? "");
        return id;
    }

    protected Task TranslateAsync(long id, string title, string? text = null, string? teaser = null) =>
        Store.SaveTranslationAsync(id,
            new TranslatedArticle(title, teaser, [new Paragraph("p", text ?? title, text ?? title)], null, "apertium", "es→en", 0.1),
            Time.GetUtcNow(), Ct);
}
