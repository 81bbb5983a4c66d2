using ForeignDesk.Core;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>An already translated article for <see cref="SqliteArticleStore.BulkInsertAsync"/>.</summary>
public sealed record BulkArticle(long SourceId, string Url, string Language, ExtractedArticle Original, TranslatedArticle Translation,
    DateTimeOffset PublishedUtc, string Category);

public sealed partial class SqliteArticleStore
{
    private const int BulkTransactionSize = 20_000;

    /// <summary>
    /// Inserts many translated articles (benchmark stores), streamed in transactions of 20 000 with one prepared
    /// statement, then compacts the search index (<see cref="OptimizeSearchIndexAsync"/>). No raw pages are kept;
    /// local dates are UTC dates.
    /// </summary>
    /// <returns>The new ids, in input order.</returns>
    public async Task<IReadOnlyList<long>> BulkInsertAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        foreach (var chunk in articles.Chunk(BulkTransactionSize)) await InsertChunkAsync(chunk, ids, cancellationToken);
        await OptimizeSearchIndexAsync(cancellationToken);
        return ids;
    }

    private async Task InsertChunkAsync(IReadOnlyList<BulkArticle> articles, List<long> ids, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await using var command = Command(connection,
            """
            INSERT INTO articles (source_id, url, language, original, published_ms, published_estimated, local_date, category,
                state, translation, first_seen_ms, updated_ms, content_hash)
            VALUES ($source, $url, $language, $original, $published, 0, $localDate, $category, $state, $translation, $published, $published, $hash)
            RETURNING id
            """,
            ("$source", 0L), ("$url", ""), ("$language", ""), ("$original", ""), ("$published", 0L), ("$localDate", ""),
            ("$category", ""), ("$state", (int)ArticleState.Translated), ("$translation", ""), ("$hash", ""));
        command.Prepare();
        foreach (var article in articles)
        {
            command.Parameters["$source"].Value = article.SourceId;
            command.Parameters["$url"].Value = article.Url;
            command.Parameters["$language"].Value = article.Language;
            command.Parameters["$original"].Value = ArticleJson.Write(article.Original);
            command.Parameters["$published"].Value = Ms(article.PublishedUtc);
            command.Parameters["$localDate"].Value = article.PublishedUtc.UtcDateTime.ToString("yyyy-MM-dd");
            command.Parameters["$category"].Value = article.Category;
            command.Parameters["$translation"].Value = ArticleJson.Write(article.Translation);
            command.Parameters["$hash"].Value = article.Url;
            ids.Add((long)(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("INSERT returned no id")));
        }
        await transaction.CommitAsync(cancellationToken);
    }
}
