using System.Globalization;
using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : IArchiveIndex
{
    public Task<ArticlePage> InLanguageAsync(string language, PageCursor? cursor, int limit, CancellationToken cancellationToken) =>
        PageAsync("a.language = $key", language, cursor, limit, cancellationToken);

    public async Task<IReadOnlyList<ArchiveDay>> ArchiveDaysAsync(CancellationToken cancellationToken) =>
        await QueryAsync(
            "SELECT local_date, COUNT(*) FROM articles INDEXED BY articles_listed_day WHERE removed_ms IS NULL GROUP BY local_date ORDER BY local_date DESC",
            r => new ArchiveDay(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", CultureInfo.InvariantCulture), r.GetInt32(1)),
            cancellationToken);

    public async Task<IReadOnlyList<ArticleSummary>> OnDateRangeAsync(DateOnly localDate, int skip, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {SummaryColumns} {SummaryFrom} WHERE a.local_date = $day ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit OFFSET $skip",
            ReadSummary, cancellationToken,
            ("$day", localDate.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)), ("$limit", limit), ("$skip", skip));
}
