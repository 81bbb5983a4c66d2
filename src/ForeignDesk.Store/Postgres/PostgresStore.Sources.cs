using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore
{
    private const string SourceColumns = "id, slug, name, home_url, feed_urls, language, category, time_zone";

    public async Task<Source> AddSourceAsync(SourceDraft draft, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        var baseSlug = Slug.From(draft.Name, 40);
        var slug = baseSlug;
        for (var n = 2; await ScalarAsync(connection, "SELECT 1 FROM sources WHERE slug = @slug", cancellationToken, ("slug", slug)) is not null; n++)
            slug = $"{baseSlug}-{n}";
        var language = SourceLanguages.Normalize(draft.Language);
        var id = (long)(await ScalarAsync(connection,
            """
            INSERT INTO sources (slug, name, home_url, feed_urls, language, category, time_zone, created, policy)
            VALUES (@slug, @name, @home, @feeds, @language, @category, @zone, @now, @policy) RETURNING id
            """, cancellationToken,
            ("slug", slug), ("name", draft.Name), ("home", draft.HomeUrl.AbsoluteUri), ("feeds", draft.FeedUrls.Select(u => u.AbsoluteUri).ToArray()),
            ("language", language), ("category", draft.Category), ("zone", draft.TimeZone), ("now", _time.GetUtcNow()),
            ("policy", (draft.Policy ?? _defaultPolicy).ToString().ToLowerInvariant()))
            ?? throw new InvalidOperationException("INSERT returned no id"));
        return new Source(id, slug, draft.Name, draft.HomeUrl, draft.FeedUrls, language, draft.Category, draft.TimeZone);
    }

    public async Task<IReadOnlyList<Source>> ListSourcesAsync(CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {SourceColumns} FROM sources ORDER BY name COLLATE \"C\", id", ReadSource, cancellationToken);

    public async Task<Source?> GetSourceAsync(string slug, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SourceColumns} FROM sources WHERE slug = @slug", ReadSource, cancellationToken, ("slug", slug)))
            .FirstOrDefault();

    public async Task<Source?> GetSourceAsync(long id, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {SourceColumns} FROM sources WHERE id = @id", ReadSource, cancellationToken, ("id", id)))
            .FirstOrDefault();

    /// <summary>Takes every article of the source <c>@id</c> off the store, with its problems.</summary>
    private static readonly string[] RemoveArticlesOfSource =
    [
        "DELETE FROM articles WHERE source_id = @id",
        "DELETE FROM problems WHERE source_id = @id",
    ];

    public async Task<bool> RemoveSourceAsync(string slug, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var id = await ScalarAsync(connection, "SELECT id FROM sources WHERE slug = @slug FOR UPDATE", cancellationToken, ("slug", slug));
        if (id is null) return false;
        foreach (var sql in (string[])[.. RemoveArticlesOfSource, "DELETE FROM sources WHERE id = @id"])
            await ExecuteAsync(connection, sql, cancellationToken, ("id", id));
        await transaction.CommitAsync(cancellationToken);
        return true;
    }

    public async Task<HttpValidators?> GetValidatorsAsync(string url, CancellationToken cancellationToken) =>
        (await QueryAsync("SELECT etag, last_modified FROM validators WHERE url = @url",
            r => new HttpValidators(StringOrNull(r, 0), StringOrNull(r, 1)), cancellationToken, ("url", url)))
            .FirstOrDefault();

    public Task SaveValidatorsAsync(string url, HttpValidators validators, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO validators (url, etag, last_modified) VALUES (@url, @etag, @lm)
            ON CONFLICT (url) DO UPDATE SET etag = excluded.etag, last_modified = excluded.last_modified
            """, cancellationToken, ("url", url), ("etag", validators.ETag), ("lm", validators.LastModified));

    public Task RecordSourceSuccessAsync(long sourceId, DateTimeOffset atUtc, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE sources SET last_fetch = @at, last_success = @at, consecutive_errors = 0 WHERE id = @id",
            cancellationToken, ("at", atUtc), ("id", sourceId));

    public async Task RecordProblemAsync(FetchProblem problem, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection,
            "INSERT INTO problems (source_id, url, stage, message, at) VALUES (@source, @url, @stage, @message, @at)",
            cancellationToken, ("source", problem.SourceId), ("url", problem.Url), ("stage", problem.Stage),
            ("message", problem.Message), ("at", problem.AtUtc));
        // A feed that fails makes the source unhealthy; a single bad article page is recorded but the source stays healthy.
        await ExecuteAsync(connection,
            problem.Stage == "feed"
                ? "UPDATE sources SET last_fetch = @at, last_error = @message, consecutive_errors = consecutive_errors + 1 WHERE id = @id"
                : "UPDATE sources SET last_error = @message WHERE id = @id",
            cancellationToken, ("at", problem.AtUtc), ("message", $"{problem.Stage}: {problem.Message} ({problem.Url})"),
            ("id", problem.SourceId));
        await ExecuteAsync(connection, "DELETE FROM problems WHERE id <= (SELECT MAX(id) - 10000 FROM problems)", cancellationToken);
        await transaction.CommitAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<SourceHealth>> SourceHealthAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"SELECT {SourceColumns}, last_fetch, last_success, last_error, consecutive_errors FROM sources ORDER BY name COLLATE \"C\", id",
            r => new SourceHealth(ReadSource(r), InstantOrNull(r, 8), InstantOrNull(r, 9), StringOrNull(r, 10), r.GetInt32(11)),
            cancellationToken);

    public async Task<IReadOnlyList<SourceArticleCounts>> SourceArticleCountsAsync(DateTimeOffset nowUtc, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT s.id,
                   (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.first_seen >= @dayAgo)::integer,
                   (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id)::integer,
                   (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.other_language)::integer,
                   (SELECT COUNT(*) FROM articles a WHERE a.source_id = s.id AND a.{M0996AwaitingEngineIndex.Condition})::integer
            FROM sources s
            """,
            r => new SourceArticleCounts(r.GetInt64(0), r.GetInt32(1), r.GetInt32(2), r.GetInt32(3), r.GetInt32(4)),
            cancellationToken, ("dayAgo", nowUtc.AddHours(-24)));

    public async Task<IReadOnlyList<ArticleTimes>> ArticleTimesAsync(DateTimeOffset sinceUtc, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT source_id, published, published_estimated, first_seen,
                   CASE WHEN translation->>'engine' <> 'none' THEN translation->>'translatedUtc' END
            FROM articles WHERE first_seen >= @since ORDER BY first_seen DESC LIMIT @limit
            """,
            r => new ArticleTimes(r.GetInt64(0), r.GetBoolean(2) ? null : Instant(r, 1), Instant(r, 3),
                r.IsDBNull(4) ? null : DateTimeOffset.Parse(r.GetString(4), System.Globalization.CultureInfo.InvariantCulture)),
            cancellationToken, ("since", sinceUtc), ("limit", limit));

    public async Task<IReadOnlyList<FetchProblem>> RecentProblemsAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT source_id, url, stage, message, at FROM problems ORDER BY id DESC LIMIT @limit",
            r => new FetchProblem(r.GetInt64(0), r.GetString(1), r.GetString(2), r.GetString(3), Instant(r, 4)),
            cancellationToken, ("limit", limit));

    private static Source ReadSource(NpgsqlDataReader r) => new(
        r.GetInt64(0), r.GetString(1), r.GetString(2), new Uri(r.GetString(3)),
        r.GetFieldValue<string[]>(4).Select(u => new Uri(u)).ToArray(),
        StringOrNull(r, 5), r.GetString(6), r.GetString(7));
}
