using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

public sealed partial class SqliteArticleStore : IImageCheckStore
{
    public async Task<IReadOnlyList<ImageCheck>> ImageChecksAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT article_id, idx, url_key, good, width, height, problem, checked_ms FROM image_checks WHERE article_id = $article",
            r => new ImageCheck(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetInt64(3) != 0, r.GetInt32(4), r.GetInt32(5),
                StringOrNull(r, 6), Instant(r.GetInt64(7))),
            cancellationToken, ("$article", articleId));

    public async Task SaveImageCheckAsync(ImageCheck check, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection,
            """
            INSERT INTO image_checks (article_id, idx, url_key, good, width, height, problem, checked_ms)
            SELECT $article, $index, $key, $good, $width, $height, $problem, $checked WHERE EXISTS (SELECT 1 FROM articles WHERE id = $article)
            ON CONFLICT(article_id, idx) DO UPDATE SET url_key = excluded.url_key, good = excluded.good, width = excluded.width,
                height = excluded.height, problem = excluded.problem, checked_ms = excluded.checked_ms
            """, cancellationToken, ("$article", check.ArticleId), ("$index", check.Index), ("$key", check.UrlKey), ("$good", check.Good ? 1 : 0),
            ("$width", check.Width), ("$height", check.Height), ("$problem", check.Problem), ("$checked", Ms(check.CheckedUtc)));
    }
}
