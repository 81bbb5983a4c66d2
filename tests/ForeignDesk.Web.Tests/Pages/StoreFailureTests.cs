using Xunit;
namespace ForeignDesk.Web.Tests.Pages;

public sealed class StoreFailureTests
{
    [Fact]
    public async Task Home_StoreCannotOpen_ShowsPlainErrorPageWithoutStackTrace()
    {
        var ct = TestContext.Current.CancellationToken;
        // A directory where the database file should be: SQLite cannot open it.
        var notAFile = Directory.CreateTempSubdirectory("foreigndesk-broken-").FullName;
        try
        {
            await using var server = await SiteServer.StartAsync(ct, databasePath: notAFile, environment: "Development");

            using var plain = new HttpClient { BaseAddress = server.Address };
            var page = await HtmlPage.GetAsync(plain, "/", ct);

            Assert.Equal(503, page.Status);
            Assert.Equal("The news is unavailable for a moment", page.Text("h1"));
            Assert.DoesNotContain("Exception", page.Html);
            Assert.DoesNotContain("Sqlite", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ForeignDesk", page.Html);
        }
        finally
        {
            Directory.Delete(notAFile, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_StoreCannotOpen_Is503_AndHealthzStillAnswers()
    {
        var ct = TestContext.Current.CancellationToken;
        var notAFile = Directory.CreateTempSubdirectory("foreigndesk-broken-").FullName;
        try
        {
            await using var server = await SiteServer.StartAsync(ct, databasePath: notAFile);
            using var plain = new HttpClient { BaseAddress = server.Address };

            using var ready = await plain.GetAsync("/readyz", ct);
            Assert.Equal(503, (int)ready.StatusCode);
            Assert.Equal("not ready: the store cannot be reached", await ready.Content.ReadAsStringAsync(ct));
            using var alive = await plain.GetAsync("/healthz", ct);
            Assert.Equal(200, (int)alive.StatusCode);
        }
        finally
        {
            Directory.Delete(notAFile, recursive: true);
        }
    }

    [Fact]
    public async Task Readyz_MigratedStore_IsReady_UnmigratedIsNot()
    {
        var ct = TestContext.Current.CancellationToken;
        await using (var server = await SiteServer.StartAsync(ct))
        {
            using var ready = await server.Client.GetAsync("/readyz", ct);
            Assert.Equal(200, (int)ready.StatusCode);
        }
        var folder = Directory.CreateTempSubdirectory("foreigndesk-empty-").FullName;
        try
        {
            await using var server = await SiteServer.StartAsync(ct, databasePath: Path.Combine(folder, "empty.db"));
            using var plain = new HttpClient { BaseAddress = server.Address };
            using var notReady = await plain.GetAsync("/readyz", ct);
            Assert.Equal(503, (int)notReady.StatusCode);
            Assert.Contains("migrations", await notReady.Content.ReadAsStringAsync(ct));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }
}
