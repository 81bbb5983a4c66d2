using ForeignDesk.Core;

namespace ForeignDesk.Store.Postgres;

/// <summary>Reclassification, and the labelled examples the category classifier learns from.</summary>
public sealed partial class PostgresStore : ICategoryStore
{
    /// <summary>Title, teaser and paragraphs of the English translation <c>a.translation</c>, one per line.</summary>
    private const string EnglishText =
        """
        COALESCE(a.translation->>'title', '') || E'\n' || COALESCE(a.translation->>'teaser', '') || E'\n' ||
            COALESCE((SELECT string_agg(p->>'text', E'\n' ORDER BY n) FROM jsonb_array_elements(a.translation->'paragraphs') WITH ORDINALITY x(p, n)), '')
        """;

    public Task SetCategoryAsync(long articleId, string category, CancellationToken cancellationToken) =>
        ExecuteAsync("UPDATE articles SET category = @category WHERE id = @id", cancellationToken, ("category", category), ("id", articleId));

    public async Task<IReadOnlyList<CategoryExample>> CategoryExamplesAsync(int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT a.id, a.original->>'section', a.url, {EnglishText}
            FROM articles a WHERE a.translation IS NOT NULL
            ORDER BY a.published DESC, a.id DESC LIMIT @limit
            """,
            r => new CategoryExample(r.GetInt64(0), StringOrNull(r, 1), r.GetString(2), r.GetString(3)),
            cancellationToken, ("limit", limit));

    public async Task<IReadOnlyList<CategorizedArticle>> ArticlesForCategoriesAsync(CategoryScan scan, long afterId, int limit, CancellationToken cancellationToken) =>
        await QueryAsync(
            $"""
            SELECT a.id, a.source_id, a.original->>'section', a.url, a.category,
                CASE WHEN a.translation IS NULL THEN NULL ELSE {EnglishText} END
            FROM articles a
            WHERE a.id > @after AND (@source::bigint IS NULL OR a.source_id = @source) AND (@since::timestamptz IS NULL OR a.published >= @since)
            ORDER BY a.id LIMIT @limit
            """,
            r => new CategorizedArticle(r.GetInt64(0), r.GetInt64(1), StringOrNull(r, 2), r.GetString(3), r.GetString(4), StringOrNull(r, 5)),
            cancellationToken, ("after", afterId), ("source", scan.SourceId), ("since", scan.SinceUtc), ("limit", limit));

    public async Task<int> ChangeCategoriesAsync(IReadOnlyList<CategoryChange> changes, CancellationToken cancellationToken)
    {
        if (changes.Count == 0) return 0;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var changed = 0;
        foreach (var change in changes)
            changed += await ExecuteAsync(connection, "UPDATE articles SET category = @to WHERE id = @id AND category = @from",
                cancellationToken, ("to", change.To), ("id", change.ArticleId), ("from", change.From));
        await transaction.CommitAsync(cancellationToken);
        return changed;
    }
}
