using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore
{
    private const string ArticleColumns =
        """
        a.id, a.source_id, s.slug, s.name, a.url, a.language, a.original, a.published_ms, a.published_estimated,
        a.modified_ms, s.time_zone, a.category, a.state, a.translation, a.first_seen_ms, a.updated_ms, a.content_hash, a.removed_ms,
        EXISTS (SELECT 1 FROM article_versions v WHERE v.article_id = a.id), EXISTS (SELECT 1 FROM segment_overrides o WHERE o.article_id = a.id)
        """;

    public async Task<StoredArticle?> FindByUrlAsync(string url, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ArticleColumns} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.url = $url",
            ReadArticle, cancellationToken, ("$url", url))).FirstOrDefault();

    public async Task<StoredArticle?> GetArticleAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {ArticleColumns} FROM articles a JOIN sources s ON s.id = a.source_id WHERE a.id = $id",
            ReadArticle, cancellationToken, ("$id", id))).FirstOrDefault();

    public async Task<SaveResult> SaveArticleAsync(ArticleDraft draft, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var zone = (string?)await ScalarAsync(connection, "SELECT time_zone FROM sources WHERE id = $id", cancellationToken, ("$id", draft.SourceId))
            ?? throw new InvalidOperationException($"source {draft.SourceId} does not exist");
        var localDate = StoredValues.LocalDate(draft.PublishedUtc, zone).ToString("yyyy-MM-dd");
        var existing = (await QueryRowsAsync(connection, "SELECT id, content_hash, language, other_language FROM articles WHERE url = $url",
            r => (Id: r.GetInt64(0), Hash: r.GetString(1), Language: r.GetString(2), OtherLanguage: r.GetInt64(3) == 1),
            cancellationToken, ("$url", draft.Url))).FirstOrDefault();

        SaveResult result;
        var original = ArticleJson.Write(draft.Original);
        if (existing.Id == 0)
        {
            var id = (long)(await ScalarAsync(connection,
                """
                INSERT INTO articles (source_id, url, language, original, published_ms, published_estimated, modified_ms,
                    local_date, category, state, first_seen_ms, updated_ms, content_hash, other_language)
                VALUES ($source, $url, $language, $original, $published, $estimated, $modified,
                    $localDate, $category, $state, $now, $now, $hash, $otherLanguage) RETURNING id
                """, cancellationToken,
                ("$source", draft.SourceId), ("$url", draft.Url), ("$language", draft.Language), ("$original", original),
                ("$published", Ms(draft.PublishedUtc)), ("$estimated", draft.PublishedEstimated ? 1 : 0),
                ("$modified", draft.Original.Modified is { } m ? Ms(m) : null), ("$localDate", localDate),
                ("$category", draft.Category), ("$state", (int)ArticleState.Extracted), ("$now", Ms(nowUtc)),
                ("$hash", draft.ContentHash), ("$otherLanguage", draft.DetectedOtherLanguage ? 1 : 0))
                ?? throw new InvalidOperationException("INSERT returned no id"));
            result = new SaveResult(id, ArticleChange.Created);
        }
        else if (StoredValues.Changed(draft, existing.Hash, existing.Language, existing.OtherLanguage))
        {
            if (existing.Hash != draft.ContentHash) await KeepVersionAsync(connection, existing.Id, VersionCause.OutletUpdate, nowUtc, cancellationToken);
            await ExecuteAsync(connection,
                """
                UPDATE articles SET language = $language, original = $original, published_ms = $published,
                    published_estimated = $estimated, modified_ms = $modified, local_date = $localDate, category = $category,
                    state = $state, updated_ms = $now, content_hash = $hash, other_language = $otherLanguage
                WHERE id = $id
                """, cancellationToken,
                ("$id", existing.Id), ("$language", draft.Language), ("$original", original),
                ("$published", Ms(draft.PublishedUtc)), ("$estimated", draft.PublishedEstimated ? 1 : 0),
                ("$modified", draft.Original.Modified is { } m ? Ms(m) : null), ("$localDate", localDate),
                ("$category", draft.Category), ("$state", (int)ArticleState.Extracted), ("$now", Ms(nowUtc)),
                ("$hash", draft.ContentHash), ("$otherLanguage", draft.DetectedOtherLanguage ? 1 : 0));
            result = new SaveResult(existing.Id, ArticleChange.Updated);
        }
        else
        {
            result = new SaveResult(existing.Id, ArticleChange.Unchanged);
        }

        if (result.Change != ArticleChange.Unchanged)
            await SavePageAsync(connection, result.ArticleId, draft.Page, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return result;
    }

    public async Task SaveTranslationAsync(long articleId, TranslatedArticle translation, DateTimeOffset nowUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        var current = (string?)await ScalarAsync(connection, "SELECT translation FROM articles WHERE id = $id", cancellationToken, ("$id", articleId));
        var last = await LastKeptAsync(connection, articleId, cancellationToken);
        if (ArticleVersions.TranslationMakesAVersion(current, translation, last))
            await KeepVersionAsync(connection, articleId, VersionCause.Retranslation, nowUtc, cancellationToken, last);
        await ExecuteAsync(connection, "UPDATE articles SET translation = $translation, state = $state WHERE id = $id",
            cancellationToken, ("$translation", ArticleJson.Write(translation with { TranslatedUtc = nowUtc })),
            ("$state", (int)ArticleState.Translated), ("$id", articleId));
        if (CheckTallies.Counts(translation))
        {
            foreach (var hour in new[] { CheckTallies.Hour(nowUtc), CheckTallies.AllTime })
                await ExecuteAsync(connection,
                    """
                    INSERT INTO check_counts (engine, language, hour_ms, translations, failed_translations, failed_paragraphs)
                        SELECT $engine, language, $hour, 1, $failed, $paragraphs FROM articles WHERE id = $id
                    ON CONFLICT(engine, language, hour_ms) DO UPDATE SET translations = translations + 1,
                        failed_translations = failed_translations + excluded.failed_translations,
                        failed_paragraphs = failed_paragraphs + excluded.failed_paragraphs
                    """, cancellationToken, ("$engine", translation.Engine), ("$hour", hour), ("$id", articleId),
                    ("$failed", translation.Checks.Count > 0 ? 1 : 0), ("$paragraphs", translation.Checks.Count));
            await ExecuteAsync(connection, $"DELETE FROM check_counts WHERE hour_ms <> {CheckTallies.AllTime} AND hour_ms < $oldest", cancellationToken,
                ("$oldest", CheckTallies.Hour(nowUtc - CheckTallies.Kept)));
        }
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<CheckFailureCounts>> CheckFailureCountsAsync(DateTimeOffset? sinceUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT engine, language, SUM(translations), SUM(failed_translations), SUM(failed_paragraphs) FROM check_counts
            WHERE {(sinceUtc is null ? $"hour_ms = {CheckTallies.AllTime}" : "hour_ms >= $since")}
            GROUP BY engine, language ORDER BY engine, language
            """,
            r => new CheckFailureCounts(r.GetString(0), r.GetString(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)), cancellationToken,
            ("$since", sinceUtc is { } since ? CheckTallies.Hour(since) : null));

    public async Task MarkAwaitingEngineAsync(long articleId, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE articles SET state = $state WHERE id = $id",
            cancellationToken, ("$state", (int)ArticleState.AwaitingEngine), ("$id", articleId));
    }

    public async Task MarkRemovedByOutletAsync(long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        // The trigger of migration 0998 takes the article's line out of the lists and touches its pages.
        await ExecuteAsync(connection, "UPDATE articles SET removed_ms = $at WHERE id = $id AND removed_ms IS NULL",
            cancellationToken, ("$at", Ms(atUtc)), ("$id", articleId));
    }

    public async Task<IReadOnlyList<long>> UntranslatedAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT id FROM articles INDEXED BY articles_untranslated WHERE {M0710UntranslatedIndex.Condition} ORDER BY published_ms DESC LIMIT $limit",
            r => r.GetInt64(0), cancellationToken, ("$limit", limit));

    public async Task<IReadOnlyList<long>> AllArticleIdsAsync(CancellationToken cancellationToken) =>
        await QueryAsync("SELECT id FROM articles ORDER BY id", r => r.GetInt64(0), cancellationToken);

    public async Task<FetchedPage?> GetPageAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync(
            "SELECT requested_url, final_url, status, content_type, body_gzip, fetched_ms, etag, last_modified FROM pages WHERE article_id = $id",
            r => new FetchedPage(new Uri(r.GetString(0)), new Uri(r.GetString(1)), r.GetInt32(2), StringOrNull(r, 3),
                StoredValues.Gunzip((byte[])r[4]), Instant(r.GetInt64(5)), StringOrNull(r, 6), StringOrNull(r, 7)),
            cancellationToken, ("$id", articleId))).FirstOrDefault();

    private static async Task SavePageAsync(SqliteConnection connection, long articleId, FetchedPage page, CancellationToken cancellationToken) =>
        await ExecuteAsync(connection,
            """
            INSERT INTO pages (article_id, requested_url, final_url, status, content_type, body_gzip, fetched_ms, etag, last_modified)
            VALUES ($id, $requested, $final, $status, $type, $body, $fetched, $etag, $lm)
            ON CONFLICT(article_id) DO UPDATE SET requested_url = excluded.requested_url, final_url = excluded.final_url,
                status = excluded.status, content_type = excluded.content_type, body_gzip = excluded.body_gzip,
                fetched_ms = excluded.fetched_ms, etag = excluded.etag, last_modified = excluded.last_modified
            """, cancellationToken,
            ("$id", articleId), ("$requested", page.RequestedUrl.AbsoluteUri), ("$final", page.FinalUrl.AbsoluteUri),
            ("$status", page.Status), ("$type", page.ContentType), ("$body", StoredValues.Gzip(page.Body)), ("$fetched", Ms(page.FetchedAt)),
            ("$etag", page.ETag), ("$lm", page.LastModified));

    private static async Task<List<T>> QueryRowsAsync<T>(SqliteConnection connection, string sql, Func<SqliteDataReader, T> map,
        CancellationToken cancellationToken, params (string, object?)[] parameters)
    {
        await using var command = Command(connection, sql, parameters);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var rows = new List<T>();
        while (await reader.ReadAsync(cancellationToken)) rows.Add(map(reader));
        return rows;
    }

    private static StoredArticle ReadArticle(SqliteDataReader r) => new(
        Id: r.GetInt64(0),
        SourceId: r.GetInt64(1),
        SourceSlug: r.GetString(2),
        SourceName: r.GetString(3),
        Url: r.GetString(4),
        Language: r.GetString(5),
        Original: ArticleJson.ReadOriginal(Utf8(r, 6)),
        PublishedUtc: Instant(r.GetInt64(7)),
        PublishedEstimated: r.GetInt64(8) != 0,
        ModifiedUtc: InstantOrNull(r, 9),
        TimeZone: r.GetString(10),
        Category: r.GetString(11),
        State: (ArticleState)r.GetInt32(12),
        Translation: r.IsDBNull(13) ? null : ArticleJson.ReadTranslation(Utf8(r, 13)),
        FirstSeenUtc: Instant(r.GetInt64(14)),
        UpdatedUtc: Instant(r.GetInt64(15)),
        ContentHash: r.GetString(16)) { RemovedUtc = InstantOrNull(r, 17), HasEarlierVersions = r.GetBoolean(18), HasCorrections = r.GetBoolean(19) };

    /// <summary>A text column's bytes as SQLite holds them (UTF-8), for JSON read straight from them.</summary>
    private static byte[] Utf8(SqliteDataReader r, int ordinal) => r.GetFieldValue<byte[]>(ordinal);
}
