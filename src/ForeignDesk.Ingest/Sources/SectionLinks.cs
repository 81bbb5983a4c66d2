using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;

namespace ForeignDesk.Ingest.Sources;

/// <summary>
/// Finds the links of a section page that look like articles. Each URL path is reduced to a shape, one token per
/// segment (<c>year</c>, <c>month</c>, <c>num</c>, <c>id</c> for a word with a long number, <c>slug</c> for a long
/// hyphenated phrase, or the segment itself for short words such as <c>politica</c>); a link is taken when it is on the
/// page's host and its shape is the shape of one of the outlet's known articles. With no known articles, a link is
/// taken when its path holds a date or an id, or ends in a long slug.
/// </summary>
public static partial class SectionLinks
{
    public static IReadOnlyList<Uri> Find(string html, Uri pageUrl, IEnumerable<string> knownArticleUrls)
    {
        ArgumentNullException.ThrowIfNull(html);
        ArgumentNullException.ThrowIfNull(pageUrl);
        var known = knownArticleUrls
            .Select(u => Uri.TryCreate(u, UriKind.Absolute, out var uri) ? uri : null)
            .OfType<Uri>()
            .Where(u => SameSite(u, pageUrl))
            .Select(Shape)
            .ToHashSet(StringComparer.Ordinal);
        var document = new HtmlParser().ParseDocument(html);
        var found = new List<Uri>();
        foreach (var anchor in document.QuerySelectorAll("a[href]"))
        {
            if (!Uri.TryCreate(pageUrl, anchor.GetAttribute("href")!.Trim(), out var link)
                || link.Scheme is not ("http" or "https")
                || !SameSite(link, pageUrl)
                || link.AbsolutePath == pageUrl.AbsolutePath)
            {
                continue;
            }

            var clean = new UriBuilder(link) { Fragment = "" }.Uri;
            var looksLikeArticle = known.Count > 0 ? known.Contains(Shape(clean)) : LooksLikeArticle(clean);
            if (looksLikeArticle && !found.Contains(clean))
            {
                found.Add(clean);
            }
        }

        return found;
    }

    /// <summary>The path's shape, e.g. <c>/2024/05/10/slug</c> → <c>year/month/num/slug</c>.</summary>
    public static string Shape(Uri url)
    {
        var segments = url.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        return string.Join('/', segments.Select(Token));
    }

    private static string Token(string segment)
    {
        var name = Path.GetFileNameWithoutExtension(segment);
        return name switch
        {
            _ when Year().IsMatch(name) => "year",
            _ when name.Length <= 2 && name.All(char.IsAsciiDigit) => "month",
            _ when name.All(char.IsAsciiDigit) => "num",
            _ when LongNumber().IsMatch(name) => "id",
            _ when name.Count(c => c is '-' or '_') >= 2 => "slug",
            _ => name.ToLowerInvariant(),
        };
    }

    private static bool LooksLikeArticle(Uri url)
    {
        var tokens = Shape(url).Split('/');
        return tokens.Length >= 1 && (tokens.Contains("year") || tokens[^1] is "id" or "num" or "slug" || tokens.Contains("id"));
    }

    private static bool SameSite(Uri a, Uri b) =>
        string.Equals(a.Host.Replace("www.", "", StringComparison.OrdinalIgnoreCase), b.Host.Replace("www.", "", StringComparison.OrdinalIgnoreCase), StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"^(19|20)\d\d$")]
    private static partial Regex Year();

    [GeneratedRegex(@"\d{5,}")]
    private static partial Regex LongNumber();
}
