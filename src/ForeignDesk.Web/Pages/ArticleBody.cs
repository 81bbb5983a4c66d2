using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Pages;

/// <summary>An article body: stored, sanitized paragraphs in order, each in its own block element.</summary>
internal static class ArticleBody
{
    private static readonly HashSet<string> Kinds = new(StringComparer.Ordinal) { "p", "h2", "h3", "h4", "blockquote", "ul", "ol" };

    public static void Write(HtmlBuilder page, IReadOnlyList<Paragraph> paragraphs)
    {
        foreach (var paragraph in paragraphs)
        {
            var kind = paragraph.Kind.ToLowerInvariant();
            var tag = new TrustedHtml(Kinds.Contains(kind) ? kind : "p");
            // Paragraph.Html was sanitized to the allow-list before it was stored.
            page.Add($"<{tag}>{new TrustedHtml(paragraph.Html)}</{tag}>\n");
        }
    }
}
