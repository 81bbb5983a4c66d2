using ForeignDesk.Core;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Reclassification and the labelled examples the category classifier learns from.</summary>
public sealed partial class SqliteArticleStore : ICategoryStore
{
    public async Task SetCategoryAsync(long articleId, string category, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await ExecuteAsync(connection, "UPDATE articles SET category = $category WHERE id = $id",
            cancellationToken, ("$category", category), ("$id", articleId));
    }

    public async Task<IReadOnlyList<CategoryExample>> CategoryExamplesAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            """
            SELECT a.id, json_extract(a.original, '$.section'), a.url,
                COALESCE(json_extract(a.translation, '$.title'), '') || char(10) ||
                COALESCE(json_extract(a.translation, '$.teaser'), '') || char(10) ||
                COALESCE((SELECT group_concat(json_extract(p.value, '$.text'), char(10)) FROM json_each(a.translation, '$.paragraphs') p), '')
            FROM articles a WHERE a.translation IS NOT NULL
            ORDER BY a.published_ms DESC, a.id DESC LIMIT $limit
            """,
            r => new CategoryExample(r.GetInt64(0), StringOrNull(r, 1), r.GetString(2), r.GetString(3)),
            cancellationToken, ("$limit", limit));
}
