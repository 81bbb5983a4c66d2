using System.Text.Json;
using ForeignDesk.Web.Tests.Pages;
using Xunit;

namespace ForeignDesk.Web.Tests.Api;

/// <summary>The API when its store cannot be opened: problem details, never an exception's text.</summary>
public sealed class ApiStoreFailureTests
{
    [Theory]
    [InlineData("/api/v1/articles")]
    [InlineData("/api/v1/articles/1")]
    [InlineData("/api/v1/sources")]
    [InlineData("/api/v1/search?q=budget")]
    public async Task StoreCannotOpen_503ProblemWithRetryAfter_NoStackTrace(string path)
    {
        var ct = TestContext.Current.CancellationToken;
        // A directory where the database file should be: SQLite cannot open it.
        var notAFile = Directory.CreateTempSubdirectory("foreigndesk-broken-").FullName;
        try
        {
            await using var server = await SiteServer.StartAsync(ct, databasePath: notAFile, environment: "Development");
            using var plain = new HttpClient { BaseAddress = server.Address };

            using var response = await plain.GetAsync(path, ct);
            var body = await response.Content.ReadAsStringAsync(ct);

            Assert.Equal(503, (int)response.StatusCode);
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType!.MediaType);
            Assert.Equal(TimeSpan.FromSeconds(30), response.Headers.RetryAfter?.Delta);
            Assert.Equal(503, JsonDocument.Parse(body).RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("Exception", body);
            Assert.DoesNotContain("Sqlite", body, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(" at ForeignDesk", body);
        }
        finally
        {
            Directory.Delete(notAFile, recursive: true);
        }
    }
}
