using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>
/// <c>/admin/articles/{id}</c>: each paragraph of an article beside its original, to correct; a correction is kept as
/// a segment override and the article page shows it, noting that the editor corrected it.
/// </summary>
internal static class ArticleCorrection
{
    public static string PathOf(long id) => "/admin/articles/" + id.ToString(CultureInfo.InvariantCulture);

    public static async Task<IResult> ShowAsync(long id, HttpContext context, AdminShell shell, IArticleStore store, ISegmentOverrideStore overrides)
    {
        var ct = context.RequestAborted;
        if (await store.GetArticleAsync(id, ct) is not { } article) return Results.NotFound();
        var page = shell.Begin(context, article.DisplayTitle);
        page.Html.Add($"<p class=\"meta\"><a href=\"{Paths.Article(article.Id, article.DisplayTitle)}\">The article on the site</a> · {article.SourceName} · {Stamps.LanguageName(article.Language)}</p>\n");
        if (article.Translation is not { } translation)
        {
            page.Html.Add($"<p class=\"message\">This article is not translated yet: there is nothing to correct.</p>\n");
            return AdminShell.Finish(page);
        }
        if (context.Request.Query["saved"] is { Count: > 0 } saved) page.Html.Add($"<p class=\"done\" role=\"status\">Paragraph {saved} saved.</p>\n");

        var corrections = await overrides.OverridesOfAsync(article.Id, ct);
        var (shown, corrected) = SegmentOverride.Apply(article.Original, translation, corrections);
        for (var i = 0; i < shown.Paragraphs.Count && i < article.Original.Paragraphs.Count; i++)
        {
            var number = i + 1;
            page.Html.Add($"<section class=\"paragraph\" id=\"p{number}\">\n<h2>Paragraph {number}{(corrected.Contains(i) ? " (corrected by the editor)" : "")}</h2>\n");
            page.Html.Add($"<p class=\"meta\"{TextDirection.Attributes(article.Language)}>{article.Original.Paragraphs[i].Text}</p>\n");
            page.Form(PathOf(article.Id) + "/paragraphs/" + number.ToString(CultureInfo.InvariantCulture), "stacked");
            page.Html.Add($"<label>English of paragraph {number} <textarea name=\"text\" required>{shown.Paragraphs[i].Text}</textarea></label>\n<button type=\"submit\">Save paragraph {number}</button>\n</form>\n");
            if (corrected.Contains(i)) page.Button(PathOf(article.Id) + "/paragraphs/" + number.ToString(CultureInfo.InvariantCulture) + "/undo", $"Undo the correction of paragraph {number}");
            page.Html.Add($"</section>\n");
        }
        return AdminShell.Finish(page);
    }

    public static async Task<IResult> SaveAsync(long id, int number, HttpContext context, IArticleStore store, ISegmentOverrideStore overrides, TimeProvider time)
    {
        var ct = context.RequestAborted;
        if (await store.GetArticleAsync(id, ct) is not { Translation: not null } article || number < 1 || number > article.Original.Paragraphs.Count)
            return Results.NotFound();
        var text = string.Join(' ', (await context.Request.ReadFormAsync(ct))["text"].ToString().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length is 0 or > 20_000) return AdminShell.Refusal(StatusCodes.Status400BadRequest, "Not saved", "A corrected paragraph holds 1 to 20 000 characters.");
        await overrides.SaveOverrideAsync(new SegmentOverride(id, number - 1, SegmentOverride.HashOf(article.Original.Paragraphs[number - 1]), text,
            context.User.Identity?.Name ?? "", time.GetUtcNow()), ct);
        return Results.Redirect(PathOf(id) + "?saved=" + number.ToString(CultureInfo.InvariantCulture) + "#p" + number.ToString(CultureInfo.InvariantCulture));
    }

    public static async Task<IResult> UndoAsync(long id, int number, HttpContext context, ISegmentOverrideStore overrides)
    {
        await overrides.RemoveOverrideAsync(id, number - 1, context.RequestAborted);
        return Results.Redirect(PathOf(id) + "#p" + number.ToString(CultureInfo.InvariantCulture));
    }
}
