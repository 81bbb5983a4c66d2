using System.Globalization;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// An earlier version of an article (<c>?version=N</c>) as readers saw it, with the paragraphs that the next version
/// changed or removed marked. The current version's number leads to the article page; any other number is a 404 that
/// says which versions there are.
/// </summary>
internal static class ArticleVersionShow
{
    public const string Query = "version";

    /// <summary>The version's number when <paramref name="raw"/> names one of the article's <paramref name="count"/> versions.</summary>
    public static int? NumberOf(string? raw, int count) =>
        int.TryParse(raw, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1 && number <= count ? number : null;

    public static IResult Missing(HttpRequest request, SiteShell shell, StoredArticle article, string? raw, int count) =>
        shell.Message(request, StatusCodes.Status404NotFound, "No such version",
            $"“{article.DisplayTitle}” has no version “{raw}”: its versions are numbered 1 to {count}, and {count} is the current one.");

    /// <param name="shown">The current translation as the article page shows it (the editor's corrections applied).</param>
    /// <param name="earlier">The article's earlier versions, oldest first; <paramref name="number"/> is one of them.</param>
    public static IResult Show(HttpRequest request, SiteShell shell, StoredArticle article, TranslatedArticle? shown, IReadOnlyList<ArticleVersion> earlier, int number)
    {
        var version = earlier[number - 1];
        var next = number < earlier.Count ? earlier[number] : ArticleVersion.Current(article, shown, earlier[^1]);
        var diff = ParagraphDiff.Of(version.Paragraphs, next.Paragraphs);
        var marked = diff.Count(l => l.Before is not null && l.Change != ParagraphChange.Same);
        var title = version.Translation?.Title ?? version.Original.Title;
        var path = Paths.Article(article.Id, article.DisplayTitle);
        var page = shell.Begin(request, new PageMeta($"{title} (version {number})", $"Version {number} of “{article.DisplayTitle}”, as readers saw it.", path,
            Robots: "noindex"));
        var lang = TextDirection.Attributes(version.Translation is null ? article.Language : "en");
        page.Add($"""
            <article class="story version-page">
            <p class="notice" role="note">Version {number} of {earlier.Count + 1}, as readers saw it from {Stamps.Utc(version.FromUtc)} to {Stamps.Utc(version.UntilUtc ?? next.FromUtc)}.
            {ArticleChanges.Describe(next.Cause, next.Translation is not null)} at {Stamps.Utc(next.FromUtc)}: {ArticleChanges.Count(marked)} of this version marked below changed in version {number + 1}.
            <a href="{path}">Read the current version</a> · <a href="{Paths.Changes(article.Id, article.DisplayTitle)}">See all changes</a></p>
            <h1{lang}>{title}</h1>

            """);
        var teaser = version.Translation is null ? version.Original.Teaser : version.Translation.Teaser;
        if (!string.IsNullOrWhiteSpace(teaser)) page.Add($"<p class=\"teaser\"{lang}>{teaser}</p>\n");
        page.Add($"<div class=\"body\"{lang}>\n");
        foreach (var line in diff)
        {
            if (line.Before is not { } paragraph) continue;
            if (line.Change == ParagraphChange.Same)
            {
                ArticleBody.Write(page, paragraph, TrustedHtml.Empty);
                continue;
            }
            page.Add($"<div class=\"changed-next\"><span class=\"diff-label\">{(line.Change == ParagraphChange.Removed ? "Removed" : "Changed")} in version {number + 1}</span>\n");
            ArticleBody.Write(page, paragraph, TrustedHtml.Empty);
            page.Add($"</div>\n");
        }
        page.Add($"</div>\n</article>");
        return shell.Finish(page);
    }
}
