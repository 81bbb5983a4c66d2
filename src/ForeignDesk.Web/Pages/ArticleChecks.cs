using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// The paragraphs of a translation that failed a <see cref="TranslationChecks"/> check when it was made (a number,
/// date, amount or address of the original that the English does not carry): each is marked, with a note that says
/// what is missing and opens the side-by-side view at that paragraph.
/// </summary>
internal sealed class ArticleChecks
{
    private static readonly TrustedHtml FailedClass = new(" class=\"check-failed\"");
    private readonly Dictionary<int, IReadOnlyList<CheckFailure>> failed;
    private readonly string bilingualPath;

    private ArticleChecks(Dictionary<int, IReadOnlyList<CheckFailure>> failed, string bilingualPath) =>
        (this.failed, this.bilingualPath) = (failed, bilingualPath);

    /// <summary>The failed checks of a translated article; null when it has no translation or nothing failed.</summary>
    public static ArticleChecks? Of(StoredArticle article, TranslatedArticle? translation)
    {
        if (translation is null || translation.Checks.Count == 0 || !ArticleBilingual.IsOffered(article)) return null;
        return new ArticleChecks(translation.Checks.ToDictionary(f => f.Paragraph, f => f.Failures), Paths.Bilingual(article.Id, article.DisplayTitle));
    }

    public bool Failed(int index) => failed.ContainsKey(index);

    /// <summary>The attributes of paragraph <paramref name="index"/>'s block: marked when a check failed.</summary>
    public TrustedHtml Attributes(int index) => Failed(index) ? FailedClass : TrustedHtml.Empty;

    /// <summary>After a marked paragraph: what it lost, and a link to it beside its original.</summary>
    public void WriteNote(HtmlBuilder page, int index, bool linkToOriginal)
    {
        if (!failed.TryGetValue(index, out var failures)) return;
        var missing = string.Join(", ", failures.Select(f => f.Describe()));
        page.Add($"<p class=\"check-note\" role=\"note\">Check the original: {missing} {(failures.Count == 1 ? "is" : "are")} not in this translation.");
        if (linkToOriginal) page.Add($" <a href=\"{bilingualPath}#p{index + 1}\">Compare with the original</a>");
        page.Add($"</p>\n");
    }
}
