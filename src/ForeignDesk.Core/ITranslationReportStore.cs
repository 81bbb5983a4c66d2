namespace ForeignDesk.Core;

/// <summary>A reader's report of a problem in an article's translation.</summary>
/// <param name="Paragraph">The paragraph reported (0-based), or null for the article as a whole.</param>
/// <param name="ResolvedUtc">When the editor marked it dealt with; null while open.</param>
public sealed record TranslationReport(long Id, long ArticleId, int? Paragraph, string Message, DateTimeOffset AtUtc, DateTimeOffset? ResolvedUtc);

/// <summary>Readers' reports of translation problems, for the editor.</summary>
public interface ITranslationReportStore
{
    /// <summary>Keeps a report; returns its id. A report of an article that does not exist is not kept (returns null).</summary>
    Task<long?> AddReportAsync(long articleId, int? paragraph, string message, DateTimeOffset atUtc, CancellationToken cancellationToken);

    /// <summary>Open reports (or every report, when <paramref name="openOnly"/> is false), newest first.</summary>
    Task<IReadOnlyList<TranslationReport>> ReportsAsync(bool openOnly, int limit, CancellationToken cancellationToken);

    /// <summary>Marks a report dealt with; false when there is no such open report.</summary>
    Task<bool> ResolveReportAsync(long reportId, DateTimeOffset atUtc, CancellationToken cancellationToken);
}
