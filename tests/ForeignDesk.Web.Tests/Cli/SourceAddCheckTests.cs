using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary><c>sources add --feed</c> fetches and parses the feed first, against a local server: a feed, pages that are not feeds, a 404.</summary>
public sealed class SourceAddCheckTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-addcheck-").FullName;
    private OutletServer _outlet = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _outlet = await OutletServer.StartAsync(Ct);
        OutletWorld.Publish(_outlet);
        _outlet.Serve("es/", "text/html; charset=utf-8", """
            <html><head><title>La Voz del Sur</title>
            <link rel="alternate" type="application/rss+xml" title="Portada" href="/es/rss.xml">
            <link rel="alternate" type="application/atom+xml" title="Política" href="/es/politica/atom.xml">
            </head><body><a href="/es/politica/">Política</a></body></html>
            """);
        _outlet.Serve("es/aviso.html", "text/html; charset=utf-8", "<html><head><title>Aviso legal</title></head><body><p>Aviso legal</p></body></html>");
    }

    public async ValueTask DisposeAsync()
    {
        await _outlet.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AddFeed_UrlIsAFeed_IsAdded()
    {
        var added = await RunAsync("sources", "add", "--name", "La Voz", "--feed", _outlet.Url("es/rss.xml").AbsoluteUri, "--language", "es");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains("added la-voz", added.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddFeed_HtmlPageThatLinksFeeds_SaysWhichFeedsItLinks()
    {
        var added = await RunAsync("sources", "add", "--name", "La Voz", "--feed", _outlet.Url("es/").AbsoluteUri);

        Assert.Equal(1, added.ExitCode);
        var line = Assert.Single(added.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"{_outlet.Url("es/")} is an HTML page, not a feed; it links to {_outlet.Url("es/rss.xml")}, {_outlet.Url("es/politica/atom.xml")}", line, StringComparison.Ordinal);
        await AssertNoSourcesAsync();
    }

    [Fact]
    public async Task AddFeed_HtmlPageWithoutFeeds_IsRefused()
    {
        var added = await RunAsync("sources", "add", "--name", "La Voz", "--feed", _outlet.Url("es/aviso.html").AbsoluteUri);

        Assert.Equal(1, added.ExitCode);
        Assert.Equal($"foreigndesk: {_outlet.Url("es/aviso.html")} is an HTML page that links to no feed (--no-check adds it unchecked)", added.Error.Trim());
        await AssertNoSourcesAsync();
    }

    [Fact]
    public async Task AddFeed_NotFound_SaysSoInOneLine()
    {
        var added = await RunAsync("sources", "add", "--name", "La Voz", "--feed", _outlet.Url("es/no-hay.xml").AbsoluteUri);

        Assert.Equal(1, added.ExitCode);
        var line = Assert.Single(added.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"foreigndesk: {_outlet.Url("es/no-hay.xml")} could not be fetched: ", line, StringComparison.Ordinal);
        Assert.Contains("404", line, StringComparison.Ordinal);
        await AssertNoSourcesAsync();
    }

    [Fact]
    public async Task AddFeed_Unreachable_SaysSoAndNoCheckAddsItAnyway()
    {
        var added = await RunAsync("sources", "add", "--name", "Lejano", "--feed", "http://127.0.0.1:1/rss.xml");
        var forced = await RunAsync("sources", "add", "--name", "Lejano", "--feed", "http://127.0.0.1:1/rss.xml", "--no-check");

        Assert.Equal(1, added.ExitCode);
        Assert.StartsWith("foreigndesk: http://127.0.0.1:1/rss.xml could not be fetched: ", added.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", added.Error, StringComparison.Ordinal);
        Assert.Equal(0, forced.ExitCode);
        Assert.Contains("added lejano", forced.Output, StringComparison.Ordinal);
    }

    private async Task AssertNoSourcesAsync() =>
        Assert.DoesNotContain("La Voz", (await RunAsync("sources", "list")).Output, StringComparison.Ordinal);

    private Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(_data, null, Ct, args);
}
