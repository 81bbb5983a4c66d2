using ForeignDesk.Core;
using ForeignDesk.Discover.Categories;
using ForeignDesk.Ingest.Sources;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ForeignDesk.Web.Admin.Sources;

/// <summary>
/// Adding a source in two steps: <c>POST /admin/sources/preview</c> finds the endpoints of any URL and shows the first
/// articles extracted and translated, with the source's settings to confirm; <c>POST /admin/sources/add</c> saves it.
/// </summary>
internal static class SourceAddition
{
    public const string PreviewPath = "/admin/sources/preview";
    public const string AddPath = "/admin/sources/add";
    private const int PreviewArticles = 3;

    public static async Task<IResult> PreviewAsync(HttpContext context, AdminShell shell, SourceUrlDiscovery discovery, SourcePreview preview,
        IArticleStore store, ISourceEndpointStore endpoints, [FromServices] NewSourcePolicy? defaults = null)
    {
        var ct = context.RequestAborted;
        var form = await context.Request.ReadFormAsync(ct);
        if (!TryUrl(form["url"], out var url)) return Problem(context, shell, "Give an http(s) address of the outlet.");
        var found = await discovery.DiscoverAsync(url, ct);
        if (found.Endpoints.Count == 0) return Problem(context, shell, $"Nothing to follow there: {found.Problem}");
        if (await NewSourceChecks.FollowerAsync(store, endpoints, found.Endpoints.Select(e => e.Url), ct) is { } follower)
            return Problem(context, shell, $"{follower.Url} is already followed by {follower.Source.Name}.");

        var (articles, problem) = await preview.FirstArticlesAsync(found.Endpoints, null, PreviewArticles, ct);
        var page = shell.Begin(context, "New source");
        page.Html.Add($"<h2>Found</h2>\n<ul class=\"found\">\n");
        foreach (var (kind, endpoint) in found.Endpoints) page.Html.Add($"<li>{kind.ToString().ToLowerInvariant()}: {endpoint.AbsoluteUri}</li>\n");
        page.Html.Add($"</ul>\n<h2>First articles</h2>\n");
        if (problem is not null) page.Html.Add($"<p class=\"message\">{problem}</p>\n");
        WriteArticles(page, articles);

        var language = articles.Select(a => a.Language).Where(l => l.Length > 0).GroupBy(l => l).OrderByDescending(g => g.Count()).FirstOrDefault()?.Key;
        var home = new Uri(url.GetLeftPart(UriPartial.Authority) + "/");
        page.Html.Add($"<h2>Save</h2>\n");
        page.Form(AddPath, "stacked");
        foreach (var (kind, endpoint) in found.Endpoints)
            page.Html.Add($"<input type=\"hidden\" name=\"endpoint\" value=\"{kind.ToString().ToLowerInvariant()} {endpoint.AbsoluteUri}\">\n");
        page.Html.Add($"<input type=\"hidden\" name=\"home\" value=\"{home.AbsoluteUri}\">\n");
        SourceFields.Write(page, new SourceEdit(found.Title?.Trim() is { Length: > 0 } title ? title : home.Host, language, CategoryTaxonomy.Fallback, "UTC", (defaults ?? NewSourcePolicy.Full).Policy));
        page.Html.Add($"<button type=\"submit\">Save this source</button>\n</form>\n");
        return AdminShell.Finish(page);
    }

    public static async Task<IResult> AddAsync(HttpContext context, AdminShell shell, IArticleStore store, ISourceEndpointStore endpoints)
    {
        var ct = context.RequestAborted;
        var form = await context.Request.ReadFormAsync(ct);
        var given = new List<(EndpointKind Kind, Uri Url)>();
        foreach (var line in form["endpoint"])
        {
            var parts = (line ?? "").Split(' ', 2);
            if (parts.Length != 2 || !Enum.TryParse<EndpointKind>(parts[0], ignoreCase: true, out var kind) || !TryUrl(parts[1], out var endpoint))
                return Problem(context, shell, "The form lost its endpoints: start again from the address.");
            given.Add((kind, endpoint));
        }
        if (given.Count == 0 || !TryUrl(form["home"], out var home)) return Problem(context, shell, "The form lost its endpoints: start again from the address.");
        var (edit, problem) = SourceFields.Read(form);
        if (edit is null) return Problem(context, shell, problem!);
        if (await NewSourceChecks.FollowerAsync(store, endpoints, given.Select(e => e.Url), ct) is { } follower)
            return Problem(context, shell, $"{follower.Url} is already followed by {follower.Source.Name}.");

        var source = await store.AddSourceAsync(new SourceDraft(edit.Name, home, [.. given.Where(e => e.Kind == EndpointKind.Feed).Select(e => e.Url)],
            edit.Language, edit.Category, edit.TimeZone, edit.Policy), ct);
        foreach (var (kind, endpoint) in given) await endpoints.AddEndpointAsync(source.Id, kind, endpoint, ct);
        return Results.Redirect(SourceList.PathOf(source.Slug) + "?added=1");
    }

    private static void WriteArticles(AdminPage page, IReadOnlyList<PreviewArticle> articles)
    {
        foreach (var article in articles)
        {
            var translation = article.Translation;
            page.Html.Add($"<article class=\"preview\">\n<h3{TextDirection.Attributes(translation is null ? article.Language : "en")}>{translation?.Title ?? article.OriginalTitle ?? article.Url.AbsoluteUri}</h3>\n");
            page.Html.Add($"<p class=\"meta\">{article.Url.AbsoluteUri}{(article.Language.Length > 0 ? " · " + article.Language : "")}{(translation is null ? "" : $" · {translation.Engine} ({translation.Route})")}</p>\n");
            if (article.Problem is not null) page.Html.Add($"<p class=\"message\">{article.Problem}</p>\n");
            if (translation is not null)
            {
                if (!string.IsNullOrWhiteSpace(translation.Teaser)) page.Html.Add($"<p class=\"teaser\">{translation.Teaser}</p>\n");
                foreach (var paragraph in translation.Paragraphs.Take(2)) page.Html.Add($"<p>{paragraph.Text}</p>\n");
                page.Html.Add($"<p class=\"meta\" lang=\"{article.Language}\">Original: {article.OriginalTitle}</p>\n");
            }
            page.Html.Add($"</article>\n");
        }
    }

    private static bool TryUrl(string? text, out Uri url) =>
        Uri.TryCreate(text?.Trim(), UriKind.Absolute, out url!) && url.Scheme is "http" or "https";

    private static IResult Problem(HttpContext context, AdminShell shell, string message)
    {
        var page = shell.Begin(context, "New source");
        page.Html.Add($"<p class=\"message\" role=\"alert\">{message}</p>\n<p><a href=\"{SourceList.Path}\">Back to the sources</a></p>\n");
        return AdminShell.Finish(page, StatusCodes.Status400BadRequest);
    }
}
