using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>foreigndesk categories reclassify</c> through the real program, on a data folder with stored articles.</summary>
public sealed class CategoriesReclassifyTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-reclassify-").FullName;
    private SqliteArticleStore _store = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _store = new SqliteArticleStore(Path.Combine(_data, "foreigndesk.db"), TimeProvider.System);
        await _store.MigrateAsync(Ct);
    }

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
        return ValueTask.CompletedTask;
    }

    [Fact]
    public async Task Reclassify_AfterMap_DryRunPrintsMovesAndWritesNothing_ThenRunFilesThem()
    {
        var diario = await _store.AddSourceAsync(new SourceDraft("El Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var gaceta = await _store.AddSourceAsync(new SourceDraft("La Gaceta", new Uri("https://gaceta.example/"), [], "es", "News/World", "UTC"), Ct);
        var first = await SaveAsync(diario, "Cotilleo", "a");
        var second = await SaveAsync(gaceta, "Cotilleo", "b");
        var sport = await SaveAsync(diario, "Deportes", "c");
        Assert.Equal("News/World", await CategoryAsync(first));
        Assert.Equal(0, (await CliProcess.RunAsync(_data, null, Ct, "categories", "map", "Cotilleo", "Life/Entertainment")).ExitCode);

        var dry = await CliProcess.RunAsync(_data, null, Ct, "categories", "reclassify", "--dry-run");

        Assert.Equal(0, dry.ExitCode);
        Assert.Contains("News/World → Life/Entertainment\t2", dry.Output);
        Assert.Contains("reclassify scanned 3 would change 2 unchanged 1 (dry run: nothing written)", dry.Output);
        Assert.Contains("reclassify: 3 articles in ", dry.Error);
        Assert.Equal("News/World", await CategoryAsync(first));

        var one = await CliProcess.RunAsync(_data, null, Ct, "categories", "reclassify", "--source", "la-gaceta");

        Assert.Equal(0, one.ExitCode);
        Assert.Contains("reclassify scanned 1 changed 1 unchanged 0", one.Output);
        Assert.Equal("Life/Entertainment", await CategoryAsync(second));
        Assert.Equal("News/World", await CategoryAsync(first));

        var all = await CliProcess.RunAsync(_data, null, Ct, "categories", "reclassify", "--since", "2025-11-01");

        Assert.Contains("reclassify scanned 3 changed 1 unchanged 2", all.Output);
        Assert.Equal("Life/Entertainment", await CategoryAsync(first));
        Assert.Equal("Sports", await CategoryAsync(sport));
    }

    [Fact]
    public async Task Reclassify_BadOptions_ClearMessage()
    {
        var date = await CliProcess.RunAsync(_data, null, Ct, "categories", "reclassify", "--since", "yesterday-ish");
        Assert.Equal(2, date.ExitCode);
        Assert.Contains("--since needs a date", date.Error);

        var source = await CliProcess.RunAsync(_data, null, Ct, "categories", "reclassify", "--source", "nowhere");
        Assert.Equal(2, source.ExitCode);
        Assert.Contains("no outlet with id or slug 'nowhere'", source.Error);
    }

    private async Task<string> CategoryAsync(long id) => (await _store.GetArticleAsync(id, Ct))!.Category;

    private Task<long> SaveAsync(Source source, string section, string path) =>
        BareArticles.SaveAsync(_store, source, path, section, section == "Deportes" ? "Sports" : "News/World", Ct);
}
