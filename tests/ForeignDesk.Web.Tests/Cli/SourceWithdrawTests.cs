using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>foreigndesk sources withdraw</c> through the real program: by URL, by slug, and an unknown source.</summary>
public sealed class SourceWithdrawTests : IAsyncLifetime
{
    private readonly string _folder = Directory.CreateTempSubdirectory("foreigndesk-withdraw-").FullName;
    private string Data => Path.Combine(_folder, "data");
    private SqliteArticleStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteArticleStore(Path.Combine(Data, "foreigndesk.db"), TimeProvider.System);
        await _store.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, recursive: true);
        return ValueTask.CompletedTask;
    }

    private async Task<(Source Source, long Article)> AddAsync(string name, string host)
    {
        var source = await _store.AddSourceAsync(new SourceDraft(name, new Uri($"https://{host}/"), [new Uri($"https://{host}/rss")], "es", "News/World", "UTC"), Ct);
        var url = $"https://{host}/noticia";
        var page = new FetchedPage(new Uri(url), new Uri(url), 200, "text/html", Encoding.UTF8.GetBytes("<html></html>"), DateTimeOffset.UtcNow);
        var article = new ExtractedArticle("Una noticia", null, [new Paragraph("p", "Texto.", "Texto.")], null, null, null, "es", url, null, null, []);
        var saved = await _store.SaveArticleAsync(new ArticleDraft(source.Id, url, "es", article, DateTimeOffset.UtcNow, false, "News/World", url, page), DateTimeOffset.UtcNow, Ct);
        return (source, saved.ArticleId);
    }

    [Fact]
    public async Task Withdraw_ByAnyUrlOfTheOutlet_TakesItsArticlesOff_OthersStay()
    {
        var (diario, gone) = await AddAsync("El Diario", "diario.example");
        var (_, kept) = await AddAsync("La Otra", "otra.example");

        var result = await CliProcess.RunAsync(Data, null, Ct, "sources", "withdraw", "https://www.diario.example/politica/algo");

        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Equal($"withdrew {diario.Slug}: 1 article taken off the site (their pages answer 410 Gone)", result.Output.Trim());
        Assert.Null(await _store.GetArticleAsync(gone, Ct));
        Assert.NotNull(await _store.WithdrawnArticleAsync(gone, Ct));
        Assert.NotNull(await _store.GetArticleAsync(kept, Ct));
        Assert.Equal(SourcePolicy.Withdrawn, (await _store.SourceControlsAsync(Ct))[diario.Id].Policy);
    }

    [Fact]
    public async Task Withdraw_BySlug_ThenAnUnknownSource_IsAClearError()
    {
        var (diario, _) = await AddAsync("El Diario", "diario.example");
        Assert.Equal(0, (await CliProcess.RunAsync(Data, null, Ct, "sources", "withdraw", diario.Slug)).ExitCode);

        var unknown = await CliProcess.RunAsync(Data, null, Ct, "sources", "withdraw", "nadie");
        Assert.Equal(1, unknown.ExitCode);
        Assert.Contains("no source 'nadie'", unknown.Error);
        Assert.DoesNotContain("   at ", unknown.Error);
    }
}
