using ForeignDesk.Web.Look;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Rendering;

/// <summary>The frame around every page: head, masthead, footer.</summary>
internal sealed class SiteShell(IOptions<SiteOptions> options, TimeProvider time, SiteLogo logo, SiteTheme theme)
{
    public SiteOptions Options => options.Value;

    /// <summary>The site's logo, for the masthead and as the publisher's logo in structured data.</summary>
    public string LogoPath => logo.Url ?? "/favicon.svg";

    /// <summary>Absolute URL of a path on this site: the configured public URL, or the request's scheme and host.</summary>
    public string AbsoluteUrl(HttpRequest request, string path)
    {
        var baseUrl = string.IsNullOrWhiteSpace(Options.PublicUrl)
            ? $"{request.Scheme}://{request.Host.Value}"
            : Options.PublicUrl.TrimEnd('/');
        return baseUrl + path;
    }

    /// <summary>Starts a page: writes everything up to and including the opening &lt;main&gt;.</summary>
    public HtmlBuilder Begin(HttpRequest request, PageMeta meta)
    {
        var site = Options;
        var url = AbsoluteUrl(request, meta.Path);
        var title = meta.Title == site.Name ? $"{site.Name}: {site.Tagline}" : $"{meta.Title} · {site.Name}";
        var description = Shorten(meta.Description, 200);
        var page = HtmlBuilder.ForPage();
        page.Add($"""
            <!doctype html>
            <html lang="en">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>{title}</title>
            <meta name="description" content="{description}">
            <link rel="canonical" href="{url}">
            <meta property="og:site_name" content="{site.Name}">
            <meta property="og:title" content="{meta.Title}">
            <meta property="og:description" content="{description}">
            <meta property="og:type" content="{meta.Type}">
            <meta property="og:url" content="{url}">

            """);
        if (meta.ImageUrl is not null) page.Add($"<meta property=\"og:image\" content=\"{meta.ImageUrl}\">\n");
        page.Add($"""
            <meta property="og:locale" content="en_US">
            <meta name="twitter:card" content="{(meta.ImageUrl is null ? "summary" : "summary_large_image")}">
            <meta name="twitter:title" content="{meta.Title}">
            <meta name="twitter:description" content="{description}">

            """);
        if (meta.ImageUrl is not null) page.Add($"<meta name=\"twitter:image\" content=\"{meta.ImageUrl}\">\n");
        if (meta.PublishedUtc is { } published)
            page.Add($"<meta property=\"article:published_time\" content=\"{Stamps.Iso(published)}\">\n");
        if (meta.Robots is not null) page.Add($"<meta name=\"robots\" content=\"{meta.Robots}\">\n");
        if (meta.Head is { } head) page.Raw(head);
        page.Add($"""
            <meta name="color-scheme" content="light dark">
            <link rel="icon" href="/favicon.svg" type="image/svg+xml">
            <link rel="stylesheet" href="{StylesheetFile.Path}">
            """);
        if (theme.Url is not null) page.Add($"<link rel=\"stylesheet\" href=\"{theme.Url}\">\n");
        page.Add($"""
            </head>
            <body>
            <header class="masthead"><div class="wrap">
            <a class="brand" href="/">{(logo.Url is null ? TrustedHtml.Empty : Logo(logo.Url))}{site.Name}</a>
            <p class="tagline">{site.Tagline}</p>
            <nav aria-label="Site"><a href="/">Latest</a> <a href="/#categories">Categories</a> <a href="/status">Status</a> <a href="/about">About</a></nav>
            <form class="site-search" action="/search" method="get" role="search"><input type="search" name="q" aria-label="Search articles" placeholder="Search articles"> <button type="submit">Search</button></form>
            </div></header>
            <main class="wrap">

            """);
        return page;
    }

    /// <summary>Closes the page with the footer and makes it a response.</summary>
    public IResult Finish(HtmlBuilder page, int statusCode = StatusCodes.Status200OK)
    {
        var now = time.GetUtcNow();
        var year = now.Year;
        page.Add($"""

            </main>
            <footer class="footer"><div class="wrap">
            <p>© {year} {Options.Name} · <a href="/privacy">Privacy</a> · <a href="/about">About</a> · <a href="/status">Status</a></p>
            <p class="disclaimer">{Options.FooterText}</p>
            </div></footer>
            </body>
            </html>

            """);
        return new PageResult(page.Buffer, statusCode, now);
    }

    private static TrustedHtml Logo(string url)
    {
        var html = new HtmlBuilder();
        html.Add($"<img class=\"logo\" src=\"{url}\" alt=\"\">");
        return new TrustedHtml(html.ToString());
    }

    /// <summary>A whole page with one heading and one paragraph (not found, error).</summary>
    public IResult Message(HttpRequest request, int statusCode, string title, string text)
    {
        var page = Begin(request, new PageMeta(title, text, request.Path.Value ?? "/"));
        page.Add($"<section class=\"message\"><h1>{title}</h1><p>{text}</p><p><a href=\"/\">Go to the front page</a></p></section>");
        return Finish(page, statusCode);
    }

    public static string Shorten(string? text, int max)
    {
        if (string.IsNullOrWhiteSpace(text)) return string.Empty;
        var flat = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (flat.Length <= max) return flat;
        var cut = flat.LastIndexOf(' ', max - 1);
        return flat[..(cut > max / 2 ? cut : max - 1)] + "…";
    }
}
