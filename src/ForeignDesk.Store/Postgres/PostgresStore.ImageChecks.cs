using ForeignDesk.Core;

namespace ForeignDesk.Store.Postgres;

public sealed partial class PostgresStore : IImageCheckStore
{
    public async Task<IReadOnlyList<ImageCheck>> ImageChecksAsync(long articleId, CancellationToken cancellationToken) =>
        await QueryAsync("SELECT article_id, idx, url_key, good, width, height, problem, checked FROM image_checks WHERE article_id = @article",
            r => new ImageCheck(r.GetInt64(0), r.GetInt32(1), r.GetString(2), r.GetBoolean(3), r.GetInt32(4), r.GetInt32(5),
                r.IsDBNull(6) ? null : r.GetString(6), Instant(r, 7)),
            cancellationToken, ("article", articleId));

    public Task SaveImageCheckAsync(ImageCheck check, CancellationToken cancellationToken) =>
        ExecuteAsync(
            """
            INSERT INTO image_checks (article_id, idx, url_key, good, width, height, problem, checked)
            SELECT @article, @index, @key, @good, @width, @height, @problem::text, @checked WHERE EXISTS (SELECT 1 FROM articles WHERE id = @article)
            ON CONFLICT (article_id, idx) DO UPDATE SET url_key = excluded.url_key, good = excluded.good, width = excluded.width,
                height = excluded.height, problem = excluded.problem, checked = excluded.checked
            """, cancellationToken, ("article", check.ArticleId), ("index", check.Index), ("key", check.UrlKey), ("good", check.Good),
            ("width", check.Width), ("height", check.Height), ("problem", check.Problem), ("checked", check.CheckedUtc));
}
