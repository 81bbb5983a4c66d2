using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore
{
    /// <summary>
    /// An article's columns for <see cref="ReadArticle"/>: the original and translation as jsonb, which the server sends
    /// as UTF-8 JSON text and the reader parses as it came, with no string made of it first.
    /// </summary>
    private const string ArticleColumns =
        """
        a.id, a.source_id, s.slug, s.name, a.url, a.language, a.original, a.published, a.published_estimated,
        a.modified, s.time_zone, a.category, a.state, a.translation, a.first_seen, a.updated, a.content_hash, a.removed,
        EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id), EXISTS (SELECT 1 FROM segment_overrides o WHERE o.article_id = a.id)
        """;

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ArticleColumns} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.url = @url",
            ReadArticle, cancellationToken, ("url", url))).FirstOrDefault();

    private const string ArticleByIdSql = $"SELECT {ArticleColumns} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = @id";

    public async Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync(ArticleByIdSql, ReadArticle, cancellationToken, ("id", id))).FirstOrDefault();

    public async Task<SaveResult> SaveArticleAsync(ArticleDraft draft, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var zone = (string?)await ScalarAsync(connection, "SELECT time_zone FROM sources WHERE id = @id", cancellationToken, ("id", draft.SourceId))
            ?? throw new InvalidOperationException($"source {draft.SourceId} does not exist");
        (string, object?)[] values =
        [
            ("source", draft.SourceId), ("url", draft.Url), ("language", draft.Language), ("original", ArticleJson.Write(draft.Original)),
            ("published", draft.PublishedUtc), ("estimated", draft.PublishedEstimated), ("modified", draft.Original.Modified),
            ("localDate", StoredValues.LocalDate(draft.PublishedUtc, zone)), ("category", draft.Category),
            ("state", (short)ArticleState.Extracted), ("now", nowUtc), ("hash", draft.ContentHash), ("otherLanguage", draft.DetectedOtherLanguage),
        ];
        // Another process may store the same URL at the same moment: the insert that loses finds the winner's row.
        var created = await ScalarAsync(connection,
            """
            INSERT INTO articles (source_id, url, language, original, published, published_estimated, modified,
                local_date, category, state, first_seen, updated, content_hash, other_language)
            VALUES (@source, @url, @language, @original::jsonb, @published, @estimated, @modified::timestamptz,
                @localDate, @category, @state, @now, @now, @hash, @otherLanguage)
            ON CONFLICT (url) DO NOTHING RETURNING id
            """, cancellationToken, values);

        SaveResult result;
        if (created is long id)
        {
            result = new SaveResult(id, ArticleChange.Created);
        }
        else
        {
            var existing = (await RowsAsync(connection, "SELECT id, content_hash, language, other_language FROM articles WHERE url = @url FOR UPDATE",
                r => (Id: r.GetInt64(0), Hash: r.GetString(1), Language: r.GetString(2), OtherLanguage: r.GetBoolean(3)),
                cancellationToken, ("url", draft.Url))).Single();
            if (StoredValues.Changed(draft, existing.Hash, existing.Language, existing.OtherLanguage))
            {
                if (existing.Hash != draft.ContentHash) await KeepVersionAsync(connection, existing.Id, VersionCause.OutletUpdate, nowUtc, cancellationToken);
                await ExecuteAsync(connection,
                    """
                    UPDATE articles SET language = @language, original = @original::jsonb, published = @published,
                        published_estimated = @estimated, modified = @modified::timestamptz, local_date = @localDate, category = @category,
                        state = @state, updated = @now, content_hash = @hash, other_language = @otherLanguage
                    WHERE id = @id
                    """, cancellationToken, [.. values, ("id", existing.Id)]);
                result = new SaveResult(existing.Id, ArticleChange.Updated);
            }
            else
            {
                result = new SaveResult(existing.Id, ArticleChange.Unchanged);
            }
        }

        if (result.Change != ArticleChange.Unchanged)
            await SavePageAsync(connection, result.ArticleId, draft.Page, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task SaveTranslationAsync(long articleId, TranslatedArticle translation, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var current = (string?)await ScalarAsync(connection, "SELECT translation::text FROM articles WHERE id = @id FOR UPDATE", cancellationToken, ("id", articleId));
        var last = await LastKeptAsync(connection, articleId, cancellationToken);
        if (ArticleVersions.TranslationMakesAVersion(current, translation, last))
            await KeepVersionAsync(connection, articleId, VersionCause.Retranslation, nowUtc, cancellationToken, last);
        await ExecuteAsync(connection, "UPDATE articles SET translation = @translation::jsonb, state = @state WHERE id = @id",
            cancellationToken, ("translation", ArticleJson.Write(translation with { TranslatedUtc = nowUtc })), ("state", (short)ArticleState.Translated), ("id", articleId));
        if (CheckTallies.Counts(translation))
        {
            foreach (var hour in new[] { CheckTallies.Hour(nowUtc), CheckTallies.AllTime })
                await ExecuteAsync(connection,
                    """
                    INSERT INTO check_counts (engine, language, hour_ms, translations, failed_translations, failed_paragraphs)
                        SELECT @engine, language, @hour, 1, @failed, @paragraphs FROM articles WHERE id = @id
                    ON CONFLICT (engine, language, hour_ms) DO UPDATE SET translations = check_counts.translations + 1,
                        failed_translations = check_counts.failed_translations + excluded.failed_translations,
                        failed_paragraphs = check_counts.failed_paragraphs + excluded.failed_paragraphs
                    """, cancellationToken, ("engine", translation.Engine), ("hour", hour), ("id", articleId),
                    ("failed", translation.Checks.Count > 0 ? 1 : 0), ("paragraphs", translation.Checks.Count));
            await ExecuteAsync(connection, $"DELETE FROM check_counts WHERE hour_ms <> {CheckTallies.AllTime} AND hour_ms < @oldest", cancellationToken,
                ("oldest", CheckTallies.Hour(nowUtc - CheckTallies.Kept)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CheckFailureCounts>> CheckFailureCountsAsync(DateTimeOffset? sinceUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT engine, language, SUM(translations)::integer, SUM(failed_translations)::integer, SUM(failed_paragraphs)::integer FROM check_counts
            WHERE {(sinceUtc is null ? $"hour_ms = {CheckTallies.AllTime}" : "hour_ms >= @since")}
            GROUP BY engine, language ORDER BY engine, language
            """,
            r => new CheckFailureCounts(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), cancellationToken,
            ("since", sinceUtc is { } since ? CheckTallies.Hour(since) : null));

    public Task MarkAwaitingEngineAsync(long articleId, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE articles SET state = @state WHERE id = @id",
            cancellationToken, ("state", (short)ArticleState.AwaitingEngine), ("id", articleId));

    public Task MarkRemovedByOutletAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE articles SET removed = @at WHERE id = @id AND removed IS NULL",
            cancellationToken, ("at", atUtc), ("id", articleId));

    public async Task<IReadOnlyList<long>> UntranslatedAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT id FROM articles WHERE state <> 2 ORDER BY published DESC, id LIMIT @limit",
            r => r.GetInt64(0), cancellationToken, ("limit", limit));

    public async Task<IReadOnlyList<long>> AllArticleIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT id FROM articles ORDER BY id", r => r.GetInt64(0), cancellationToken);

    public async Task<FetchedPage?> GetPageAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT requested_url, final_url, status, content_type, body_gzip, fetched, etag, last_modified FROM pages WHERE article_id = @id",
            r => new FetchedPage(new Uri(r.GetString(0)), new Uri(r.GetString(1)), r.GetInt32(2), StringOrNull(r, 3),
                StoredValues.Gunzip(r.GetFieldValue<byte[]>(4)), Instant(r, 5), StringOrNull(r, 6), StringOrNull(r, 7)),
            cancellationToken, ("id", articleId))).FirstOrDefault();

    private static Task SavePageAsync(NpgsqlConnection connection, long articleId, FetchedPage page, CancellationToken cancellationToken) =>
        ExecuteAsync(connection,
            """
            INSERT INTO pages (article_id, requested_url, final_url, status, content_type, body_gzip, fetched, etag, last_modified)
            VALUES (@id, @requested, @final, @status, @type, @body, @fetched, @etag, @lm)
            ON CONFLICT (article_id) DO UPDATE SET requested_url = excluded.requested_url, final_url = excluded.final_url,
                status = excluded.status, content_type = excluded.content_type, body_gzip = excluded.body_gzip,
                fetched = excluded.fetched, etag = excluded.etag, last_modified = excluded.last_modified
            """, cancellationToken,
            ("id", articleId), ("requested", page.RequestedUrl.AbsoluteUri), ("final", page.FinalUrl.AbsoluteUri),
            ("status", page.Status), ("type", page.ContentType), ("body", StoredValues.Gzip(page.Body)), ("fetched", page.FetchedAt),
            ("etag", page.ETag), ("lm", page.LastModified));

    private static StoredArticle ReadArticle(NpgsqlDataReader r) => new(
        Id: r.GetInt64(0),
        SourceId: r.GetInt64(1),
        SourceSlug: r.GetString(2),
        SourceName: r.GetString(3),
        Url: r.GetString(4),
        Language: r.GetString(5),
        Original: ArticleJson.ReadOriginal(r.GetFieldValue<byte[]>(6)),
        PublishedUtc: Instant(r, 7),
        PublishedEstimated: r.GetBoolean(8),
        ModifiedUtc: InstantOrNull(r, 9),
        TimeZone: r.GetString(10),
        Category: r.GetString(11),
        State: (ArticleState)r.GetInt16(12),
        Translation: r.IsDBNull(13) ? null : ArticleJson.ReadTranslation(r.GetFieldValue<byte[]>(13)),
        FirstSeenUtc: Instant(r, 14),
        UpdatedUtc: Instant(r, 15),
        ContentHash: r.GetString(16)) { RemovedUtc = InstantOrNull(r, 17), HasEarlierVersions = r.GetBoolean(18), HasCorrections = r.GetBoolean(19) };
}
