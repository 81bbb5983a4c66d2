using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : ITranslationReportStore, IEngineUsageStore
{
    public async Task<long?> AddReportAsync(long articleId, int? paragraph, string message, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        return (long?)await ScalarAsync(connection,
            """
            INSERT INTO translation_reports (article_id, paragraph, message, at_ms)
            SELECT $article, $paragraph, $message, $at WHERE EXISTS (SELECT 1 FROM articles WHERE id = $article) RETURNING id
            """, cancellationToken, ("$article", articleId), ("$paragraph", paragraph), ("$message", message), ("$at", Ms(atUtc)));
    }

    public async Task<IReadOnlyList<TranslationReport>> ReportsAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT id, article_id, paragraph, message, at_ms, resolved_ms FROM translation_reports {(openOnly ? "WHERE resolved_ms IS NULL" : "")} ORDER BY id DESC LIMIT $limit",
            r => new TranslationReport(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), Instant(r.GetInt64(4)), InstantOrNull(r, 5)),
            cancellationToken, ("$limit", limit));

    public async Task<bool> ResolveReportAsync(long reportId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var command = Command(connection, "UPDATE translation_reports SET resolved_ms = $at WHERE id = $id AND resolved_ms IS NULL",
            ("$id", reportId), ("$at", Ms(atUtc)));
        return await command.ExecuteNonQueryAsync(cancellationToken) == 1;
    }

    public async Task RecordEngineUseAsync(string engine, long characters, string? error, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            """
            INSERT INTO engine_usage (day, engine, requests, characters, failures, last_error, last_error_ms)
            VALUES ($day, $engine, 1, $characters, $failed, $error, $errorAt)
            ON CONFLICT(day, engine) DO UPDATE SET
                requests = requests + 1, characters = characters + excluded.characters, failures = failures + excluded.failures,
                last_error = COALESCE(excluded.last_error, last_error), last_error_ms = COALESCE(excluded.last_error_ms, last_error_ms)
            """, cancellationToken, ("$day", Day(atUtc)), ("$engine", engine), ("$characters", characters), ("$failed", error is null ? 0 : 1),
            ("$error", error), ("$errorAt", error is null ? null : Ms(atUtc)));
    }

    public async Task<IReadOnlyList<EngineUsage>> EngineUsageAsync(DateOnly day, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT day, engine, requests, characters, failures, last_error, last_error_ms FROM engine_usage WHERE day = $day ORDER BY engine",
            r => new EngineUsage(DateOnly.ParseExact(r.GetString(0), "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), r.GetString(1),
                r.GetInt64(2), r.GetInt64(3), r.GetInt64(4), StringOrNull(r, 5), InstantOrNull(r, 6)),
            cancellationToken, ("$day", day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));

    private static string Day(DateTimeOffset instant) => DateOnly.FromDateTime(instant.UtcDateTime).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
}
