using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// Another process (the sqlite3 shell) holds the store's write lock (<c>BEGIN EXCLUSIVE</c>) for a few seconds while a
/// pass runs and readers load pages: the pass waits and loses nothing, and the site answers every page with the page or
/// its 503 page, never a 500.
/// </summary>
public sealed class LockedStoreTests
{
    private const int Articles = 6;
    private static readonly TimeSpan Held = TimeSpan.FromSeconds(4);

    [Fact]
    public async Task Pass_StoreLockedByAnotherProcess_WaitsAndStoresEveryArticleOnce_SiteNeverAnswers500()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!File.Exists("/usr/bin/sqlite3"))
        {
            Assert.Skip("the sqlite3 shell (/usr/bin/sqlite3) is not installed; it plays the other process holding the lock");
            return;
        }

        await using var outlet = await NumberedOutlet.StartAsync(Articles / 2, ct);
        await using var site = await PipelineSite.CreateAsync(new Dictionary<string, string?> { ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true" }, ct);
        using var catchingUp = await site.StartAsync(ct);
        using var reader = new HttpClient { BaseAddress = catchingUp.BaseAddress, Timeout = TimeSpan.FromMinutes(2) };
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await store.AddSourceAsync(new SourceDraft("Le Courrier", outlet.Home, [outlet.Feed], "fr", "News/World", "Europe/Paris"), ct);
        var pass = site.Services.GetRequiredService<IngestPass>();
        await pass.RunAsync(ct);
        var first = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(Articles / 2, first.Count);
        while (outlet.Published < Articles) outlet.Publish();

        using var holder = await LockHolder.LockAsync(site.DatabasePath, ct);
        var passing = pass.RunAsync(ct);
        var releasing = ReleaseLaterAsync(holder, ct);
        var statuses = new List<int>();
        var pages = new[] { "/", $"/article/{first[0].Id}", "/search?q=council", "/search.json?q=school" };
        for (var i = 0; !releasing.IsCompleted; i++)
        {
            using var response = await reader.GetAsync(pages[i % pages.Length], ct);
            statuses.Add((int)response.StatusCode);
        }
        await releasing;
        var report = await passing;

        Assert.NotEmpty(statuses);
        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"a page answered {s} while the store was locked"));
        Assert.DoesNotContain(statuses, s => s >= 500 && s != 503);
        var stored = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(Articles, stored.Count);
        for (var i = 1; i <= Articles; i++)
            Assert.NotNull(await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct));
        Assert.Equal(Articles - Articles / 2, report.Created);
    }

    private static async Task ReleaseLaterAsync(LockHolder holder, CancellationToken ct)
    {
        await Task.Delay(Held, ct);
        await holder.ReleaseAsync(ct);
    }

    /// <summary>The sqlite3 shell in its own process, holding an exclusive lock on a database until released.</summary>
    private sealed class LockHolder : IDisposable
    {
        private readonly Process _process;

        private LockHolder(Process process) => _process = process;

        /// <summary>Starts the shell, takes the lock, and returns once the shell has said it holds it (by touching a file: its output is buffered).</summary>
        public static async Task<LockHolder> LockAsync(string database, CancellationToken ct)
        {
            var marker = database + ".locked";
            var info = new ProcessStartInfo("/usr/bin/sqlite3") { RedirectStandardInput = true, RedirectStandardOutput = true, RedirectStandardError = true };
            info.ArgumentList.Add(database);
            var process = Process.Start(info)!;
            var holder = new LockHolder(process);
            await process.StandardInput.WriteLineAsync($".timeout 10000\nBEGIN EXCLUSIVE;\n.shell touch '{marker}'".AsMemory(), ct);
            await process.StandardInput.FlushAsync(ct);
            var waited = Stopwatch.StartNew();
            while (!File.Exists(marker) && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50, ct);
            Assert.True(File.Exists(marker), "sqlite3 did not take the lock");
            File.Delete(marker);
            return holder;
        }

        public async Task ReleaseAsync(CancellationToken ct)
        {
            await _process.StandardInput.WriteLineAsync("COMMIT;\n.quit".AsMemory(), ct);
            _process.StandardInput.Close();
            await _process.WaitForExitAsync(ct);
        }

        public void Dispose()
        {
            if (!_process.HasExited) _process.Kill();
            _process.Dispose();
        }
    }
}
