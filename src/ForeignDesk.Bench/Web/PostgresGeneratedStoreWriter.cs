using System.Threading.Channels;
using ForeignDesk.Core;
using ForeignDesk.Store;
using ForeignDesk.Store.Sqlite;
using Npgsql;
using NpgsqlTypes;

namespace ForeignDesk.Bench.Web;

/// <summary>
/// Writes a generated store into a new, migrated PostgreSQL database as a bulk load: the secondary indexes of the
/// tables it fills are dropped and the user triggers (page-change tags) disabled first; the rows go in with binary
/// <c>COPY</c> (the articles on several connections at once, since PostgreSQL computes each article's search vector as it
/// takes the row), ids given by the writer as the store would give them (1, 2, … on an empty store); then
/// <see cref="CompleteAsync"/> builds the indexes again, enables the triggers and analyzes the tables. The rows are
/// those the SQLite store's bulk methods write, in PostgreSQL's types (instants to the millisecond, as SQLite keeps
/// them). For a new store only: a list or placement already there is not replaced.
/// </summary>
internal sealed class PostgresGeneratedStoreWriter(string connectionString) : IGeneratedStoreWriter, IAsyncDisposable
{
    private const int ArticleBatch = 2_000;
    private static readonly string[] Tables = ["articles", "stories", "story_articles", "related_articles", "views"];
    /// <summary>No command timeout: loading and checking a million articles' rows takes as long as it takes.</summary>
    private readonly NpgsqlDataSource _source = NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { CommandTimeout = 0 });
    private readonly int _streams = Math.Clamp(Environment.ProcessorCount, 1, 8);
    private List<string>? _indexes;

    public async Task<IReadOnlyList<long>> InsertArticlesAsync(IEnumerable<BulkArticle> articles, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var next = await ScalarAsync("SELECT COALESCE(MAX(id), 0) + 1 FROM articles", cancellationToken);
        var ids = new List<long>();
        var batches = Channel.CreateBounded<(long First, BulkArticle[] Articles)>(_streams);
        var copies = Enumerable.Range(0, _streams).Select(_ => Task.Run(async () =>
        {
            try
            {
                await foreach (var (first, batch) in batches.Reader.ReadAllAsync(cancellationToken)) await CopyArticlesAsync(first, batch, cancellationToken);
            }
            catch (Exception ex)
            {
                batches.Writer.TryComplete(ex); // the producer stops at its next batch instead of waiting for a stream that is gone
                throw;
            }
        }, cancellationToken)).ToArray();
        try
        {
            foreach (var batch in articles.Chunk(ArticleBatch))
            {
                for (var i = 0; i < batch.Length; i++) ids.Add(next + i);
                await batches.Writer.WriteAsync((next, batch), cancellationToken);
                next += batch.Length;
            }
        }
        catch (ChannelClosedException)
        {
            // a stream failed: its exception comes from WhenAll below
        }
        finally
        {
            batches.Writer.TryComplete();
        }
        await Task.WhenAll(copies);
        await ExecuteAsync("SELECT setval(pg_get_serial_sequence('articles', 'id'), (SELECT MAX(id) FROM articles))", cancellationToken);
        return ids;
    }

    private async Task CopyArticlesAsync(long first, IReadOnlyList<BulkArticle> articles, CancellationToken cancellationToken)
    {
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync(
            """
            COPY articles (id, source_id, url, language, original, published, published_estimated, local_date, category, state,
                translation, first_seen, updated, content_hash) FROM STDIN (FORMAT BINARY)
            """, cancellationToken);
        for (var i = 0; i < articles.Count; i++)
        {
            var article = articles[i];
            var published = Milliseconds(article.PublishedUtc);
            await copy.StartRowAsync(cancellationToken);
            await copy.WriteAsync(first + i, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(article.SourceId, NpgsqlDbType.Bigint, cancellationToken);
            await copy.WriteAsync(article.Url, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(article.Language, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync(ArticleJson.Write(article.Original), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(false, NpgsqlDbType.Boolean, cancellationToken);
            await copy.WriteAsync(DateOnly.FromDateTime(published), NpgsqlDbType.Date, cancellationToken);
            await copy.WriteAsync(article.Category, NpgsqlDbType.Text, cancellationToken);
            await copy.WriteAsync((short)ArticleState.Translated, NpgsqlDbType.Smallint, cancellationToken);
            await copy.WriteAsync(ArticleJson.Write(article.Translation), NpgsqlDbType.Jsonb, cancellationToken);
            await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(published, NpgsqlDbType.TimestampTz, cancellationToken);
            await copy.WriteAsync(article.Url, NpgsqlDbType.Text, cancellationToken);
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Each story's row and its articles' placements (no clustering features), on two connections at once.</summary>
    public async Task PlaceStoriesAsync(IEnumerable<BulkStory> stories, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        var sequence = await ScalarAsync("SELECT COALESCE(MAX(seq), 0) FROM story_articles", cancellationToken);
        await using (var storyConnection = await _source.OpenConnectionAsync(cancellationToken))
        await using (var memberConnection = await _source.OpenConnectionAsync(cancellationToken))
        {
            await using var storyCopy = await storyConnection.BeginBinaryImportAsync(
                "COPY stories (id, headline, first_seen, last_seen, article_count) FROM STDIN (FORMAT BINARY)", cancellationToken);
            await using var memberCopy = await memberConnection.BeginBinaryImportAsync(
                "COPY story_articles (article_id, story_id, published, features, seq) FROM STDIN (FORMAT BINARY)", cancellationToken);
            foreach (var story in stories)
            {
                if (story.ArticleIds.Count == 0 || story.ArticleIds.Count != story.PublishedUtc.Count)
                    throw new ArgumentException("A story needs its articles, each with its publication instant.", nameof(stories));
                var id = story.ArticleIds[0];
                for (var i = 0; i < story.ArticleIds.Count; i++)
                {
                    await memberCopy.StartRowAsync(cancellationToken);
                    await memberCopy.WriteAsync(story.ArticleIds[i], NpgsqlDbType.Bigint, cancellationToken);
                    await memberCopy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                    await memberCopy.WriteAsync(Milliseconds(story.PublishedUtc[i]), NpgsqlDbType.TimestampTz, cancellationToken);
                    await memberCopy.WriteAsync("", NpgsqlDbType.Text, cancellationToken);
                    await memberCopy.WriteAsync(++sequence, NpgsqlDbType.Bigint, cancellationToken);
                }
                await storyCopy.StartRowAsync(cancellationToken);
                await storyCopy.WriteAsync(id, NpgsqlDbType.Bigint, cancellationToken);
                await storyCopy.WriteAsync(story.Headline, NpgsqlDbType.Text, cancellationToken);
                await storyCopy.WriteAsync(Milliseconds(story.PublishedUtc.Min()), NpgsqlDbType.TimestampTz, cancellationToken);
                await storyCopy.WriteAsync(Milliseconds(story.PublishedUtc.Max()), NpgsqlDbType.TimestampTz, cancellationToken);
                await storyCopy.WriteAsync(story.ArticleIds.Count, NpgsqlDbType.Integer, cancellationToken);
            }
            await memberCopy.CompleteAsync(cancellationToken);
            await storyCopy.CompleteAsync(cancellationToken);
        }
        if (sequence > 0) await ExecuteAsync($"SELECT setval('story_placement_seq', {sequence})", cancellationToken);
    }

    public async Task SaveRelatedAsync(IEnumerable<BulkRelated> lists, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync("COPY related_articles (article_id, rank, related_id) FROM STDIN (FORMAT BINARY)", cancellationToken);
        foreach (var list in lists)
        {
            for (var rank = 0; rank < list.RelatedIds.Count; rank++)
            {
                await copy.StartRowAsync(cancellationToken);
                await copy.WriteAsync(list.ArticleId, NpgsqlDbType.Bigint, cancellationToken);
                await copy.WriteAsync(rank, NpgsqlDbType.Integer, cancellationToken);
                await copy.WriteAsync(list.RelatedIds[rank], NpgsqlDbType.Bigint, cancellationToken);
            }
        }
        await copy.CompleteAsync(cancellationToken);
    }

    /// <summary>Views by article and hour; counts for the same article and hour in a row add up, as the store counts them.</summary>
    public async Task RecordViewsAsync(IEnumerable<BulkViews> views, CancellationToken cancellationToken)
    {
        await PrepareAsync(cancellationToken);
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var copy = await connection.BeginBinaryImportAsync("COPY views (article_id, hour, count) FROM STDIN (FORMAT BINARY)", cancellationToken);
        (long Article, long Hour, long Count)? pending = null;
        foreach (var view in views)
        {
            var hour = view.AtUtc.ToUnixTimeSeconds() / 3600;
            if (pending is { } same && same.Article == view.ArticleId && same.Hour == hour)
            {
                pending = same with { Count = same.Count + view.Count };
                continue;
            }
            if (pending is { } row) await WriteViewAsync(copy, row, cancellationToken);
            pending = (view.ArticleId, hour, view.Count);
        }
        if (pending is { } last) await WriteViewAsync(copy, last, cancellationToken);
        await copy.CompleteAsync(cancellationToken);
    }

    private static async Task WriteViewAsync(NpgsqlBinaryImporter copy, (long Article, long Hour, long Count) row, CancellationToken cancellationToken)
    {
        await copy.StartRowAsync(cancellationToken);
        await copy.WriteAsync(row.Article, NpgsqlDbType.Bigint, cancellationToken);
        await copy.WriteAsync(DateTime.UnixEpoch.AddHours(row.Hour), NpgsqlDbType.TimestampTz, cancellationToken);
        await copy.WriteAsync(row.Count, NpgsqlDbType.Bigint, cancellationToken);
    }

    /// <summary>Builds the dropped indexes again (several at once), enables the triggers and analyzes the tables.</summary>
    public async Task CompleteAsync(CancellationToken cancellationToken)
    {
        if (_indexes is null) return;
        var pending = new Queue<string>(_indexes);
        await Task.WhenAll(Enumerable.Range(0, _streams).Select(_ => Task.Run(async () =>
        {
            while (true)
            {
                string definition;
                lock (pending)
                {
                    if (!pending.TryDequeue(out definition!)) return;
                }
                await ExecuteAsync(definition, cancellationToken);
            }
        }, cancellationToken)));
        foreach (var table in Tables) await ExecuteAsync($"ALTER TABLE {table} ENABLE TRIGGER USER", cancellationToken);
        await ExecuteAsync("VACUUM (ANALYZE) " + string.Join(", ", Tables), cancellationToken);
        _indexes = null;
    }

    /// <summary>Once: drops the secondary indexes of the tables (their definitions kept) and disables their user triggers.</summary>
    private async Task PrepareAsync(CancellationToken cancellationToken)
    {
        if (_indexes is not null) return;
        await using var connection = await _source.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var indexes = new List<(string Name, string Definition)>();
        await using (var command = new NpgsqlCommand(
            """
            SELECT i.indexname, i.indexdef FROM pg_indexes i
            WHERE i.schemaname = current_schema() AND i.tablename = ANY(@tables)
              AND NOT EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conname = i.indexname AND c.connamespace = current_schema()::regnamespace)
            """, connection, transaction))
        {
            command.Parameters.AddWithValue("tables", Tables);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken)) indexes.Add((reader.GetString(0), reader.GetString(1)));
        }
        foreach (var (name, _) in indexes)
        {
            await using var drop = new NpgsqlCommand($"DROP INDEX \"{name}\"", connection, transaction);
            await drop.ExecuteNonQueryAsync(cancellationToken);
        }
        foreach (var table in Tables)
        {
            await using var disable = new NpgsqlCommand($"ALTER TABLE {table} DISABLE TRIGGER USER", connection, transaction);
            await disable.ExecuteNonQueryAsync(cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        _indexes = [.. indexes.Select(i => i.Definition)];
    }

    /// <summary>The instant to the millisecond, as UTC (the SQLite store keeps Unix milliseconds).</summary>
    private static DateTime Milliseconds(DateTimeOffset instant) => DateTime.UnixEpoch.AddMilliseconds(instant.ToUnixTimeMilliseconds());

    private async Task<long> ScalarAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(sql);
        return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(sql);
        command.CommandTimeout = 0; // building an index over a million articles takes as long as it takes
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
