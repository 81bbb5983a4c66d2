namespace ForeignDesk.Core;

/// <summary>Full-text search over the English translation and the original text of stored articles.</summary>
/// <remarks>
/// The user's text is never passed to the engine as query syntax: an implementation turns it into a safe query
/// (words, "phrases", -exclusions) and answers odd input with <see cref="SearchResults.Message"/>, not an exception.
/// </remarks>
public interface ISearchIndex
{
    Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken);
}
