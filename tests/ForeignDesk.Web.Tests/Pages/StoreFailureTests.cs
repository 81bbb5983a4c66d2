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

            Assert.Equal(500, page.Status);
            Assert.Equal("Something went wrong", page.Text("h1"));
            Assert.DoesNotContain("Exception", page.Html);
            Assert.DoesNotContain("Sqlite", page.Html, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ForeignDesk", page.Html);
        }
        finally
        {
            Directory.Delete(notAFile, recursive: true);
        }
    }
}
