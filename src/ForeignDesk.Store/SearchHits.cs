using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>What every store's search shares around its engine: the checks of a query, and hits built from snippets.</summary>
internal static class SearchHits
{
    /// <summary>Private-use characters that mark a match in a snippet; removed from indexed text so only matches carry them.</summary>
    public const char MatchOpen = '\uE000';
    public const char MatchClose = '\uE001';

    /// <summary>
    /// At most this many matches (the most recently stored ones, or as many as the requested page needs) are ordered, on
    /// either engine; beyond it the total is a lower bound. Keeps a common word as fast as a rare one: scoring is per match.
    /// </summary>
    public const int Window = 250;

    /// <summary>Snippets are about this many words long.</summary>
    public const int SnippetWords = 24;

    /// <summary>The answer to a page or page size out of range; null when the query may run.</summary>
    public static SearchResults? RefusedPaging(SearchQuery query) =>
        query.Page is < 1 or > SearchQuery.MaxPage ? SearchResults.Refused(query, $"Pages run from 1 to {SearchQuery.MaxPage}.")
        : query.PageSize is < 1 or > SearchQuery.MaxPageSize ? SearchResults.Refused(query, $"A page holds 1 to {SearchQuery.MaxPageSize} results.")
        : null;

    /// <summary>The English snippet when it shows a match (or when the original does not either); otherwise the original's.</summary>
    public static SearchHit Hit(ArticleSummary summary, string english, string original)
    {
        var useOriginal = !english.Contains(MatchOpen) && original.Contains(MatchOpen);
        var text = useOriginal ? original : english.Trim().Length > 0 ? english : original;
        return new SearchHit(summary, SnippetParts(text), useOriginal || english.Trim().Length == 0 ? summary.Language : "en");
    }

    /// <summary>Splits a snippet on the match markers; text outside and inside them stays plain text.</summary>
    internal static IReadOnlyList<SnippetPart> SnippetParts(string snippet)
    {
        var parts = new List<SnippetPart>();
        var highlighted = false;
        var start = 0;
        for (var i = 0; i <= snippet.Length; i++)
        {
            if (i < snippet.Length && snippet[i] != MatchOpen && snippet[i] != MatchClose) continue;
            if (i > start) parts.Add(new SnippetPart(snippet[start..i], highlighted));
            if (i < snippet.Length) highlighted = snippet[i] == MatchOpen;
            start = i + 1;
        }
        return parts;
    }

    public static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
