using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Web.Rendering;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Pages;

/// <summary>
/// <c>/article/{id}/report/{n}</c>: a reader reports a problem in the translation of paragraph n (counted from 1) with a
/// short note, without an account or a cookie; the report is kept for the editor (<c>/admin/reports</c>,
/// <c>./foreigndesk reports</c>). The form carries a token that this site signed for this paragraph and that expires
/// (a post made by another site's page, or with a token made for another paragraph, is refused), a post that the
/// browser says came from another site is refused, and reports are limited per address and per article
/// (<see cref="ReaderReportLimits"/>).
/// </summary>
internal static class ReaderReportForm
{
    public const int MaxNoteLength = 1000;
    private const string TokenField = "token";
    private const string NoteField = "note";
    private static readonly TimeSpan TokenLifetime = TimeSpan.FromHours(2);

    public static string PathOf(long articleId, int number) =>
        string.Create(CultureInfo.InvariantCulture, $"/article/{articleId}/report/{number}");

    /// <summary>The small "Report" link after paragraph <paramref name="index"/> (0-based) of a translation.</summary>
    public static void WriteLink(HtmlBuilder page, long articleId, int index) =>
        page.Add($"<a class=\"report-link\" href=\"{PathOf(articleId, index + 1)}\" rel=\"nofollow\" aria-label=\"Report a translation problem in paragraph {index + 1}\">Report</a>\n");

    public static async Task<IResult> ShowAsync(long id, int number, HttpRequest request, SiteShell shell, IArticleStore store,
        IDataProtectionProvider protection, CancellationToken cancellationToken)
    {
        var (article, translation) = await ReportableAsync(id, store, cancellationToken);
        if (article is null || translation is null || number < 1 || number > translation.Paragraphs.Count) return Missing(request, shell, article, number);
        return Form(request, shell, protection, article, translation, number, "", null, StatusCodes.Status200OK);
    }

    public static async Task<IResult> SubmitAsync(long id, int number, HttpRequest request, SiteShell shell, IArticleStore store,
        IDataProtectionProvider protection, ReaderReportLimits limits, TimeProvider time, CancellationToken cancellationToken,
        [Microsoft.AspNetCore.Mvc.FromServices] ITranslationReportStore? reports = null)
    {
        if (CameFromAnotherSite(request))
            return shell.Message(request, StatusCodes.Status403Forbidden, "This report cannot be accepted", "The form was sent from another site. Open the article here and report the paragraph from its page.");
        var (article, translation) = await ReportableAsync(id, store, cancellationToken);
        if (article is null || translation is null || number < 1 || number > translation.Paragraphs.Count || reports is null)
            return Missing(request, shell, article, number);
        if (!request.HasFormContentType)
            return BadRequest.Page(request, shell, "A report is sent with the form on this site's report page.");

        var form = await request.ReadFormAsync(cancellationToken);
        var note = Clean(form[NoteField].ToString());
        if (!TokenFits(protection, form[TokenField].ToString(), id, number))
            return Form(request, shell, protection, article, translation, number, note, "The form has expired or was not made for this paragraph. Your note is kept below: send it again.", StatusCodes.Status400BadRequest);
        if (note.Length == 0)
            return Form(request, shell, protection, article, translation, number, note, "Say in a few words what is wrong with this paragraph's translation.", StatusCodes.Status400BadRequest);
        if (note.Length > MaxNoteLength)
            return Form(request, shell, protection, article, translation, number, note, $"A note holds at most {MaxNoteLength} characters; this one has {note.Length}. Shorten it and send it again.", StatusCodes.Status400BadRequest);
        if (!limits.TryTake(request.HttpContext.Connection.RemoteIpAddress, id))
        {
            request.HttpContext.Response.Headers.RetryAfter = ReaderReportLimits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
            return Form(request, shell, protection, article, translation, number, note, "Too many reports have been sent from your address or about this article in the last hour. Please try again later.", StatusCodes.Status429TooManyRequests);
        }
        if (await reports.AddReportAsync(id, number - 1, note, time.GetUtcNow(), cancellationToken) is null) return Missing(request, shell, null, number);

        var back = Paths.Article(article.Id, article.DisplayTitle);
        var page = shell.Begin(request, new PageMeta("Report sent", "Thank you for your report.", PathOf(id, number)));
        page.Add($"<section class=\"message\" role=\"status\"><h1>Thank you</h1><p>Your report on paragraph {number} of “{article.DisplayTitle}” was sent to the editor.</p><p><a href=\"{back}\">Back to the article</a></p></section>");
        return shell.Finish(page);
    }

    /// <summary>The article and the translation its page shows (the editor's corrections are not needed to count paragraphs).</summary>
    private static async Task<(StoredArticle? Article, TranslatedArticle? Translation)> ReportableAsync(long id, IArticleStore store, CancellationToken cancellationToken)
    {
        var article = await store.GetArticleAsync(id, cancellationToken);
        return article is not null && ArticleBilingual.IsOffered(article) ? (article, article.Translation) : (article, null);
    }

    private static IResult Missing(HttpRequest request, SiteShell shell, StoredArticle? article, int number) =>
        article is null
            ? NotFound.Page(request, shell)
            : shell.Message(request, StatusCodes.Status404NotFound, "No such paragraph",
                article.Translation is null || !ArticleBilingual.IsOffered(article)
                    ? "This article has no translation to report a problem in."
                    : $"This article's translation has no paragraph {number}.");

    private static IResult Form(HttpRequest request, SiteShell shell, IDataProtectionProvider protection, StoredArticle article,
        TranslatedArticle translation, int number, string note, string? problem, int status)
    {
        var index = number - 1;
        var path = PathOf(article.Id, number);
        var page = shell.Begin(request, new PageMeta("Report a translation problem", $"Report a problem in the translation of “{article.DisplayTitle}”.", path));
        page.Add($"""
            <section class="report-form">
            <h1>Report a translation problem</h1>
            <p class="meta">Paragraph {number} of <a href="{Paths.Article(article.Id, article.DisplayTitle)}">{article.DisplayTitle}</a> · <a href="{Paths.Bilingual(article.Id, article.DisplayTitle)}#p{number}">beside its original</a></p>
            <blockquote lang="en">{translation.Paragraphs[index].Text}</blockquote>

            """);
        if (index < article.Original.Paragraphs.Count)
            page.Add($"<blockquote class=\"original\"{TextDirection.Attributes(article.Language)}>{article.Original.Paragraphs[index].Text}</blockquote>\n");
        if (problem is not null) page.Add($"<p class=\"notice\" role=\"alert\">{problem}</p>\n");
        page.Add($"""
            <form method="post" action="{path}">
            <input type="hidden" name="{TokenField}" value="{Token(protection, article.Id, number)}">
            <label for="note">What is wrong (at most {MaxNoteLength} characters)</label>
            <textarea id="note" name="{NoteField}" rows="5" maxlength="{MaxNoteLength}" required>{note}</textarea>
            <p><button type="submit">Send the report</button></p>
            </form>
            <p class="meta">Only your note, the paragraph and the time are kept: no name, no address, no cookie.</p>
            </section>
            """);
        return shell.Finish(page, status);
    }

    /// <summary>
    /// The note as plain text: line ends as \n, no control or invisible formatting characters (a right-to-left
    /// override would turn the editor's list around), spaces at its ends trimmed.
    /// </summary>
    internal static string Clean(string note)
    {
        var text = new StringBuilder(note.Length);
        foreach (var c in note.Replace("\r\n", "\n", StringComparison.Ordinal))
        {
            if (c == '\n' || c == '\t') text.Append(c == '\t' ? ' ' : c);
            else if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format) text.Append(c);
        }
        return text.ToString().Trim();
    }

    /// <summary>True when the browser says the post came from another site (Sec-Fetch-Site, else Origin).</summary>
    private static bool CameFromAnotherSite(HttpRequest request)
    {
        var site = request.Headers["Sec-Fetch-Site"].ToString();
        if (site.Length > 0) return site is not ("same-origin" or "none");
        var origin = request.Headers.Origin.ToString();
        return origin.Length > 0 && origin != "null"
            && !(Uri.TryCreate(origin, UriKind.Absolute, out var from) && string.Equals(from.Authority, request.Host.Value, StringComparison.OrdinalIgnoreCase));
    }

    private static ITimeLimitedDataProtector Protector(IDataProtectionProvider protection) =>
        protection.CreateProtector("ForeignDesk.ReaderReport").ToTimeLimitedDataProtector();

    private static string Token(IDataProtectionProvider protection, long articleId, int number) =>
        Protector(protection).Protect(string.Create(CultureInfo.InvariantCulture, $"{articleId}:{number}"), TokenLifetime);

    private static bool TokenFits(IDataProtectionProvider protection, string token, long articleId, int number)
    {
        if (token.Length == 0) return false;
        try
        {
            return Protector(protection).Unprotect(token) == string.Create(CultureInfo.InvariantCulture, $"{articleId}:{number}");
        }
        catch (CryptographicException)
        {
            // Altered, expired, or signed with keys this site no longer has.
            return false;
        }
    }
}
