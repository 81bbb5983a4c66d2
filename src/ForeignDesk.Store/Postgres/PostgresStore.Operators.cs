using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>The operator area's part of the store (migration 0002): accounts, source controls, corrections, reports, engine use.</summary>
public sealed partial class PostgresStore : IOperatorStore, ISourceControlStore, ISegmentOverrideStore, ITranslationReportStore, IEngineUsageStore
{
    private const string OperatorColumns = "id, name, password_hash, session_stamp, failed_sign_ins, locked_until, last_sign_in";
    private const string OverrideColumns = "article_id, paragraph, original_hash, text, operator, at";

    public async Task<bool> AddOperatorAsync(string name, string passwordHash, string sessionStamp, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            """
            INSERT INTO operators (name, password_hash, session_stamp, created) VALUES (@name, @hash, @stamp, @now)
            ON CONFLICT (lower(name)) DO NOTHING
            """, cancellationToken, ("name", name), ("hash", passwordHash), ("stamp", sessionStamp), ("now", _time.GetUtcNow())) == 1;

    public async Task<OperatorAccount?> FindOperatorAsync(string name, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {OperatorColumns} FROM operators WHERE lower(name) = lower(@name)", ReadOperator, cancellationToken, ("name", name)))
            .FirstOrDefault();

    public async Task<OperatorAccount?> RecordFailedSignInAsync(long operatorId, int lockAfter, DateTimeOffset lockedUntilUtc, CancellationToken cancellationToken) =>
        (await QueryAsync(
            $"""
            UPDATE operators SET
                locked_until = CASE WHEN failed_sign_ins + 1 >= @after THEN @until ELSE locked_until END,
                failed_sign_ins = CASE WHEN failed_sign_ins + 1 >= @after THEN 0 ELSE failed_sign_ins + 1 END
            WHERE id = @id RETURNING {OperatorColumns}
            """, ReadOperator, cancellationToken, ("id", operatorId), ("after", lockAfter), ("until", lockedUntilUtc)))
            .FirstOrDefault();

    public Task RecordSignInAsync(long operatorId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE operators SET failed_sign_ins = 0, locked_until = NULL, last_sign_in = @at WHERE id = @id",
            cancellationToken, ("id", operatorId), ("at", atUtc));

    public Task SetPasswordHashAsync(long operatorId, string passwordHash, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE operators SET password_hash = @hash WHERE id = @id", cancellationToken, ("id", operatorId), ("hash", passwordHash));

    public Task SetSessionStampAsync(long operatorId, string sessionStamp, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE operators SET session_stamp = @stamp WHERE id = @id", cancellationToken, ("id", operatorId), ("stamp", sessionStamp));

    private static OperatorAccount ReadOperator(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), r.GetInt32(4), InstantOrNull(r, 5), InstantOrNull(r, 6));

    public async Task<IReadOnlyDictionary<long, SourceControls>> SourceControlsAsync(CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT id, paused, policy FROM sources",
            r => new SourceControls(r.GetInt64(0), r.GetBoolean(1), Enum.Parse<SourcePolicy>(r.GetString(2), ignoreCase: true)), cancellationToken))
            .ToDictionary(c => c.SourceId);

    public async Task<bool> EditSourceAsync(long sourceId, SourceEdit edit, CancellationToken cancellationToken) =>
        await ExecuteAsync(
            "UPDATE sources SET name = @name, language = @language, category = @category, time_zone = @zone, policy = @policy WHERE id = @id",
            cancellationToken, ("id", sourceId), ("name", edit.Name), ("language", SourceLanguages.Normalize(edit.Language)), ("category", edit.Category),
            ("zone", edit.TimeZone), ("policy", edit.Policy.ToString().ToLowerInvariant())) == 1;

    public Task SetPausedAsync(long sourceId, bool paused, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE sources SET paused = @paused WHERE id = @id", cancellationToken, ("id", sourceId), ("paused", paused));

    public async Task StopFollowingAsync(long sourceId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM endpoints WHERE source_id = @id", cancellationToken, ("id", sourceId));
        await ExecuteAsync(connection, "UPDATE sources SET feed_urls = '{}', paused = true WHERE id = @id", cancellationToken, ("id", sourceId));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<int?> WithdrawSourceAsync(long sourceId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 FROM sources WHERE id = @id FOR UPDATE", cancellationToken, ("id", sourceId)) is null) return null;
        var withdrawn = await ExecuteAsync(connection,
            """
            INSERT INTO withdrawn_articles (id, source_id, url, withdrawn) SELECT id, source_id, url, @at FROM articles WHERE source_id = @id
            ON CONFLICT (id) DO NOTHING
            """, cancellationToken, ("id", sourceId), ("at", atUtc));
        foreach (var sql in (string[])[.. RemoveArticlesOfSource, "DELETE FROM endpoints WHERE source_id = @id",
            "UPDATE sources SET feed_urls = '{}', paused = true, policy = 'withdrawn' WHERE id = @id"])
            await ExecuteAsync(connection, sql, cancellationToken, ("id", sourceId));
        await transaction.CommitAsync(cancellationToken);
        return withdrawn;
    }

    public async Task<WithdrawnArticle?> WithdrawnArticleAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT w.id, COALESCE(s.name, ''), w.url, w.withdrawn FROM withdrawn_articles w LEFT JOIN sources s ON s.id = w.source_id WHERE w.id = @id",
            r => new WithdrawnArticle(r.GetInt64(0), r.GetString(1), r.GetString(2), Instant(r, 3)), cancellationToken, ("id", articleId)))
            .FirstOrDefault();

    public async Task<IReadOnlyDictionary<long, ArticleOrigin>> OriginsOfAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        if (articleIds.Count == 0) return new Dictionary<long, ArticleOrigin>();
        return (await QueryAsync(
            """
            SELECT id, source_id, COALESCE((original->>'robots')::integer, 0), first_seen,
                   COALESCE(translation->>'teaser', original->>'teaser') IS NOT NULL
            FROM articles WHERE id = ANY(@ids)
            """,
            r => (Id: r.GetInt64(0), Origin: new ArticleOrigin(r.GetInt64(1), (PublisherDirectives)r.GetInt32(2), Instant(r, 3), r.GetBoolean(4))),
            cancellationToken, ("ids", articleIds.ToArray())))
            .ToDictionary(d => d.Id, d => d.Origin);
    }

    public async Task<IReadOnlyList<FetchProblem>> SourceProblemsAsync(long sourceId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT source_id, url, stage, message, at FROM problems WHERE source_id = @id ORDER BY id DESC LIMIT @limit",
            r => new FetchProblem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Instant(r, 4)),
            cancellationToken, ("id", sourceId), ("limit", limit));

    public async Task SaveOverrideAsync(SegmentOverride correction, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await KeepCorrectedVersionAsync(connection, correction.ArticleId, correction.AtUtc, cancellationToken);
        await ExecuteAsync(connection,
            $"""
            INSERT INTO segment_overrides ({OverrideColumns}) VALUES (@article, @paragraph, @hash, @text, @operator, @at)
            ON CONFLICT (article_id, paragraph) DO UPDATE SET
                original_hash = excluded.original_hash, text = excluded.text, operator = excluded.operator, at = excluded.at
            """,
            cancellationToken, ("article", correction.ArticleId), ("paragraph", correction.Paragraph), ("hash", correction.OriginalHash),
            ("text", correction.Text), ("operator", correction.Operator), ("at", correction.AtUtc));
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<bool> RemoveOverrideAsync(long articleId, int paragraph, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        if (await ScalarAsync(connection, "SELECT 1 FROM segment_overrides WHERE article_id = @article AND paragraph = @paragraph", cancellationToken,
                ("article", articleId), ("paragraph", paragraph)) is null)
            return false;
        await KeepCorrectedVersionAsync(connection, articleId, _time.GetUtcNow(), cancellationToken);
        await ExecuteAsync(connection, "DELETE FROM segment_overrides WHERE article_id = @article AND paragraph = @paragraph",
            cancellationToken, ("article", articleId), ("paragraph", paragraph));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<IReadOnlyList<SegmentOverride>> OverridesOfAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {OverrideColumns} FROM segment_overrides WHERE article_id = @article ORDER BY paragraph",
            ReadOverride, cancellationToken, ("article", articleId));

    public async Task<IReadOnlyList<SegmentOverride>> RecentOverridesAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {OverrideColumns} FROM segment_overrides ORDER BY at DESC LIMIT @limit",
            ReadOverride, cancellationToken, ("limit", limit));

    private static SegmentOverride ReadOverride(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetString(3), r.GetString(4), Instant(r, 5));

    public async Task<long?> AddReportAsync(long articleId, int? paragraph, string message, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        (await QueryAsync(
            """
            INSERT INTO translation_reports (article_id, paragraph, message, at)
            SELECT @article, @paragraph::integer, @message, @at WHERE EXISTS (SELECT 1 FROM articles WHERE id = @article) RETURNING id
            """, r => r.GetInt64(0), cancellationToken, ("article", articleId), ("paragraph", paragraph), ("message", message), ("at", atUtc)))
            .Select(id => (long?)id).FirstOrDefault();

    public async Task<IReadOnlyList<TranslationReport>> ReportsAsync(bool openOnly, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT id, article_id, paragraph, message, at, resolved FROM translation_reports {(openOnly ? "WHERE resolved IS NULL" : "")} ORDER BY id DESC LIMIT @limit",
            r => new TranslationReport(r.GetInt64(0), r.GetInt64(1), r.IsDBNull(2) ? null : r.GetInt32(2), r.GetString(3), Instant(r, 4), InstantOrNull(r, 5)),
            cancellationToken, ("limit", limit));

    public async Task<bool> ResolveReportAsync(long reportId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        await ExecuteAsync("UPDATE translation_reports SET resolved = @at WHERE id = @id AND resolved IS NULL",
            cancellationToken, ("id", reportId), ("at", atUtc)) == 1;

    public Task RecordEngineUseAsync(string engine, long characters, string? error, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO engine_usage (day, engine, requests, characters, failures, last_error, last_error_at)
            VALUES (@day, @engine, 1, @characters, @failed, @error::text, @errorAt::timestamptz)
            ON CONFLICT (day, engine) DO UPDATE SET
                requests = engine_usage.requests + 1, characters = engine_usage.characters + excluded.characters,
                failures = engine_usage.failures + excluded.failures,
                last_error = COALESCE(excluded.last_error, engine_usage.last_error),
                last_error_at = COALESCE(excluded.last_error_at, engine_usage.last_error_at)
            """, cancellationToken, ("day", DateOnly.FromDateTime(atUtc.UtcDateTime)), ("engine", engine), ("characters", characters),
            ("failed", error is null ? 0L : 1L), ("error", error), ("errorAt", error is null ? null : atUtc));

    public async Task<IReadOnlyList<EngineUsage>> EngineUsageAsync(DateOnly day, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT day, engine, requests, characters, failures, last_error, last_error_at FROM engine_usage WHERE day = @day ORDER BY engine",
            r => new EngineUsage(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetString(1), r.GetInt64(2), r.GetInt64(3), r.GetInt64(4),
                StringOrNull(r, 5), InstantOrNull(r, 6)),
            cancellationToken, ("day", day));
}
