using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// An article's versions (<c>?view=changes</c>), newest first: when each began and what made it (the outlet's update,
/// a new translation, the editor's correction), and what it changed in the translation as readers saw it, paragraph by
/// paragraph (added, removed, changed); each earlier version can be read whole.
/// </summary>
internal static class ArticleChanges
{
    public const string View = "changes";

    /// <summary>"Updated by the outlet", for a version made by <paramref name="cause"/>.</summary>
    public static string Describe(VersionCause cause, bool translated) => cause switch
    {
        VersionCause.OutletUpdate => "Updated by the outlet",
        VersionCause.Retranslation => "Translated again",
        VersionCause.EditorCorrection => "Corrected by the editor",
        _ => translated ? "First translated" : "First seen",
    };

    /// <summary>On the article page, when it changed since first shown: the latest change, how many paragraphs it changed, and a link to them.</summary>
    public static void WriteUpdated(HtmlBuilder page, StoredArticle article, ArticleVersion current, ArticleVersion previous)
    {
        var what = AwaitsTranslation(article, current)
            ? "the new text is being translated"
            : Count(ParagraphDiff.ChangedCount(ParagraphDiff.Of(previous.Paragraphs, current.Paragraphs))) + " changed";
        page.Add($"<p class=\"updated\">{Describe(current.Cause, current.Translation is not null)} at {Stamps.Utc(current.FromUtc)} ({what}) · <a href=\"{Paths.Changes(article.Id, article.DisplayTitle)}\">See the changes</a></p>\n");
    }

    /// <summary>True while the current version is an outlet's update whose text has not been translated yet.</summary>
    private static bool AwaitsTranslation(StoredArticle article, ArticleVersion current) =>
        current.UntilUtc is null && current.Cause == VersionCause.OutletUpdate && article.Translation?.TranslatedUtc is { } translated && translated < current.FromUtc;

    public static IResult Show(HttpRequest request, SiteShell shell, StoredArticle article, TranslatedArticle? shown, IReadOnlyList<ArticleVersion> earlier)
    {
        var path = Paths.Article(article.Id, article.DisplayTitle);
        var versions = earlier.Append(ArticleVersion.Current(article, shown, earlier.Count > 0 ? earlier[^1] : null)).ToList();
        var page = shell.Begin(request, new PageMeta($"{article.DisplayTitle} (changes)", $"The versions of “{article.DisplayTitle}” and what changed in each.", path));
        page.Add($"""
            <article class="changes">
            <h1>Changes: {article.DisplayTitle}</h1>
            <p class="meta">{article.SourceName} · {Count(versions.Count, "version")} · <a href="{path}">Read the current version</a></p>

            """);
        if (earlier.Count == 0) page.Add($"<p>This article has not changed since it was first shown.</p>\n");
        var lang = TextDirection.Attributes(shown is null ? article.Language : "en");
        for (var i = versions.Count - 1; i >= 0; i--)
        {
            var version = versions[i];
            var translated = version.Translation is not null;
            var when = version.UntilUtc is { } until ? $"{Stamps.Utc(version.FromUtc)} to {Stamps.Utc(until)}" : $"since {Stamps.Utc(version.FromUtc)}";
            page.Add($"""
                <section class="version" id="v{version.Number}">
                <h2>Version {version.Number}{(version.UntilUtc is null ? " (current)" : "")}</h2>
                <p class="meta">{Describe(version.Cause, translated)} · {when}</p>

                """);
            if (AwaitsTranslation(article, version)) page.Add($"<p class=\"notice\" role=\"note\">The outlet's new text is being translated: until then the translation is the previous one.</p>\n");
            else if (i > 0) WriteDiff(page, versions[i - 1], version, lang);
            if (version.UntilUtc is not null)
            {
                page.Add($"<p><a href=\"{Paths.Version(article.Id, article.DisplayTitle, version.Number)}\">Version {version.Number} with the paragraphs version {version.Number + 1} changed marked</a></p>\n");
                page.Add($"<details class=\"whole\"><summary>Read version {version.Number} as it was</summary>\n<div{TextDirection.Attributes(translated ? "en" : article.Language)}>\n<h3>{version.Translation?.Title ?? version.Original.Title}</h3>\n");
                ArticleBody.Write(page, version.Paragraphs);
                page.Add($"</div></details>\n");
            }
            page.Add($"</section>\n");
        }
        page.Add($"</article>");
        return shell.Finish(page);
    }

    /// <summary>What <paramref name="after"/> changed in <paramref name="before"/>'s text: each paragraph removed, added or changed.</summary>
    private static void WriteDiff(HtmlBuilder page, ArticleVersion before, ArticleVersion after, TrustedHtml lang)
    {
        var diff = ParagraphDiff.Of(before.Paragraphs, after.Paragraphs);
        var changed = ParagraphDiff.ChangedCount(diff);
        var beforeTitle = before.Translation?.Title ?? before.Original.Title;
        var afterTitle = after.Translation?.Title ?? after.Original.Title;
        page.Add($"<p>{Count(changed)} changed, {Count(diff.Count - changed)} unchanged{(beforeTitle != afterTitle ? $"; the title was “{beforeTitle}”" : "")}.</p>\n");
        if (changed == 0) return;
        page.Add($"<div class=\"diff\"{lang}>\n");
        foreach (var line in diff.Where(l => l.Change != ParagraphChange.Same))
        {
            page.Add($"<div class=\"diff-{line.Change.ToString().ToLowerInvariant()}\">");
            if (line.Before is { } removed)
            {
                page.Add($"<del><span class=\"diff-label\">{(line.Change == ParagraphChange.Changed ? "Before" : "Removed")}</span>\n");
                ArticleBody.Write(page, removed, TrustedHtml.Empty);
                page.Add($"</del>");
            }
            if (line.After is { } added)
            {
                page.Add($"<ins><span class=\"diff-label\">{(line.Change == ParagraphChange.Changed ? "After" : "Added")}</span>\n");
                ArticleBody.Write(page, added, TrustedHtml.Empty);
                page.Add($"</ins>");
            }
            page.Add($"</div>\n");
        }
        page.Add($"</div>\n");
    }

    public static string Count(int count, string noun = "paragraph") => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
