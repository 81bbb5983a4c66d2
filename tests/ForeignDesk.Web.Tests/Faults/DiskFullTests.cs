using ForeignDesk.Cli;
using ForeignDesk.Core;
using ForeignDesk.Web.Tests.Cli;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// The real program's <c>ingest --once</c> with its store on a small disk that fills in the middle of a pass (the test
/// takes the last byte when the outlet is asked for the pass's second new article): one clear line and a failing exit
/// code, the articles stored before untouched, a sound database file with nothing half-written, and once the space is
/// back the next pass stores every article exactly once.
/// </summary>
public sealed class DiskFullTests
{
    private const int StoredBefore = 4;
    private const int Articles = 12;

    [Fact]
    public async Task IngestOnce_DiskFillsMidPass_FailsClearlyLosingNothing_ThenStoresEveryArticleOnceWhenSpaceReturns()
    {
        var ct = TestContext.Current.CancellationToken;
        using var disk = SmallDisk.TryMount(32, out var reason);
        if (disk is null)
        {
            Assert.Skip(reason);
            return;
        }

        var data = Directory.CreateDirectory(Path.Combine(disk.Path, "data")).FullName;
        await using var outlet = await NumberedOutlet.StartAsync(StoredBefore, ct);
        var added = await CliProcess.RunAsync(data, null, ct, "sources", "add", "--name", "Le Courrier", "--feed", outlet.Feed.AbsoluteUri, "--language", "fr");
        Assert.True(added.ExitCode == 0, added.Error);
        var first = await CliProcess.RunAsync(data, null, ct, "ingest", "--once");
        Assert.True(first.ExitCode == 0, first.Error);
        var before = await StoredAsync(data, ct);
        Assert.Equal(StoredBefore, before.Count);

        while (outlet.Published < Articles) outlet.Publish();
        string? filler = null;
        var newAsked = 0;
        outlet.Serving = number =>
        {
            if (number > StoredBefore && Interlocked.Increment(ref newAsked) == 2) filler = disk.Fill();
        };
        var full = await CliProcess.RunAsync(data, null, ct, "ingest", "--once");
        outlet.Serving = null;
        Assert.NotNull(filler);
        Assert.NotEqual(0, full.ExitCode);
        // Besides the progress lines, one line says what went wrong.
        var error = Assert.Single(full.Error.Split('\n'), l => l.StartsWith("foreigndesk:", StringComparison.Ordinal));
        Assert.Contains("is full", error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", full.Output + full.Error, StringComparison.Ordinal);

        File.Delete(filler!);
        var during = await StoredAsync(data, ct);
        Assert.True(during.Count < Articles, $"the disk was full, yet all {during.Count} articles were stored");
        Assert.All(during, a => Assert.NotEmpty(a.Original.Paragraphs));
        foreach (var kept in before)
        {
            var now = Assert.Single(during, a => a.Id == kept.Id);
            Assert.Equal(kept.Url, now.Url);
            Assert.Equal(kept.Original.Text, now.Original.Text);
            Assert.Equal(kept.State, now.State);
        }

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

    [Fact]
    public void FullDiskNote_OnAFileSystemOfTheKernels_SaysNothingOfAFullDisk()
    {
        // /proc reports no space free, as a full disk would, but it has no size: an error there is not a full disk.
        if (!Directory.Exists("/proc/self"))
        {
            Assert.Skip("no /proc on this machine");
            return;
        }
        Assert.Equal("", FullDisk.Note(new FileNotFoundException("Could not find file '/proc/foreigndesk'."), "/proc/foreigndesk"));
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
