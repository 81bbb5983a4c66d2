namespace ForeignDesk.Core;

public enum SearchSort { Relevance, Newest }

/// <summary>One search as a reader asks it. Null filters do not filter.</summary>
/// <param name="Text">What the reader typed: words, "quoted phrases", -excluded words.</param>
/// <param name="Language">ISO 639-1 code of the original language.</param>
/// <param name="SourceSlug">The outlet's slug.</param>
/// <param name="FromUtc">Published at or after this instant.</param>
/// <param name="ToUtc">Published before this instant.</param>
/// <param name="Page">1-based page number.</param>
/// <param name="UpToId">Only articles stored up to this id: the set the first page was taken from, so that later pages
/// stay the same while articles arrive. Null: every article stored now.</param>
public sealed record SearchQuery(
    string? Text,
    string? Language = null,
    string? SourceSlug = null,
    string? Category = null,
    DateTimeOffset? FromUtc = null,
    DateTimeOffset? ToUtc = null,
    SearchSort Sort = SearchSort.Relevance,
    int Page = 1,
    int PageSize = SearchQuery.DefaultPageSize,
    long? UpToId = null)
{
    public const int DefaultPageSize = 20;
    public const int MaxPageSize = 100;
    public const int MaxPage = 500;
    public const int MaxTextLength = 500;
}
