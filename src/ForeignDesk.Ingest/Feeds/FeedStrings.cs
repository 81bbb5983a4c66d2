using System.Net;
using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Feeds;

internal static partial class FeedStrings
{
    /// <summary>Plain one-line text: tags stripped, entities decoded (also doubly escaped ones), whitespace collapsed.</summary>
    public static string? PlainTitle(string? raw)
    {
        if (raw is null)
        {
            return null;
        }

        var text = raw;
        for (var i = 0; i < 2 && (text.Contains('<') || text.Contains('&')); i++)
        {
            text = WebUtility.HtmlDecode(Tags().Replace(text, ""));
        }

        text = Tags().Replace(text, "");
        text = Spaces().Replace(text, " ").Trim();
        return text.Length == 0 ? null : text;
    }

    /// <summary>Trimmed text, or null when empty.</summary>
    public static string? NonEmpty(string? raw)
    {
        var text = raw?.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }

    [GeneratedRegex(@"<(?:[A-Za-z][^<>]*|/[A-Za-z][^<>]*|!--[\s\S]*?--)>")]
    private static partial Regex Tags();

    [GeneratedRegex(@"\s*[\r\n\t]\s*")]
    private static partial Regex Spaces();
}
