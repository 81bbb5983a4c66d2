using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore : IArticleVersionStore
{
    private const string VersionColumns = "number, from_at, until_at, cause, ended_by, original::text, translation::text";

    public async Task<IReadOnlyList<ArticleVersion>> EarlierVersionsAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {VersionColumns} FROM article_versions WHERE article_id = @id ORDER BY number",
            r => ArticleVersions.Read(articleId, ReadVersion(r)), cancellationToken, ("id", articleId));

    public async Task<ArticleVersion?> LastEarlierVersionAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {VersionColumns} FROM article_versions WHERE article_id = @id ORDER BY number DESC LIMIT 1",
            r => ArticleVersions.Read(articleId, ReadVersion(r)), cancellationToken, ("id", articleId))).FirstOrDefault();

    /// <summary>Before a correction is saved or undone: the translation as it showed is kept as a version, when there is one.</summary>
    private static async Task KeepCorrectedVersionAsync(NpgsqlConnection connection, long articleId, DateTimeOffset atUtc, CancellationToken cancellationToken)
    {
        if (await ScalarAsync(connection, "SELECT 1 FROM articles WHERE id = @id AND translation IS NOT NULL FOR UPDATE", cancellationToken, ("id", articleId)) is not null)
            await KeepVersionAsync(connection, articleId, VersionCause.EditorCorrection, atUtc, cancellationToken);
    }

    private static async Task<ArticleVersions.Last?> LastKeptAsync(NpgsqlConnection connection, long articleId, CancellationToken cancellationToken) =>
        (await RowsAsync(connection, "SELECT number, until_at, ended_by FROM article_versions WHERE article_id = @id ORDER BY number DESC LIMIT 1",
            r => (ArticleVersions.Last?)new ArticleVersions.Last(r.GetInt32(0), Instant(r, 1), (VersionCause)r.GetInt16(2)),
            cancellationToken, ("id", articleId))).FirstOrDefault();

    /// <summary>Keeps the article as it stands as the version that <paramref name="endedBy"/> ends (inside the caller's transaction).</summary>
    private static async Task KeepVersionAsync(NpgsqlConnection connection, long articleId, VersionCause endedBy, DateTimeOffset nowUtc,
        CancellationToken cancellationToken, ArticleVersions.Last? last = null)
    {
        var article = (await RowsAsync(connection, "SELECT original::text, translation::text, first_seen FROM articles WHERE id = @id",
            r => (Original: r.GetString(0), Translation: r.IsDBNull(1) ? null : r.GetString(1), FirstSeen: Instant(r, 2)),
            cancellationToken, ("id", articleId))).Single();
        var overrides = await RowsAsync(connection, $"SELECT {OverrideColumns} FROM segment_overrides WHERE article_id = @id ORDER BY paragraph",
            ReadOverride, cancellationToken, ("id", articleId));
        var row = ArticleVersions.Keep(article.Original, article.Translation, overrides, article.FirstSeen,
            last ?? await LastKeptAsync(connection, articleId, cancellationToken), endedBy, nowUtc);
        await ExecuteAsync(connection,
            """
            INSERT INTO article_versions (article_id, number, from_at, until_at, cause, ended_by, original, translation)
            VALUES (@id, @number, @from, @until, @cause, @endedBy, @original::jsonb, @translation::jsonb)
            """,
            cancellationToken, ("id", articleId), ("number", row.Number), ("from", row.FromUtc), ("until", row.UntilUtc),
            ("cause", (short)row.Cause), ("endedBy", (short)row.EndedBy), ("original", row.Original), ("translation", row.Translation));
    }

    private static ArticleVersions.Row ReadVersion(NpgsqlDataReader r) => new(r.GetInt32(0), Instant(r, 1), Instant(r, 2),
        (VersionCause)r.GetInt16(3), (VersionCause)r.GetInt16(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
