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
    /// <summary>
    /// Articles per transaction of a bulk insert. The search index writes its new terms out as a segment at each
    /// commit, or sooner if they fill its buffer (see <see cref="InsertChunkAsync"/>); the terms of 8 000 generated
    /// articles fit it (measured: one segment per transaction), so a million articles make 125 segments, merged once
    /// at the end.
    /// </summary>
    private const int BulkTransactionSize = 8_000;

    /// <summary>
    /// FTS5 settings during a bulk insert, and FTS5's own defaults that the index is left with. <c>hashsize</c>: the
    /// buffer of new index terms, in bytes, which becomes a new segment of the search index when it fills; 128 MiB
    /// holds most of a transaction's terms (<see cref="BulkTransactionSize"/>). <c>automerge</c> 0 and a
    /// <c>crisismerge</c> of 2000 (FTS5's most segments) leave the segments unmerged while the articles stream in, so
    /// each term is written once there and once more by the optimize that ends the insert, instead of once per level
    /// of merging as the index grows. Measured with the sqlite3 program, indexing the text of 100 000 generated
    /// articles and optimizing took 41.5 s this way; with a 32 MiB buffer merged 16 segments at a time, 57.1 s, its
    /// second 50 000 articles 38 % longer than its first; with 64 or 256 MiB and no merges, 46.8 and 45.0 s.
    /// </summary>
    private static readonly (string Name, int Bulk, int Default)[] BulkSearchSettings =
        [("hashsize", 128 << 20, 1 << 20), ("automerge", 0, 4), ("crisismerge", 2000, 16)];

    /// <summary>
    /// Inserts many translated articles (benchmark stores), streamed in transactions of 8 000 with prepared
    /// statements. The articles' JSON and the text the search index takes from them are written on a thread of its own
    /// while SQLite stores the articles before them: within each transaction the trigger that indexes a new article is
    /// dropped (and created again before the commit, so no committed state lacks it), and each article's search row is
    /// inserted with its text as given (<see cref="SearchText"/>), without SQLite reading it back out of the JSON. Into
    /// a new store (no articles yet) the search index is built on a third thread in a file of its own and copied in at
    /// the end (<see cref="SearchIndexBuild"/>), the articles taking the ids 1, 2, ...; otherwise the store indexes each
    /// transaction's articles after them, then compacts its index (<see cref="OptimizeSearchIndexAsync"/>). Either
    /// way the index buffers its new terms in larger pieces and merges them only at the end
    /// (<see cref="BulkSearchSettings"/>; its defaults are set back afterwards). No raw pages are kept; local dates
    /// are UTC dates.
    /// </summary>
    /// <returns>The new ids, in input order.</returns>
    public async Task<IReadOnlyList<long>> BulkInsertAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken)
    {
        var ids = new List<long>();
        SearchIndexBuild? build;
        await using (var connection = await OpenAsync(cancellationToken))
            build = await SearchIndexBuild.StartAsync(connection, _database.Path, SearchSettings(bulk: true), SearchSettings(bulk: false), cancellationToken);
        await using var removed = build; // its file goes when the insert ends, whichever way
        // A whole transaction's rows ahead: the next transaction's are written while SQLite stores this one's.
        var rows = Channel.CreateBounded<BulkRow>(new BoundedChannelOptions(BulkTransactionSize) { SingleReader = true, SingleWriter = true });
        var searchRows = build is null ? null
            : Channel.CreateBounded<SearchRow>(new BoundedChannelOptions(BulkTransactionSize) { SingleReader = true, SingleWriter = true });
        var writing = Task.Factory.StartNew(() =>
        {
            try
            {
                var id = 1L;
                foreach (var article in articles)
                {
                    var search = new SearchRow(id, SearchText(article.Translation.Title, article.Translation.Teaser, article.Translation.Paragraphs),
                        SearchText(article.Original.Title, article.Original.Teaser, article.Original.Paragraphs));
                    var row = new BulkRow(build is null ? null : id, article.SourceId, article.Url, article.Language, Ms(article.PublishedUtc),
                        article.PublishedUtc.UtcDateTime.ToString("yyyy-MM-dd"), article.Category,
                        ArticleJson.Write(article.Original), ArticleJson.Write(article.Translation), build is null ? search : null);
                    if (!Write(rows.Writer, row, cancellationToken)) return; // a reader failed
                    if (searchRows is not null && !Write(searchRows.Writer, search, cancellationToken)) return;
                    id++;
                }
                rows.Writer.TryComplete();
                searchRows?.Writer.TryComplete();
            }
            catch (Exception ex)
            {
                rows.Writer.TryComplete(ex);
                searchRows?.Writer.TryComplete(ex);
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var indexing = build is null ? Task.CompletedTask : Task.Factory.StartNew(() =>
        {
            try
            {
                build.Index(searchRows!.Reader, BulkTransactionSize, cancellationToken);
            }
            catch (Exception ex)
            {
                // The articles stop too: their thread reads this failure at its next transaction.
                searchRows!.Writer.TryComplete(ex);
                rows.Writer.TryComplete(ex);
                throw;
            }
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        try
        {
            if (build is null) await SetSearchSettingsAsync(bulk: true, cancellationToken);
            try
            {
                while (await InsertChunkAsync(rows.Reader, ids, indexHere: build is null, cancellationToken)) { }
            }
            finally
            {
                if (build is null) await SetSearchSettingsAsync(bulk: false, CancellationToken.None); // even when cancelled: the defaults are what the index keeps
            }
            await writing;
            await indexing;
        }
        catch (Exception ex)
        {
            rows.Writer.TryComplete(ex); // the threads writing JSON and indexing stop at their next article
            searchRows?.Writer.TryComplete(ex);
            await writing;
            await indexing.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
            throw;
        }
        if (build is null)
        {
            await OptimizeSearchIndexAsync(cancellationToken);
            return ids;
        }
        _reads.CloseIdle(); // the copy goes faster with the store to itself (see CopyIntoAsync)
        await build.CopyIntoAsync(_database.ConnectionString, cancellationToken);
        await using var statistics = await OpenAsync(cancellationToken);
        await ExecuteAsync(statistics, "PRAGMA optimize;", cancellationToken);
        return ids;
    }

    /// <summary>Writes <paramref name="item"/>, waiting for room; false once the reader has failed.</summary>
    private static bool Write<T>(ChannelWriter<T> writer, T item, CancellationToken cancellationToken)
    {
        while (!writer.TryWrite(item))
            if (!writer.WaitToWriteAsync(cancellationToken).AsTask().GetAwaiter().GetResult()) return false;
        return true;
    }

    /// <summary>
    /// An article's row (with its id when the search index is built apart, or null for SQLite to give it one), its
    /// original and translation written as the store keeps them, and its search row for the store to index (its id
    /// taken from the insert; null when the index is built apart).
    /// </summary>
    private sealed record BulkRow(long? Id, long SourceId, string Url, string Language, long PublishedMs, string LocalDate, string Category,
        string Original, string Translation, SearchRow? Search);

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
        await ExecuteAsync(connection, SearchSettings(bulk), cancellationToken);
    }

    /// <summary>The statements that set <see cref="BulkSearchSettings"/> on the index, or set them back to FTS5's defaults.</summary>
    private static string SearchSettings(bool bulk) => string.Concat(BulkSearchSettings.Select(s =>
        $"INSERT INTO article_search (article_search, rank) VALUES ('{s.Name}', {(bulk ? s.Bulk : s.Default)});"
        + (bulk ? "" : $"DELETE FROM article_search_config WHERE k = '{s.Name}';")));

    /// <summary>
    /// Inserts up to <see cref="BulkTransactionSize"/> rows in one transaction: the articles first, then their search
    /// rows, and false once there are no more. In that order the search index's new terms build up in memory until the
    /// commit (or until they fill its buffer) and make one segment. Interleaved, every article's insert (a statement that can fail midway, so one that
    /// opens a savepoint) made FTS5 write out what it held: a segment per article, merged again and again. The lists
    /// the articles join (the newest, their days, categories and sources) are recorded as changed once, before the
    /// commit (<see cref="PageTouches"/>), rather than four times per article.
    /// </summary>
    /// <param name="indexHere">Whether the store indexes the articles itself; if not, only the trigger is dropped and made again.</param>
    private async Task<bool> InsertChunkAsync(ChannelReader<BulkRow> rows, List<long> ids, bool indexHere, CancellationToken cancellationToken)
    {
        var chunk = new List<BulkRow>(BulkTransactionSize);
        while (chunk.Count < BulkTransactionSize && await rows.WaitToReadAsync(cancellationToken))
            while (chunk.Count < BulkTransactionSize && rows.TryRead(out var row)) chunk.Add(row);
        if (chunk.Count == 0) return false;
        await using var connection = await OpenAsync(cancellationToken);
        await using var transaction = (SqliteTransaction)await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "DROP TRIGGER article_search_insert", cancellationToken);
        var stored = await PageTouches.SuspendAsync(connection, "page_versions_article_insert", cancellationToken);
        await using (var command = Command(connection,
            """
            INSERT INTO articles (id, source_id, url, language, original, published_ms, published_estimated, local_date, category,
                state, translation, first_seen_ms, updated_ms, content_hash)
            VALUES ($id, $source, $url, $language, $original, $published, 0, $localDate, $category, $state, $translation, $published, $published, $hash)
            RETURNING id
            """,
            ("$id", null), ("$source", 0L), ("$url", ""), ("$language", ""), ("$original", ""), ("$published", 0L), ("$localDate", ""),
            ("$category", ""), ("$state", (int)ArticleState.Translated), ("$translation", ""), ("$hash", "")))
        {
            command.Prepare();
            foreach (var row in chunk)
            {
                command.Parameters["$id"].Value = row.Id is { } id ? id : DBNull.Value;
                command.Parameters["$source"].Value = row.SourceId;
                command.Parameters["$url"].Value = row.Url;
                command.Parameters["$language"].Value = row.Language;
                command.Parameters["$original"].Value = row.Original;
                command.Parameters["$published"].Value = row.PublishedMs;
                command.Parameters["$localDate"].Value = row.LocalDate;
                command.Parameters["$category"].Value = row.Category;
                command.Parameters["$translation"].Value = row.Translation;
                command.Parameters["$hash"].Value = row.Url;
                ids.Add((long)(await command.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("INSERT returned no id")));
                stored.Touch($"day:{row.LocalDate}");
                stored.Touch($"category:{row.Category}");
                stored.Touch($"source:{row.SourceId}");
            }
            stored.Touch("latest");
        }
        if (indexHere)
        {
            await using var search = SearchRow.PrepareInsert(connection, transaction);
            var first = ids.Count - chunk.Count;
            for (var i = 0; i < chunk.Count; i++)
            {
                (chunk[i].Search!.Value with { Id = ids[first + i] }).Bind(search);
                await search.ExecuteNonQueryAsync(cancellationToken);
            }
        }
        await ExecuteAsync(connection, M0600CompactArticles.SearchInsertTrigger, cancellationToken);
        await stored.ResumeAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return true;
    }
}
