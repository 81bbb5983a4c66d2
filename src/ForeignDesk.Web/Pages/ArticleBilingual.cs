using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// An article's translation side by side with its original (<c>?view=bilingual</c>): each block of the English text
/// beside the outlet's block on a wide screen and above it on a phone, in the outlet's order, headings, quotes and lists
/// included. A translation maps block for block to the original it was made from; when the counts differ (the outlet
/// changed the text after it was translated) the blocks are paired in order and the ones left over stand alone.
/// </summary>
internal static class ArticleBilingual
{
    public const string View = "bilingual";

    /// <summary>True for an article translated from another language: there is an original to show beside it.</summary>
    public static bool IsOffered(StoredArticle article) =>
        article.Translation is not null && !string.Equals(article.Language, "en", StringComparison.OrdinalIgnoreCase);

    public static IResult Show(HttpRequest request, SiteShell shell, StoredArticle article, TranslatedArticle translation)
    {
        var original = article.Original;
        var language = Stamps.LanguageName(article.Language);
        var english = TextDirection.Attributes("en");
        var outlet = TextDirection.Attributes(article.Language);
        var path = Paths.Article(article.Id, article.DisplayTitle);
        var description = $"{translation.Title}: the English translation beside the original in {language}.";

        // The canonical address is the article's own page: this is another view of it.
        var page = shell.Begin(request, new PageMeta($"{translation.Title} (side by side)", description, path, "article", null, article.PublishedUtc));
        page.Add($"""
            <article class="bilingual">
            <p class="meta"><a href="{Paths.Category(article.Category)}">{article.Category}</a> · <time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time> · {article.SourceName}</p>
            <h1{english}>{translation.Title}</h1>
            <p class="original-title"{outlet}>{original.Title}</p>
            <p class="meta">{ArticleShow.Provenance(language, translation)}, each paragraph beside the outlet's own. <a href="{path}">Read the translation alone</a>

            """);
        var sourceUrl = Paths.External(article.Url);
        if (sourceUrl is not null) page.Add($" · <a href=\"{sourceUrl}\" rel=\"nofollow noopener\" target=\"_blank\">The original at {article.SourceName}</a>");
        page.Add($"</p>\n");
        if (translation.Paragraphs.Count != original.Paragraphs.Count)
            page.Add($"<p class=\"notice\" role=\"note\">The outlet changed this article after it was translated: the original now has {original.Paragraphs.Count} paragraphs, the translation {translation.Paragraphs.Count}. They are paired in order and may not match until the article is translated again.</p>\n");

        page.Add($"""
            <div class="pairs">
            <div class="pair-head" aria-hidden="true"><p>English translation</p><p>Original ({language})</p></div>

            """);
        if (!string.IsNullOrWhiteSpace(translation.Teaser) || !string.IsNullOrWhiteSpace(original.Teaser))
        {
            page.Add($"<div class=\"pair\">");
            if (!string.IsNullOrWhiteSpace(translation.Teaser)) page.Add($"<p class=\"teaser translation\"{english}>{translation.Teaser}</p>");
            if (!string.IsNullOrWhiteSpace(original.Teaser)) page.Add($"<p class=\"teaser original\"{outlet}>{original.Teaser}</p>");
            page.Add($"</div>\n");
        }
        var translationClass = new TrustedHtml($" class=\"translation\"{english.Value}");
        var failedTranslationClass = new TrustedHtml($" class=\"translation check-failed\"{english.Value}");
        var originalClass = new TrustedHtml($" class=\"original\"{outlet.Value}");
        var checks = ArticleChecks.Of(article, translation);
        var count = Math.Max(translation.Paragraphs.Count, original.Paragraphs.Count);
        for (var i = 0; i < count; i++)
        {
            // Numbered from 1, so that a link can open the view at one paragraph.
            page.Add($"<div class=\"pair\" id=\"p{i + 1}\">\n");
            if (i < translation.Paragraphs.Count) ArticleBody.Write(page, translation.Paragraphs[i], checks?.Failed(i) == true ? failedTranslationClass : translationClass);
            if (i < original.Paragraphs.Count) ArticleBody.Write(page, original.Paragraphs[i], originalClass);
            checks?.WriteNote(page, i, linkToOriginal: false);
            if (i < translation.Paragraphs.Count) ReaderReportForm.WriteLink(page, article.Id, i);
            page.Add($"</div>\n");
        }
        page.Add($"</div>\n</article>");
        return shell.Finish(page);
    }
}
