using System.Net;
using System.Net.Sockets;
using ForeignDesk.Bench.Latency;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Bench.Tests.Latency;

public sealed class SiteWatcherTests : IAsyncLifetime
{
    private readonly string _directory = Directory.CreateTempSubdirectory("foreigndesk-watcher-").FullName;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync() => ValueTask.CompletedTask;

    public ValueTask DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// The bench stops the watch while the site is slow to answer (a busy machine at the end of a run): the watch ends
    /// quietly with what it has seen, instead of ending the bench with the request's cancellation.
    /// </summary>
    [Fact]
    public async Task Stopped_WhileThePageIsAsked_EndsWithoutAnError()
    {
        var store = new SqliteArticleStore(Path.Combine(_directory, "store.db"), TimeProvider.System);
        await store.MigrateAsync(Ct);
        var source = await store.AddSourceAsync(new SourceDraft("Diario", new Uri("https://diario.example/"), [], "es", "News/World", "UTC"), Ct);
        var at = DateTimeOffset.UtcNow.AddMinutes(-5);
        await store.BulkInsertAsync([new BulkArticle(source.Id, "https://diario.example/1", "es",
            new ExtractedArticle("Puerto", null, [new Paragraph("p", "El puerto.", "El puerto.")], null, at, null, "es", null, null, null, []),
            new TranslatedArticle("Harbour", null, [new Paragraph("p", "The harbour.", "The harbour.")], null, "test", "es", 0),
            at, "News/World")], Ct);

        // A site that takes the connection and never answers.
        using var silent = new TcpListener(IPAddress.Loopback, 0);
        silent.Start();
        using var site = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{((IPEndPoint)silent.LocalEndpoint).Port}") };
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(Ct);
        var watching = new SiteWatcher(store, site).RunAsync(stop.Token);
        using var asked = await silent.AcceptTcpClientAsync(Ct);

        await stop.CancelAsync();
        var ended = await Record.ExceptionAsync(() => watching);

        Assert.Null(ended);
    }
}
