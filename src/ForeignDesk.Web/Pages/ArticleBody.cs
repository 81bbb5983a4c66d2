using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Pages;

/// <summary>An article body: stored, sanitized paragraphs in order, each in its own block element.</summary>
internal static class ArticleBody
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "p", "h2", "h3", "h4", "blockquote", "ul", "ol" };

    public static void Write(HtmlBuilder page, IReadOnlyList<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs) Write(page, paragraph, TrustedHtml.Empty);
    }

    /// <summary>
    /// Paragraphs <paramref name="first"/> onwards of a translation, each paragraph that failed a check marked and
    /// followed by its note, then (for a translation of article <paramref name="reportable"/>) by its "Report" link.
    /// </summary>
    public static void Write(HtmlBuilder page, IReadOnlyList<Paragraph> paragraphs, int first, ArticleChecks? checks, long? reportable)
    {
        for (var i = 0; i < paragraphs.Count; i++)
        {
            Write(page, paragraphs[i], checks?.Attributes(first + i) ?? TrustedHtml.Empty);
            checks?.WriteNote(page, first + i, linkToOriginal: true);
            if (reportable is { } articleId) ReaderReportForm.WriteLink(page, articleId, first + i);
        }
    }

    /// <summary>One block.</summary>
    /// <param name="attributes">Written into the block's opening tag as they are (a class, lang and dir).</param>
    public static void Write(HtmlBuilder page, Paragraph paragraph, TrustedHtml attributes)
    {
        var kind = paragraph.Kind.ToLowerInvariant();
        var tag = new TrustedHtml(Kinds.Contains(kind) ? kind : "p");
        // Paragraph.Html was sanitized to the allow-list before it was stored.
        page.Add($"<{tag}{attributes}>{new TrustedHtml(paragraph.Html)}</{tag}>\n");
    }
}
