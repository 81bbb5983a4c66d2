using System.Text;
using System.Threading.Channels;
using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>An already translated article for <see cref="SqliteArticleStore.BulkInsertAsync"/>.</summary>
public sealed record BulkArticle(long SourceId, string Url, string Language, ExtractedArticle Original, TranslatedArticle Translation,
    DateTimeOffset PublishedUtc, string Category);

public sealed partial class SqliteArticleStore
{
    private const int BulkTransactionSize = 20_000;

    /// <summary>
    /// FTS5 settings during a bulk insert, and FTS5's own defaults that the index is left with. <c>hashsize</c>: the
    /// buffer of new index terms, in bytes. Each time it fills it becomes a new segment of the search index, and
    /// segments are merged level by level as they accumulate: the default of 1 MiB (a few dozen articles) makes a
    /// million articles into tens of thousands of segments, each term rewritten at every level; with 32 MiB (a few
    /// thousand articles) there are far fewer. <c>automerge</c>: how many segments of a level are merged into one;
    /// 16 instead of 4 rewrites each term at half as many levels, and the optimize that ends the insert merges what
    /// is left. Measured with the sqlite3 program on generated articles, the larger buffer takes about a quarter less
    /// CPU to index 20 000 of them, and the larger merges a sixth less again to index 50 000 and optimize.
    /// </summary>
    private static readonly (string Name, int Bulk, int Default)[] BulkSearchSettings = [("hashsize", 32 << 20, 1 << 20), ("automerge", 16, 4)];

    /// <summary>
    /// Inserts many translated articles (benchmark stores), streamed in transactions of 20 000 with prepared
    /// statements, then compacts the search index (<see cref="OptimizeSearchIndexAsync"/>). The articles' JSON and the
    /// text the search index takes from them are written on a thread of its own while SQLite indexes the articles
    /// before them: within each transaction the trigger that indexes a new article is dropped (and created again
    /// before the commit, so no committed state lacks it), and each article's search row is inserted with its text
    /// as given (<see cref="SearchText"/>), without SQLite reading it back out of the JSON. The search index buffers
    /// its new terms in larger pieces and merges them in fewer steps meanwhile (<see cref="BulkSearchSettings"/>; its
    /// defaults are set back afterwards). No raw pages are kept; local dates are UTC dates.
    /// </summary>
    /// <returns>The new ids, in input order.</returns>
    public async Task<IReadOnlyList<long>> BulkInsertAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        var rows = Channel.CreateBounded<BulkRow>(new BoundedChannelOptions(1_000) { SingleReader = true, SingleWriter = true });
        var writing = Task.Factory.StartNew(() =>
        {
            try
            {
                foreach (var article in articles)
                {
                    var row = new BulkRow(article, ArticleJson.Write(article.Original), ArticleJson.Write(article.Translation),
                        SearchText(article.Translation.Title, article.Translation.Teaser, article.Translation.Paragraphs),
                        SearchText(article.Original.Title, article.Original.Teaser, article.Original.Paragraphs));
                    while (!rows.Writer.TryWrite(row))
                        if (!rows.Writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult()) return; // the reader failed
                }
                rows.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                rows.Writer.TryComplete(ex);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            await SetSearchSettingsAsync(bulk: true, cancellationToken);
            try
            {
                while (await InsertChunkAsync(rows.Reader, ids, cancellationToken)) { }
            }
            finally
            {
                await SetSearchSettingsAsync(bulk: false, CancellationToken.None); // even when cancelled: the defaults are what the index keeps
            }
        }
        catch (Exception ex)
        {
            rows.Writer.TryComplete(ex); // the thread writing JSON stops at its next article
            await writing;
            throw;
        }
        await writing;
        await OptimizeSearchIndexAsync(cancellationToken);
        return ids;
    }

    /// <summary>An article with its original and translation written as the store keeps them, and the text the search index takes from each.</summary>
    private sealed record BulkRow(BulkArticle Article, string Original, string Translation, (string Title, string Text) English,
        (string Title, string Text) OriginalText);

    /// <summary>
    /// What the view <c>article_search_text</c> computes from a stored original or translation (<see cref="M0300Search.Fields"/>):
    /// the title, and the teaser and paragraphs one a line, without the characters that mark matches in snippets. The
    /// index forgets an article by the view's values, so these must be the same (a test compares them).
    /// </summary>
    private static (string Title, string Text) SearchText(string title, string? teaser, IReadOnlyList<Paragraph> paragraphs)
    {
        var text = new StringBuilder();
        if (teaser is not null) text.Append(teaser).Append('\n');
        for (var i = 0; i < paragraphs.Count; i++)
        {
            if (i > 0) text.Append('\n');
            text.Append(paragraphs[i].Text);
        }
        return (WithoutMatchMarks(title), WithoutMatchMarks(text.ToString()));
    }

    private static string WithoutMatchMarks(string text) =>
        text.AsSpan().IndexOfAny(SearchHits.MatchOpen, SearchHits.MatchClose) < 0 ? text
            : text.Replace(SearchHits.MatchOpen.ToString(), "").Replace(SearchHits.MatchClose.ToString(), "");

    /// <summary>
    /// Sets <see cref="BulkSearchSettings"/> for a bulk insert, or back to FTS5's defaults, which leave no rows in the
    /// index's configuration, as in a store filled article by article.
    /// </summary>
    private async Task SetSearchSettingsAsync(bool bulk, CancellationToken cancellationToken)
    {
        await using var connection = await OpenAsync(cancellationToken);
        foreach (var (name, bulkValue, defaultValue) in BulkSearchSettings)
        {
            await ExecuteAsync(connection, "INSERT INTO article_search (article_search, rank) VALUES ($name, $value)", cancellationToken,
                ("$name", name), ("$value", bulk ? bulkValue : defaultValue));
            if (!bulk) await ExecuteAsync(connection, "DELETE FROM article_search_config WHERE k = $name", cancellationToken, ("$name", name));
        }
    }

    /// <summary>Inserts up to <see cref="BulkTransactionSize"/> rows in one transaction; false once there are no more.</summary>
    private async Task<bool> InsertChunkAsync(ChannelReader<BulkRow> rows, List<long> ids, CancellationToken cancellationToken)
    {
        if (!await rows.WaitToReadAsync(cancellationToken)) return false;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "DROP TRIGGER article_search_insert", cancellationToken);
        await using var search = Command(connection,
            "INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig) VALUES ($id, $titleEn, $textEn, $titleOrig, $textOrig)",
            ("$id", 0L), ("$titleEn", ""), ("$textEn", ""), ("$titleOrig", ""), ("$textOrig", ""));
        search.Prepare();
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
        for (var inserted = 0; inserted < BulkTransactionSize && await rows.WaitToReadAsync(cancellationToken);)
        {
            while (inserted < BulkTransactionSize && rows.TryRead(out var row))
            {
                var article = row.Article;
                command.Parameters["$source"].Value = article.SourceId;
                command.Parameters["$url"].Value = article.Url;
                command.Parameters["$language"].Value = article.Language;
                command.Parameters["$original"].Value = row.Original;
                command.Parameters["$published"].Value = Ms(article.PublishedUtc);
                command.Parameters["$localDate"].Value = article.PublishedUtc.UtcDateTime.ToString("yyyy-MM-dd");
                command.Parameters["$category"].Value = article.Category;
                command.Parameters["$translation"].Value = row.Translation;
                command.Parameters["$hash"].Value = article.Url;
                var id = (long)(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("INSERT returned no id"));
                search.Parameters["$id"].Value = id;
                search.Parameters["$titleEn"].Value = row.English.Title;
                search.Parameters["$textEn"].Value = row.English.Text;
                search.Parameters["$titleOrig"].Value = row.OriginalText.Title;
                search.Parameters["$textOrig"].Value = row.OriginalText.Text;
                await search.ExecuteNonQueryAsync(cancellationToken);
                ids.Add(id);
                inserted++;
            }
        }
        await ExecuteAsync(connection, M0600CompactArticles.SearchInsertTrigger, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
