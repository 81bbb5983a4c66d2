using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.Ingestion;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace ForeignDesk.Web.Tests.Faults;

/// <summary>
/// Another process holds every lock of the store's WAL index (the <c>-shm</c> file's lock bytes, which readers need as
/// much as writers: in WAL mode <c>BEGIN EXCLUSIVE</c> blocks only writers) while a pass runs and readers load pages,
/// until a page has been turned away (SQLite gives up a blocked read after about ten seconds of its own retries) and a
/// next one was asked for: the pass waits, starting again, and loses nothing; every page is the page or the 503 page
/// with a Retry-After, never a 500 or a stack trace.
/// </summary>
public sealed class LockedStoreTests
{
    private const int Articles = 6;
    /// <summary>Most pages asked for while the lock is held, should none be turned away.</summary>
    private const int MaxReadsWhileLocked = 50;

    [Fact]
    public async Task Pass_StoreLockedByAnotherProcess_WaitsAndStoresEveryArticleOnce_SiteNeverAnswers500()
    {
        var ct = TestContext.Current.CancellationToken;
        if (!File.Exists(LockHolder.Python))
        {
            Assert.Skip($"{LockHolder.Python} is not installed; it plays the other process holding the lock");
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

        // The -shm file the holder locks lives while a connection is open: one of the test's own, out of every pool that
        // another test class may clear, keeps it.
        await using var keepOpen = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = site.DatabasePath, Pooling = false }.ToString());
        await keepOpen.OpenAsync(ct);
        await using (var read = keepOpen.CreateCommand())
        {
            read.CommandText = "SELECT COUNT(*) FROM sqlite_master";
            await read.ExecuteScalarAsync(ct);
        }
        var holder = await LockHolder.LockAsync(site.DatabasePath, ct);
        var passing = pass.RunAsync(ct);
        var statuses = new List<int>();
        // A word of its own in each search, so that a cached answer does not stand in for the store.
        var pages = new[] { $"/article/{first[0].Id}", "/search?q=council+{0}", "/search.json?q=school+{0}", "/api/v1/articles", "/" };
        using (holder)
        {
            // Until one page has been turned away, and one more asked for.
            for (var i = 0; i < MaxReadsWhileLocked && !(statuses.IndexOf(503) is >= 0 and var refused && statuses.Count > refused + 1); i++)
                statuses.Add(await ReadAsync(reader, string.Format(System.Globalization.CultureInfo.InvariantCulture, pages[i % pages.Length], i), ct));
            Assert.False(passing.IsCompleted, "the pass ended while the store was locked");
            await holder.ReleaseAsync(ct);
        }
        var report = await passing;
        foreach (var page in pages)
            Assert.Equal(200, await ReadAsync(reader, string.Format(System.Globalization.CultureInfo.InvariantCulture, page, "again"), ct));

        Assert.All(statuses, s => Assert.True(s is 200 or 503, $"a page answered {s} while the store was locked"));
        Assert.Contains(503, statuses);
        var stored = (await store.FromSourceAsync(source.Id, null, 100, ct)).Items;
        Assert.Equal(Articles, stored.Count);
        for (var i = 1; i <= Articles; i++)
            Assert.NotNull(await store.FindByUrlAsync(outlet.ArticleUrl(i).AbsoluteUri, ct));
        Assert.Equal(Articles - Articles / 2, report.Created);
    }

    /// <summary>Loads a page: its status, once checked that the body shows no exception and a 503 says when to come back.</summary>
    private static async Task<int> ReadAsync(HttpClient reader, string page, CancellationToken ct)
    {
        using var response = await reader.GetAsync(page, ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        Assert.DoesNotContain("Exception", body, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", body, StringComparison.Ordinal);
        if (response.StatusCode == System.Net.HttpStatusCode.ServiceUnavailable)
            Assert.True(response.Headers.RetryAfter is not null, $"{page} answered 503 with no Retry-After");
        return (int)response.StatusCode;
    }

    /// <summary>
    /// Python in its own process, holding exclusive POSIX locks on the lock bytes of a WAL database's <c>-shm</c> file
    /// (offsets 120 to 127: the write, checkpoint, recovery and read-mark locks, as SQLite's Unix VFS places them).
    /// </summary>
    private sealed class LockHolder : IDisposable
    {
        public const string Python = "/usr/bin/python3";

        private const string Script = """
            import fcntl, os, sys
            fd = os.open(sys.argv[1] + "-shm", os.O_RDWR)
            fcntl.lockf(fd, fcntl.LOCK_EX, 8, 120, 0)
            open(sys.argv[2], "w").close()
            sys.stdin.readline()
            """;

        private readonly Process _process;

        private LockHolder(Process process) => _process = process;

        /// <summary>Starts the holder and returns once it has said, by creating a file, that it holds the locks.</summary>
        public static async Task<LockHolder> LockAsync(string database, CancellationToken ct)
        {
            var marker = database + ".locked";
            var info = new ProcessStartInfo(Python) { RedirectStandardInput = true, RedirectStandardError = true };
            info.ArgumentList.Add("-c");
            info.ArgumentList.Add(Script);
            info.ArgumentList.Add(database);
            info.ArgumentList.Add(marker);
            var process = Process.Start(info)!;
            var holder = new LockHolder(process);
            var waited = Stopwatch.StartNew();
            while (!File.Exists(marker) && !process.HasExited && waited.Elapsed < TimeSpan.FromSeconds(30)) await Task.Delay(50, ct);
            Assert.True(File.Exists(marker), "the holder did not take the locks: " + (process.HasExited ? await process.StandardError.ReadToEndAsync(ct) : "still waiting"));
            File.Delete(marker);
            return holder;
        }

        public async Task ReleaseAsync(CancellationToken ct)
        {
            await _process.StandardInput.WriteLineAsync("".AsMemory(), ct);
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
