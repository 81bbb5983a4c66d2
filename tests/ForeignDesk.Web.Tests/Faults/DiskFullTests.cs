using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// The real program's <c>ingest --once</c> with its store on a disk that is full: a clear error, a sound database file
/// with nothing half-written, and once the space is back the next pass stores every article exactly once.
/// </summary>
public sealed class DiskFullTests
{
    private const int Articles = 6;

    [Fact]
    public async Task IngestOnce_DiskFull_FailsClearlyWithNothingHalfWritten_ThenStoresEveryArticleOnceWhenSpaceReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var disk = SmallDisk.TryMount(32, out var reason);
        if (disk is null)
        {
            Assert.Skip(reason);
            return;
        }

        var data = Directory.CreateDirectory(Path.Combine(disk.Path, "data")).FullName;
        await using var outlet = await NumberedOutlet.StartAsync(Articles, ct);
        var added = await CliProcess.RunAsync(data, null, ct, "sources", "add", "--name", "Le Courrier", "--feed", outlet.Feed.AbsoluteUri, "--language", "fr");
        Assert.True(added.ExitCode == 0, added.Error);

        var filler = disk.Fill();
        var full = await CliProcess.RunAsync(data, null, ct, "ingest", "--once");
        var said = full.Output + full.Error;
        Assert.Contains("is full", said, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled exception", said);

        File.Delete(filler);
        var before = await StoredAsync(data, ct);
        Assert.True(before.Count < Articles, $"the disk was full, yet all {before.Count} articles were stored");
        Assert.All(before, a => Assert.NotEmpty(a.Original.Paragraphs));

        var again = await CliProcess.RunAsync(data, null, ct, "ingest", "--once");
        Assert.True(again.ExitCode == 0, again.Error);
        var after = await StoredAsync(data, ct);
        Assert.Equal(Articles, after.Count);
        for (var i = 1; i <= Articles; i++)
        {
            var article = Assert.Single(after, a => a.Url == outlet.ArticleUrl(i).AbsoluteUri);
            Assert.NotEqual(ArticleState.Extracted, article.State);
        }
    }

    /// <summary>Checks the database file is sound and reads every article it holds.</summary>
    private static async Task<List<StoredArticle>> StoredAsync(string data, CancellationToken ct)
    {
        SqliteConnection.ClearAllPools();
        await using (var connection = new SqliteConnection($"Data Source={Path.Combine(data, "foreigndesk.db")};Pooling=false"))
        {
            await connection.OpenAsync(ct);
            await using var check = connection.CreateCommand();
            check.CommandText = "PRAGMA integrity_check;";
            Assert.Equal("ok", (string?)await check.ExecuteScalarAsync(ct));
        }

        await using var app = AppHost.Build(new HostSettings(data, MinimumLogLevel: LogLevel.Warning));
        var store = app.Services.GetRequiredService<IArticleStore>();
        var articles = new List<StoredArticle>();
        foreach (var id in await store.AllArticleIdsAsync(ct))
            if (await store.GetArticleAsync(id, ct) is { } article) articles.Add(article);
        SqliteConnection.ClearAllPools();
        return articles;
    }
}
