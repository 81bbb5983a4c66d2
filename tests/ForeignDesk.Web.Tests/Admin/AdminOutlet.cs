using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Tests.EndToEnd;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Tests.Admin;

/// <summary>A Spanish outlet on 127.0.0.1 whose home page announces its RSS feed of two articles.</summary>
internal static class AdminOutlet
{
    public static readonly OutletArticle[] Articles = [OutletWorld.Housing, OutletWorld.Prices];

    public static async Task<OutletServer> StartAsync(CancellationToken ct)
    {
        var server = await OutletServer.StartAsync(ct);
        server.Serve("", "text/html; charset=utf-8", $"""
            <!doctype html><html lang="es"><head><title>{OutletPages.SpanishOutlet}</title>
            <link rel="alternate" type="application/rss+xml" title="Portada" href="/es/rss.xml"></head>
            <body><h1>{OutletPages.SpanishOutlet}</h1></body></html>
            """);
        foreach (var article in Articles)
            server.Serve(article.Path, "text/html; charset=utf-8", OutletPages.Spanish(server.BaseUrl, article));
        server.Serve("es/rss.xml", "application/rss+xml",
            OutletPages.Rss(OutletPages.SpanishOutlet, server.BaseUrl, Articles.Select(a => (server.Url(a.Path), a.Title, "Sun, 29 Nov 2026 08:15:00 GMT"))));
        return server;
    }

    /// <summary>Follows the outlet's feed and takes its articles in (one ingest pass); returns the source.</summary>
    public static async Task<Source> FollowAsync(AdminSite site, OutletServer outlet, CancellationToken ct)
    {
        var store = site.Services.GetRequiredService<IArticleStore>();
        var source = await store.AddSourceAsync(new SourceDraft(OutletPages.SpanishOutlet, outlet.BaseUrl, [outlet.Url("es/rss.xml")], "es", "News/Politics", "Europe/Madrid"), ct);
        await site.Services.GetRequiredService<IngestPass>().RunAsync(ct);
        return source;
    }

    /// <summary>The outlet and an admin site that may fetch from it.</summary>
    public static async Task<(OutletServer Outlet, AdminSite Site)> StartWithSiteAsync(CancellationToken ct) =>
        (await StartAsync(ct), await AdminSite.StartAsync(ct, new Dictionary<string, string?> { ["ForeignDesk:Fetch:AllowPrivateNetworks"] = "true" }));
}
