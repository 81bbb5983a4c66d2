using ForeignDesk.Core;

namespace ForeignDesk.Web.Rendering;

/// <summary>Lists of article summaries: Latest, Trends 24h, You may like, archives.</summary>
internal static class ArticleList
{
    /// <summary>Writes one list.</summary>
    /// <param name="withTeaser">Show each article's teaser under its title.</param>
    /// <param name="empty">What to say when there is nothing to list.</param>
    /// <param name="inline">Write only the items, inside a list the caller opened.</param>
    public static void Write(HtmlBuilder page, IReadOnlyList<ArticleSummary> articles, bool withTeaser, string empty, bool inline = false)
    {
        if (inline)
        {
            foreach (var article in articles) WriteItem(page, article, withTeaser);
            return;
        }
        if (articles.Count == 0)
        {
            page.Add($"<p class=\"meta\">{empty}</p>\n");
            return;
        }
        page.Add($"<ol class=\"list\">\n");
        foreach (var article in articles) WriteItem(page, article, withTeaser);
        page.Add($"</ol>\n");
    }

    /// <summary>A titled block in a page's side column.</summary>
    public static void Section(HtmlBuilder page, string id, string heading, IReadOnlyList<ArticleSummary> articles, string empty) =>
        Section(page, id, heading, articles, empty, static (html, article) => WriteItem(html, article, withTeaser: false));

    /// <summary>A titled block in a page's side column, of items written before (<see cref="Item"/>).</summary>
    public static void Section(HtmlBuilder page, string id, string heading, IReadOnlyList<TrustedHtml> items, string empty) =>
        Section(page, id, heading, items, empty, static (html, item) => html.Raw(item));

    private static void Section<T>(HtmlBuilder page, string id, string heading, IReadOnlyList<T> items, string empty, Action<HtmlBuilder, T> write)
    {
        page.Add($"<section class=\"side-block\" id=\"{id}\" aria-labelledby=\"{id}-h\"><h2 id=\"{id}-h\">{heading}</h2>\n");
        if (items.Count == 0) page.Add($"<p class=\"meta\">{empty}</p>\n");
        else
        {
            page.Add($"<ol class=\"list\">\n");
            foreach (var item in items) write(page, item);
            page.Add($"</ol>\n");
        }
        page.Add($"</section>\n");
    }

    /// <summary>One article of a side block, without its teaser, as markup to write into any number of pages.</summary>
    public static TrustedHtml Item(ArticleSummary article)
    {
        var html = new HtmlBuilder(capacity: 512);
        WriteItem(html, article, withTeaser: false);
        return new TrustedHtml(html.ToString());
    }

    private static void WriteItem(HtmlBuilder page, ArticleSummary article, bool withTeaser)
    {
        var translated = article.State == ArticleState.Translated;
        var lang = TextDirection.TitleAttributes(article);
        page.Add($"<li><a class=\"title\" href=\"{Paths.Article(article.Id, article.Title)}\"{lang}>{article.Title}</a>");
        if (!translated) page.Add($"<span class=\"badge\">{Stamps.LanguageName(article.Language)}</span>");
        page.Add($"""
            <div class="meta"><a href="{Paths.Category(article.Category)}">{article.Category}</a> · <time datetime="{Stamps.Iso(article.PublishedUtc)}">{Stamps.Utc(article.PublishedUtc)}</time> · {article.SourceName}</div>
            """);
        if (withTeaser && !string.IsNullOrWhiteSpace(article.Teaser))
            page.Add($"<p{lang}>{SiteShell.Shorten(article.Teaser, 240)}</p>");
        page.Add($"</li>\n");
    }
}
