namespace ForeignDesk.Core;

/// <summary>A piece of a snippet: plain text, highlighted where it matched. Never markup.</summary>
public sealed record SnippetPart(string Text, bool Highlighted);

/// <param name="SnippetLanguage">The language the snippet is in: "en" for the translation, else the original's.</param>
public sealed record SearchHit(ArticleSummary Article, IReadOnlyList<SnippetPart> Snippet, string SnippetLanguage);

/// <summary>One page of results, or a message saying why there are none.</summary>
/// <param name="Total">Matching articles over all pages (at least that many when <paramref name="TotalIsLowerBound"/>).</param>
/// <param name="Message">Set when the query could not be run as typed (empty, only operators, too long).</param>
/// <param name="TotalIsLowerBound">More articles match than were counted: a common word; the total is then the store's window, shown as "250+".</param>
/// <param name="UpToId">The newest article id the search saw: links to other pages carry it (<see cref="SearchQuery.UpToId"/>).</param>
public sealed record SearchResults(IReadOnlyList<SearchHit> Hits, int Total, int Page, int PageSize, string? Message,
    bool TotalIsLowerBound = false, long? UpToId = null)
{
    public static SearchResults Refused(SearchQuery query, string message) => new([], 0, query.Page, query.PageSize, message);

    public int PageCount => Total == 0 ? 0 : (Total + PageSize - 1) / PageSize;
}
