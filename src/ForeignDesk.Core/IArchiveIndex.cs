namespace ForeignDesk.Core;

/// <summary>One outlet-local day of the archive and how many articles it holds.</summary>
public sealed record ArchiveDay(DateOnly Day, int Articles);

/// <summary>The lists that feeds and sitemaps read beyond the pages' own: by language of origin, and the archive's days.</summary>
public interface IArchiveIndex
{
    /// <summary>Articles whose original is in <paramref name="language"/> (ISO 639-1), newest first, a page at a time.</summary>
    Task<ArticlePage> InLanguageAsync(string language, PageCursor? cursor, int limit, CancellationToken cancellationToken);

    /// <summary>
    /// Every day that has listed articles (none the outlet removed), newest first, with its count (reads the whole date
    /// index: cache the answer).
    /// </summary>
    Task<IReadOnlyList<ArchiveDay>> ArchiveDaysAsync(CancellationToken cancellationToken);

    /// <summary>Articles of one outlet-local day, newest first, from the <paramref name="skip"/>th on.</summary>
    Task<IReadOnlyList<ArticleSummary>> OnDateRangeAsync(DateOnly localDate, int skip, int limit, CancellationToken cancellationToken);
}
