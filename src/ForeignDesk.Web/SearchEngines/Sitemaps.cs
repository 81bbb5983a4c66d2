using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.SearchEngines;

/// <summary>
/// <c>/sitemap.xml</c>: a sitemap index of the site's own pages (<c>/sitemaps/pages.xml</c>) and one sitemap per day of
/// the archive (<c>/sitemaps/2026-11-29.xml</c>, then <c>…-2.xml</c> and on when a day holds more than
/// <see cref="SearchEngineOptions.UrlsPerSitemap"/> articles), each with the articles of that outlet-local day.
/// </summary>
internal static class Sitemaps
{
    public const string PagesFile = "pages.xml";

    /// <summary>
    /// The index needs the articles of every day, counted in the background (<see cref="ArchiveDaysRefresher"/>), so
    /// that no request reads the whole date index; it is dropped from the cache when a recount changes them.
    /// </summary>
    public static async Task<IResult> IndexAsync(
        HttpRequest request, SiteShell shell, ArchiveDaysRefresher archiveDays, IOptions<SearchEngineOptions> options, TimeProvider time, CancellationToken ct)
    {
        PageCache.Tag(request.HttpContext, PageTags.ArchiveDays);
        var days = await archiveDays.CurrentAsync(ct);
        var perFile = options.Value.UrlsPerSitemap;
        return SitemapXml.Answer(time.GetUtcNow(), writer =>
        {
            writer.WriteStartElement("sitemapindex", SitemapXml.Namespace);
            Sitemap(writer, shell.AbsoluteUrl(request, "/sitemaps/" + PagesFile));
            foreach (var day in days)
                for (var part = 1; (part - 1) * perFile < day.Articles; part++)
                    Sitemap(writer, shell.AbsoluteUrl(request, PathOf(day.Day, part)));
            writer.WriteEndElement();
        });
    }

    /// <summary>A day's sitemap, or the site's own pages.</summary>
    public static async Task<IResult> FileAsync(
        string file, HttpRequest request, SiteShell shell, IArticleStore store, SiteListsRefresher lists, SourcePolicies policies,
        IOptions<SearchEngineOptions> options, TimeProvider time, CancellationToken ct)
    {
        if (file == PagesFile) return await PagesAsync(request, shell, store, lists, policies, time, ct);
        if (!TryParse(file, out var day, out var part) || LanguageArchive.Index(request, store) is not { } archive) return NotFound.Page(request, shell);
        PageCache.Tag(request.HttpContext, PageTags.Day(day));
        var perFile = options.Value.UrlsPerSitemap;
        var ofDay = await archive.OnDateRangeAsync(day, (part - 1) * perFile, perFile, ct);
        if (ofDay.Count == 0 && part > 1) return NotFound.Page(request, shell);
        var articles = await ListedAsync(policies, ofDay, ct);
        return SitemapXml.Answer(time.GetUtcNow(), writer =>
        {
            writer.WriteStartElement("urlset", SitemapXml.Namespace);
            foreach (var article in articles) SitemapXml.Url(writer, shell.AbsoluteUrl(request, Paths.Article(article.Id, article.Title)));
            writer.WriteEndElement();
        });
    }

    private static async Task<IResult> PagesAsync(
        HttpRequest request, SiteShell shell, IArticleStore store, SiteListsRefresher lists, SourcePolicies policies, TimeProvider time, CancellationToken ct)
    {
        PageCache.Tag(request.HttpContext, PageTags.Lists);
        var categories = (await lists.CurrentAsync(ct)).Categories.Union(CategoryTaxonomy.All).Order(StringComparer.Ordinal);
        var sources = new List<Source>();
        foreach (var source in await store.ListSourcesAsync(ct))
            if (!await policies.IsWithdrawnAsync(source.Id, ct)) sources.Add(source);
        var paths = new List<string> { "/", "/about" };
        paths.AddRange(categories.Select(Paths.Category));
        paths.AddRange(sources.Select(s => Paths.Source(s.Slug)));
        paths.AddRange(sources.SelectMany(s => s.Languages).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(LanguageArchive.PathOf));
        return SitemapXml.Answer(time.GetUtcNow(), writer =>
        {
            writer.WriteStartElement("urlset", SitemapXml.Namespace);
            foreach (var path in paths) SitemapXml.Url(writer, shell.AbsoluteUrl(request, path));
            writer.WriteEndElement();
        });
    }

    /// <summary>
    /// The articles a sitemap lists: not those whose outlet asks for no indexing or no archived copy (noindex,
    /// noarchive), nor those of a withdrawn source.
    /// </summary>
    internal static async Task<IReadOnlyList<ArticleSummary>> ListedAsync(SourcePolicies policies, IReadOnlyList<ArticleSummary> articles, CancellationToken ct)
    {
        var rules = await policies.ForListAsync(articles.Select(a => a.Id).ToList(), ct);
        return articles.Where(a => rules.TryGetValue(a.Id, out var rule) && rule.Index && rule.Archive).ToList();
    }

    public static string PathOf(DateOnly day, int part) =>
        $"/sitemaps/{Stamps.Date(day)}{(part > 1 ? "-" + part.ToString(CultureInfo.InvariantCulture) : "")}.xml";

    /// <summary>Reads "2026-11-29.xml" or "2026-11-29-2.xml".</summary>
    private static bool TryParse(string file, out DateOnly day, out int part)
    {
        day = default;
        part = 1;
        if (!file.EndsWith(".xml", StringComparison.Ordinal) || file.Length < 14) return false;
        var name = file[..^4];
        if (name.Length > 10)
        {
            if (name[10] != '-' || !int.TryParse(name.AsSpan(11), NumberStyles.None, CultureInfo.InvariantCulture, out part) || part < 2) return false;
            name = name[..10];
        }
        return DateOnly.TryParseExact(name, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out day);
    }

    private static void Sitemap(System.Xml.XmlWriter writer, string loc)
    {
        writer.WriteStartElement("sitemap", SitemapXml.Namespace);
        writer.WriteElementString("loc", SitemapXml.Namespace, loc);
        writer.WriteEndElement();
    }
}
