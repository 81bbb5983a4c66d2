using System.Text;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Ingest.Feeds;

/// <summary>
/// Entry summaries as ForeignDesk keeps them: HTML reduced to the article allow-list (scripts and handlers gone,
/// links absolute against the entry's base), with text that was UTF-8 read as windows-1252 repaired.
/// </summary>
internal static class FeedHtml
{
    private static readonly Encoding Windows1252 = CodePages(1252);
    private static readonly UTF8Encoding StrictUtf8 = new(false, true);

    public static string? Summary(string? raw, Uri baseUri)
    {
        var text = FeedStrings.NonEmpty(raw);
        return text is null ? null : FeedStrings.NonEmpty(ArticleHtmlSanitizer.SanitizeInline(WithoutCode(RepairDoubleEncoding(text)), baseUri));
    }

    /// <summary>Drops script, style and embedded objects with their content, which the sanitizer would keep as text.</summary>
    private static string WithoutCode(string html)
    {
        if (html.IndexOf('<') < 0)
        {
            return html;
        }

        var document = Parser.ParseDocument("<body>" + html);
        var code = document.Body?.QuerySelectorAll("script, style, noscript, iframe, object, embed, template").ToList() ?? [];
        if (code.Count == 0)
        {
            return html;
        }

        foreach (var element in code)
        {
            element.Remove();
        }

        return document.Body!.InnerHtml;
    }

    private static readonly AngleSharp.Html.Parser.HtmlParser Parser = new();

    /// <summary>"â€¦" (UTF-8 bytes decoded as windows-1252) back to "…"; text that is not such a mix is returned as it is.</summary>
    public static string RepairDoubleEncoding(string text)
    {
        if (!text.Any(c => c is >= '\u00C2' and <= '\u00F4'))
        {
            return text;
        }

        try
        {
            var bytes = Windows1252.GetBytes(text);
            var repaired = StrictUtf8.GetString(bytes);
            return repaired.Length < text.Length ? repaired : text;
        }
        catch (Exception ex) when (ex is EncoderFallbackException or DecoderFallbackException)
        {
            return text;
        }
    }

    private static Encoding CodePages(int codePage)
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(codePage, EncoderFallback.ExceptionFallback, DecoderFallback.ExceptionFallback);
    }
}
