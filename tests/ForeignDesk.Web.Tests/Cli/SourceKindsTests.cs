using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Data.Sqlite;
using Xunit;

namespace ForeignDesk.Web.Tests.Cli;

/// <summary>Sources of every kind, added and ingested through the real program against a local outlet.</summary>
public sealed class SourceKindsTests : IAsyncLifetime
{
    private readonly string _data = Directory.CreateTempSubdirectory("foreigndesk-kinds-").FullName;
    private OutletServer _outlet = null!;
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        _outlet = await OutletServer.StartAsync(Ct);
        OutletWorld.Publish(_outlet);
    }

    public async ValueTask DisposeAsync()
    {
        await _outlet.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_data, recursive: true);
    }

    [Fact]
    public async Task AddHome_DiscoversTheAnnouncedFeed()
    {
        _outlet.Serve("es/", "text/html; charset=utf-8", """
            <html><head><title>La Voz del Sur</title>
            <link rel="alternate" type="application/rss+xml" title="Portada" href="/es/rss.xml">
            </head><body><a href="/es/politica/">Política</a></body></html>
            """);

        var added = await RunAsync("sources", "add", "--home", _outlet.Url("es/").AbsoluteUri, "--language", "es");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"found feed {_outlet.Url("es/rss.xml")}", added.Output);
        Assert.Contains(_outlet.Url("es/rss.xml").AbsoluteUri, (await RunAsync("sources", "list")).Output);
    }

    [Fact]
    public async Task AddHome_WithNothingToFollow_SaysSo()
    {
        _outlet.Serve("vacio/", "text/html", "<html><head><title>Nada</title></head><body>Nada</body></html>");
        var added = await RunAsync("sources", "add", "--home", _outlet.Url("vacio/").AbsoluteUri);
        Assert.NotEqual(0, added.ExitCode);
        Assert.Contains("no feed or sitemap found", added.Error);
    }

    [Fact]
    public async Task SectionPage_ArticleLinksAreIngested()
    {
        var links = string.Concat(OutletWorld.Spanish.Select(a => $"<li><a href=\"/{a.Path}\">{a.Title}</a></li>"));
        _outlet.Serve("es/seccion/", "text/html; charset=utf-8", $"""
            <html><head><title>Política</title></head><body>
            <nav><a href="/">Inicio</a> <a href="/es/suscribete/">Suscríbete</a> <a href="/es/aviso-legal/">Aviso legal</a></nav>
            <ul>{links}</ul></body></html>
            """);
        await RunAsync("sources", "add", "--name", "Sección", "--section", _outlet.Url("es/seccion/").AbsoluteUri, "--language", "es");

        var ingest = await RunAsync("ingest", "--once");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("created 3", ingest.Output);
    }

    [Fact]
    public async Task NewsSitemap_RecentArticlesAreIngested()
    {
        var now = DateTimeOffset.UtcNow;
        var urls = string.Concat(OutletWorld.Spanish.Select((a, i) => $"""
            <url><loc>{_outlet.Url(a.Path)}</loc><news:news><news:publication><news:name>La Voz del Sur</news:name>
            <news:language>es</news:language></news:publication><news:publication_date>{now.AddMinutes(-10 * (i + 1)):yyyy-MM-ddTHH:mm:ssZ}</news:publication_date>
            <news:title>{a.Title}</news:title></news:news></url>
            """));
        var old = $"<url><loc>{_outlet.Url("es/archivo/2019/vieja.html")}</loc><lastmod>2019-01-01</lastmod></url>";
        _outlet.Serve("es/sitemap-news.xml", "application/xml", $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
            {urls}{old}
            </urlset>
            """);
        await RunAsync("sources", "add", "--name", "Mapa", "--sitemap", _outlet.Url("es/sitemap-news.xml").AbsoluteUri, "--language", "es");

        var ingest = await RunAsync("ingest", "--once");

        Assert.Equal(0, ingest.ExitCode);
        Assert.Contains("created 3", ingest.Output);
        Assert.Contains("failed 0", ingest.Output);
    }

    [Fact]
    public async Task AddUrl_Feed_FollowsTheFeed()
    {
        var feed = _outlet.Url("es/rss.xml").AbsoluteUri;

        var added = await RunAsync("sources", "add", feed, "--language", "es");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"found feed {feed} (the URL is a feed)", added.Output);
        Assert.Contains(feed, (await RunAsync("sources", "list")).Output);
        Assert.Contains("created 3", (await RunAsync("ingest", "--once")).Output);
    }

    [Fact]
    public async Task AddUrl_PageThatAnnouncesFeeds_FollowsThem()
    {
        _outlet.Serve("es/portada/", "text/html; charset=utf-8", """
            <html><head><title>La Voz del Sur</title>
            <link rel="alternate" type="application/rss+xml" title="Portada" href="/es/rss.xml">
            </head><body>Portada</body></html>
            """);

        var added = await RunAsync("sources", "add", _outlet.Url("es/portada/").AbsoluteUri, "--name", "La Voz");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"found feed {_outlet.Url("es/rss.xml")} (announced by the page)", added.Output);
        Assert.Contains("added la-voz", added.Output);
    }

    [Fact]
    public async Task AddUrl_Sitemap_FollowsTheSitemap()
    {
        var urls = string.Concat(OutletWorld.Spanish.Select(a => $"<url><loc>{_outlet.Url(a.Path)}</loc><lastmod>{DateTimeOffset.UtcNow:yyyy-MM-ddTHH:mm:ssZ}</lastmod></url>"));
        _outlet.Serve("es/sitemap.xml", "application/xml",
            $"""<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">{urls}</urlset>""");

        var added = await RunAsync("sources", "add", _outlet.Url("es/sitemap.xml").AbsoluteUri, "--language", "es");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"found sitemap {_outlet.Url("es/sitemap.xml")} (the URL is a sitemap)", added.Output);
        Assert.Contains("created 3", (await RunAsync("ingest", "--once")).Output);
    }

    [Fact]
    public async Task AddUrl_SectionPageWithoutFeeds_FollowsItsArticleLinks()
    {
        var links = string.Concat(OutletWorld.Spanish.Select(a => $"<li><a href=\"/{a.Path}\">{a.Title}</a></li>"));
        _outlet.Serve("es/economia/", "text/html; charset=utf-8", $"<html><head><title>Economía</title></head><body><ul>{links}</ul></body></html>");

        var added = await RunAsync("sources", "add", _outlet.Url("es/economia/").AbsoluteUri, "--language", "es");

        Assert.Equal(0, added.ExitCode);
        Assert.Contains($"found section {_outlet.Url("es/economia/")}", added.Output);
        Assert.Contains("created 3", (await RunAsync("ingest", "--once")).Output);
    }

    [Fact]
    public async Task AddUrl_NotFound_SaysSoInOneLine()
    {
        var added = await RunAsync("sources", "add", _outlet.Url("es/no-hay/").AbsoluteUri);

        Assert.Equal(1, added.ExitCode);
        var line = Assert.Single(added.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"foreigndesk: nothing to follow found: {_outlet.Url("es/no-hay/")} could not be fetched", line, StringComparison.Ordinal);
        Assert.DoesNotContain("es/no-hay", (await RunAsync("sources", "list")).Output);
    }

    private Task<CliProcess.Result> RunAsync(params string[] args) => CliProcess.RunAsync(_data, null, Ct, args);
}
