using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Policy;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.SearchEngines;
using ForeignDesk.Web.Images;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace ForeignDesk.Web.Pages;

/// <summary>One article: the English text, its facts, the original, and what to read next.</summary>
internal static class ArticleShow
{
    /// <summary>The related articles the page shows ("You may like").</summary>
    private const int RelatedShown = 5;

    public static async Task<IResult> ShowAsync(
        long id, string? slug, HttpRequest request, SiteShell shell, IArticleStore store, SiteListsRefresher siteLists, SourcePolicies policies,
        CancellationToken cancellationToken, [FromServices] ISegmentOverrideStore? corrections = null, [FromServices] ISourceControlStore? controls = null,
        [FromServices] IArticleVersionStore? versions = null, [FromServices] ImageChecker? imageChecker = null)
    {
        // The cache keeps one copy per view (PageCache.ArticlePolicy): any view but the three is refused, not cached.
        var view = request.Query["view"];
        var bilingual = view == ArticleBilingual.View;
        var changes = view == ArticleChanges.View;
        if (view.Count > 0 && !bilingual && !changes)
            return BadRequest.Page(request, shell, $"An article is shown as it is, side by side with its original (?view={ArticleBilingual.View}), or with its changes (?view={ArticleChanges.View}); there is no other view.");
        var version = request.Query[ArticleVersionShow.Query];
        if (version.Count > 0 && view.Count > 0)
            return BadRequest.Page(request, shell, $"An earlier version (?{ArticleVersionShow.Query}=N) is shown alone, not with another view.");

        PageCache.Tag(request.HttpContext, PageTags.Article(id));
        // The article and what the page shows around it, read at once (on PostgreSQL, one round trip).
        var stories = StoryShow.Stories(request, store);
        var shown = stories is not null ? await stories.ArticleWithStoryAsync(id, RelatedShown, cancellationToken)
            : await store.GetArticleAsync(id, cancellationToken) is { } alone ? new ArticleWithStory(alone, [], null) : null;
        if (shown is not { Article: var article, Related: var related, Story: var story })
        {
            return controls is not null && await controls.WithdrawnArticleAsync(id, cancellationToken) is { } withdrawn
                ? Gone.Page(request, shell, withdrawn)
                : NotFound.Page(request, shell);
        }
        PageCache.Tag(request.HttpContext, PageTags.Policy(article.SourceId));
        var rules = await policies.ForAsync(article, cancellationToken);

        // An updated article keeps showing its previous translation until it is translated again; the editor's
        // corrections of paragraphs stand in for the engine's, on both views. An outlet that asks for no translation
        // gets none shown.
        var translation = rules.Translation ? article.Translation : null;
        IReadOnlyList<int> corrected = [];
        if (translation is not null && corrections is not null && article.HasCorrections)
            (translation, corrected) = SegmentOverride.Apply(article.Original, translation, await corrections.OverridesOfAsync(article.Id, cancellationToken));

        var path = Paths.Article(article.Id, article.DisplayTitle);
        if (version.Count > 0)
        {
            // Earlier versions show the text, so only where the policy shows it; the current one is the article page.
            var earlier = versions is null || !rules.Body ? [] : await versions.EarlierVersionsAsync(article.Id, cancellationToken);
            if (ArticleVersionShow.NumberOf(version.Count == 1 ? version[0] : null, earlier.Count + 1) is not { } number)
                return ArticleVersionShow.Missing(request, shell, article, version.ToString(), earlier.Count + 1);
            if (number > earlier.Count) return Results.Redirect(path);
            if (slug != Slug.From(article.DisplayTitle)) return Results.Redirect(Paths.Version(article.Id, article.DisplayTitle, number), permanent: true);
            return ArticleVersionShow.Show(request, shell, article, translation, earlier, number);
        }
        if (slug != Slug.From(article.DisplayTitle))
            return Results.Redirect(bilingual ? Paths.Bilingual(article.Id, article.DisplayTitle) : changes ? Paths.Changes(article.Id, article.DisplayTitle) : path, permanent: true);
        if (changes)
            return ArticleChanges.Show(request, shell, article, translation, versions is null ? [] : await versions.EarlierVersionsAsync(article.Id, cancellationToken));
        if (bilingual)
        {
            // Not translated yet (or written in English): the article page is all there is, for now.
            if (!ArticleBilingual.IsOffered(article) || !rules.Body || translation is null) return Results.Redirect(path);
            return ArticleBilingual.Show(request, shell, article, translation!);
        }
        PageCache.Tag(request.HttpContext, PageTags.Lists);

        // Views are counted for every answer, cached or not, by ArticleViews; everything else is read ready-made.
        var lists = await siteLists.CurrentAsync(cancellationToken);
        if (story is not null) PageCache.Tag(request.HttpContext, PageTags.Story(story.Id));

        var images = rules.Body && imageChecker is not null ? await imageChecker.ImagesOfAsync(article, cancellationToken) : new ArticleImages(article, []);
        var imageUrl = ArticleFigures.LeadPath(article, images) is { } lead ? shell.AbsoluteUrl(request, lead) : null;
        var title = translation?.Title ?? article.Original.Title;
        var description = !rules.Snippet ? title : translation?.Teaser ?? article.Original.Teaser
            ?? (rules.Body ? (translation?.Paragraphs ?? article.Original.Paragraphs).FirstOrDefault()?.Text : null) ?? title;
        if (rules.RobotsHeader is { } robots) request.HttpContext.Response.Headers["X-Robots-Tag"] = robots;

        var head = ArticleHead.For(article, shell.AbsoluteUrl(request, path), imageUrl, shell.Options.Name, shell.AbsoluteUrl(request, "/"),
            shell.AbsoluteUrl(request, shell.LogoPath));
        var page = shell.Begin(request, new PageMeta(title, description, path, "article", imageUrl, article.PublishedUtc, head, rules.RobotsHeader));
        page.Add($"<div class=\"layout\">\n");
        // The article row says whether there is any: most articles never change, and their pages read nothing more.
        var previous = versions is null || !article.HasEarlierVersions ? null : await versions.LastEarlierVersionAsync(article.Id, cancellationToken);
        if (rules.Body) WriteStory(page, article, images, translation, imageUrl, corrected.Count, previous);
        else WriteHeld(page, article, translation, rules);
        if (story is { ArticleCount: > 1 })
            page.Add($"<p class=\"story-link\"><a href=\"{StoryShow.PathOf(story.Id)}\">The whole story: {story.ArticleCount} articles from {story.OutletCount} outlets · {string.Join(", ", story.Languages.Select(Stamps.LanguageName))}</a></p>\n");
        page.Add($"<aside class=\"side\">\n");
        ArticleList.Section(page, "related", "You may like", related, "Nothing related yet.");
        lists.SideBlocks.WriteTrends(page);
        lists.SideBlocks.WriteLatest(page, article.Id);
        page.Add($"</aside>\n</div>");
        return shell.Finish(page);
    }

    /// <summary>
    /// An article whose source or outlet allows less than the whole text: its title, the teaser where a summary is
    /// allowed, why there is no more, and the link to the outlet.
    /// </summary>
    private static void WriteHeld(HtmlBuilder page, StoredArticle article, TranslatedArticle? translation, Republication rules)
    {
        var lang = TextDirection.Attributes(translation is null ? article.Language : "en");
        page.Add($"""
            <article class="story">
            <p class="meta"><a href="{Paths.Category(article.Category)}">{article.Category}</a> · <time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time></p>
            <h1{lang}>{translation?.Title ?? article.Original.Title}</h1>

            """);
        WriteRemoved(page, article);
        var teaser = translation is null ? article.Original.Teaser : translation.Teaser;
        if (rules.Snippet && !string.IsNullOrWhiteSpace(teaser)) page.Add($"<p class=\"teaser\"{lang}>{teaser}</p>\n");
        page.Add($"<p class=\"notice\" role=\"note\">{rules.Reason}</p>\n");
        WriteFacts(page, article);
        if (translation is not null) page.Add($"<p class=\"engine\">{Provenance(Stamps.LanguageName(article.Language), translation)}</p>\n");
        if (Paths.External(article.Url) is { } url)
            page.Add($"<p><a class=\"original-link\" href=\"{url}\" rel=\"nofollow noopener\">Read it on {article.SourceName}</a></p>\n");
        page.Add($"</article>\n");
    }

    /// <param name="corrected">How many paragraphs of the translation the editor corrected.</param>
    /// <param name="previous">The article's latest earlier version; null when it never changed.</param>
    private static void WriteStory(HtmlBuilder page, StoredArticle article, ArticleImages images, TranslatedArticle? translation, string? imageUrl, int corrected, ArticleVersion? previous)
    {
        var original = article.Original;
        var lang = TextDirection.Attributes(translation is null ? article.Language : "en");
        var language = Stamps.LanguageName(article.Language);

        page.Add($"""
            <article class="story">
            <p class="meta"><a href="{Paths.Category(article.Category)}">{article.Category}</a> · <time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time></p>
            <h1{lang}>{article.DisplayTitle}</h1>

            """);
        if (translation is null)
            page.Add($"<p class=\"notice\" role=\"note\">No translation engine is available yet for {language}. This article is shown in its original language.</p>\n");

        WriteRemoved(page, article);
        var teaser = translation is null ? original.Teaser : translation.Teaser;
        if (!string.IsNullOrWhiteSpace(teaser)) page.Add($"<p class=\"teaser\"{lang}>{teaser}</p>\n");

        WriteFacts(page, article);
        if (previous is not null) ArticleChanges.WriteUpdated(page, article, ArticleVersion.Current(article, translation, previous), previous);
        if (ArticleBilingual.IsOffered(article))
            page.Add($"<p class=\"bilingual-link\"><a href=\"{Paths.Bilingual(article.Id, article.DisplayTitle)}\">Read it side by side with the original ({language})</a></p>\n");

        if (imageUrl is not null)
        {
            var caption = translation?.ImageCaption ?? original.Image?.Caption;
            ArticleFigures.Write(page, article, images, 0, caption, translation?.ImageCaption is null ? article.Language : "en", original.Image?.Credit, lazy: false);
        }

        page.Add($"<div class=\"body\"{lang}>\n");
        ArticleFigures.WriteBody(page, article, images, translation);
        page.Add($"</div>\n");
        if (original.TeaserOnly)
            page.Add($"<p class=\"notice\" role=\"note\">Only the outlet's public teaser is available: the full article is behind its paywall.</p>\n");

        if (translation is not null)
        {
            page.Add($"<p class=\"engine\">{Provenance(language, translation)}</p>\n");
            if (corrected > 0)
                page.Add($"<p class=\"engine corrected\">Corrected by the editor: {corrected} paragraph{(corrected == 1 ? "" : "s")} of this translation.</p>\n");
            page.Add($"""
                <details class="original"><summary>Original text ({language})</summary>
                <div{TextDirection.Attributes(article.Language)}>
                <h2>{original.Title}</h2>

                """);
            if (!string.IsNullOrWhiteSpace(original.Teaser)) page.Add($"<p class=\"teaser\">{original.Teaser}</p>\n");
            if (!string.IsNullOrWhiteSpace(original.Image?.Caption)) page.Add($"<p class=\"meta\">{original.Image.Caption}</p>\n");
            ArticleBody.Write(page, original.Paragraphs);
            page.Add($"</div></details>\n");
        }

        page.Add($"<p><a class=\"archive-link\" href=\"{Paths.Day(article.LocalDate)}\">All news articles on {Stamps.Date(article.LocalDate)}</a></p>\n</article>\n");
    }

    /// <summary>An article the outlet took down: kept here as last published, in no list.</summary>
    private static void WriteRemoved(HtmlBuilder page, StoredArticle article)
    {
        if (article.RemovedUtc is { } removed)
            page.Add($"<p class=\"notice removed-note\" role=\"note\">Removed by the outlet at {Stamps.Utc(removed)}. This is the article as the outlet last published it; it is no longer listed on this site.</p>\n");
    }

    /// <summary>"Machine-translated from Spanish by apertium (es→en; apertium-eng-spa 0.8.1-2) at 2026-11-29 08:21 UTC".</summary>
    internal static string Provenance(string language, TranslatedArticle translation)
    {
        var version = string.IsNullOrWhiteSpace(translation.EngineVersion) ? "" : "; " + translation.EngineVersion;
        var at = translation.TranslatedUtc is { } translated ? " at " + Stamps.Utc(translated) : "";
        return $"Machine-translated from {language} by {translation.Engine} ({translation.Route}{version}){at}";
    }

    private static void WriteFacts(HtmlBuilder page, StoredArticle article)
    {
        page.Add($"<div class=\"byline\">\n");
        if (!string.IsNullOrWhiteSpace(article.Original.Byline)) page.Add($"<p>By: {article.Original.Byline}</p>\n");
        // The outlet's time in its zone and in UTC; where it gave none, say so rather than pass first sight off as it.
        if (article.PublishedEstimated)
            page.Add($"<p>Created: time of publication unknown; first seen {Stamps.Local(article, article.FirstSeenUtc)} · {Stamps.Utc(article.FirstSeenUtc)}</p>\n");
        else
        {
            page.Add($"<p>Created: {Stamps.Local(article, article.PublishedUtc)} · {Stamps.Utc(article.PublishedUtc)}</p>\n");
            page.Add($"<p>First seen by ForeignDesk: {Stamps.Utc(article.FirstSeenUtc)}</p>\n");
        }
        if (article.Translation?.TranslatedUtc is { } translated && article.Translation.Engine != "none")
            page.Add($"<p>Translated: {Stamps.Utc(translated)}</p>\n");
        if (article.ModifiedUtc is { } modified && modified != article.PublishedUtc)
            page.Add($"<p>Updated: {Stamps.Local(article, modified)}</p>\n");
        var sourceUrl = Paths.External(article.Url);
        if (sourceUrl is null) page.Add($"<p>Source: {article.SourceName}");
        else page.Add($"<p>Source: <a href=\"{sourceUrl}\" rel=\"nofollow noopener\" target=\"_blank\">{article.SourceName}</a>");
        page.Add($" · <a href=\"{Paths.Source(article.SourceSlug)}\">More from {article.SourceName}</a></p>\n</div>\n");
    }
}
