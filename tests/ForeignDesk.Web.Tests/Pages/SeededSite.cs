using ForeignDesk.Web.Caching;

namespace ForeignDesk.Web.Tests.Pages;

/// <summary>
/// A site of its own with the small newsroom of <see cref="NewsSeed"/>, for tests that change the store or count
/// what the site does, and a plain client (no catching up, no decompression) that sees what a browser sees.
/// </summary>
internal sealed class SeededSite : IAsyncDisposable
{
    private SeededSite(SiteServer server, NewsSeed seed)
    {
        Server = server;
        Seed = seed;
        Plain = new HttpClient { BaseAddress = server.Address };
    }

    public SiteServer Server { get; }

    public NewsSeed Seed { get; }

    public HttpClient Plain { get; }

    public string BudgetPath => $"/article/{Seed.Budget}/government-approves-the-budget";

    /// <param name="settings">Configuration for the site (for example a view flush interval longer than the test).</param>
    public static async Task<SeededSite> StartAsync(CancellationToken ct, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var server = await SiteServer.StartAsync(ct, settings: settings);
        var seed = await NewsSeed.WriteAsync(server.Store, SiteServer.Now, "https://img.example/a.jpg", ct);
        await SiteCatchUp.RunAsync(server.Services, ct);
        return new SeededSite(server, seed);
    }

    /// <summary>
    /// Loads a page twice with the plain client and shows that the second answer came from the cache (it carries an
    /// Age). The site's background services may still drop the lists' pages once just after the start (their first
    /// round), between the two loads: up to three pairs are tried, and one must show the page cached.
    /// </summary>
    public async Task AssertCachedAsync(string path, CancellationToken ct)
    {
        for (var pair = 1; ; pair++)
        {
            using (var first = await Plain.GetAsync(path, ct)) Xunit.Assert.Equal(200, (int)first.StatusCode);
            using var second = await Plain.GetAsync(path, ct);
            Xunit.Assert.Equal(200, (int)second.StatusCode);
            if (second.Headers.Age is not null) return;
            Xunit.Assert.True(pair < 3, $"{path} was rendered again on the second of each of three pairs of loads: never answered from the cache");
        }
    }

    public async ValueTask DisposeAsync()
    {
        Plain.Dispose();
        await Server.DisposeAsync();
    }
}
