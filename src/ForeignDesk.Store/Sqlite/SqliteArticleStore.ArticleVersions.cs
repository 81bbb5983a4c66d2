using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : IArticleVersionStore
{
    private const string VersionColumns = "number, from_ms, until_ms, cause, ended_by, original, translation";

    public async Task<IReadOnlyList<ArticleVersion>> EarlierVersionsAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync($"SELECT {VersionColumns} FROM article_versions WHERE article_id = $id ORDER BY number",
            r => ArticleVersions.Read(articleId, ReadVersion(r)), cancellationToken, ("$id", articleId));

    public async Task<ArticleVersion?> LastEarlierVersionAsync(long articleId, CancellationToken cancellationToken) =>
        (await QueryAsync($"SELECT {VersionColumns} FROM article_versions WHERE article_id = $id ORDER BY number DESC LIMIT 1",
            r => ArticleVersions.Read(articleId, ReadVersion(r)), cancellationToken, ("$id", articleId))).FirstOrDefault();

    /// <summary>The latest kept version's number, end and cause of its end; null when none is kept.</summary>
    private static async Task<ArticleVersions.Last?> LastKeptAsync(SqliteConnection connection, long articleId, CancellationToken cancellationToken) =>
        (await QueryRowsAsync(connection, "SELECT number, until_ms, ended_by FROM article_versions WHERE article_id = $id ORDER BY number DESC LIMIT 1",
            r => (ArticleVersions.Last?)new ArticleVersions.Last(r.GetInt32(0), Instant(r.GetInt64(1)), (VersionCause)r.GetInt32(2)),
            cancellationToken, ("$id", articleId))).FirstOrDefault();

    /// <summary>Keeps the article as it stands as the version that <paramref name="endedBy"/> ends (inside the caller's transaction).</summary>
    private static async Task KeepVersionAsync(SqliteConnection connection, long articleId, VersionCause endedBy, DateTimeOffset nowUtc,
        CancellationToken cancellationToken, ArticleVersions.Last? last = null)
    {
        var article = (await QueryRowsAsync(connection, "SELECT original, translation, first_seen_ms FROM articles WHERE id = $id",
            r => (Original: r.GetString(0), Translation: r.IsDBNull(1) ? null : r.GetString(1), FirstSeen: Instant(r.GetInt64(2))),
            cancellationToken, ("$id", articleId))).Single();
        var overrides = await QueryRowsAsync(connection, $"SELECT {OverrideColumns} FROM segment_overrides WHERE article_id = $id ORDER BY paragraph",
            ReadOverride, cancellationToken, ("$id", articleId));
        var row = ArticleVersions.Keep(article.Original, article.Translation, overrides, article.FirstSeen,
            last ?? await LastKeptAsync(connection, articleId, cancellationToken), endedBy, nowUtc);
        await ExecuteAsync(connection,
            $"INSERT INTO article_versions (article_id, {VersionColumns}) VALUES ($id, $number, $from, $until, $cause, $endedBy, $original, $translation)",
            cancellationToken, ("$id", articleId), ("$number", row.Number), ("$from", Ms(row.FromUtc)), ("$until", Ms(row.UntilUtc)),
            ("$cause", (int)row.Cause), ("$endedBy", (int)row.EndedBy), ("$original", row.Original), ("$translation", row.Translation));
    }

    private static ArticleVersions.Row ReadVersion(SqliteDataReader r) => new(r.GetInt32(0), Instant(r.GetInt64(1)), Instant(r.GetInt64(2)),
        (VersionCause)r.GetInt32(3), (VersionCause)r.GetInt32(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6));
}
