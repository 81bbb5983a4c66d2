using System.Threading.Channels;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>An article's id and the text its search row takes: title and text in English and in the original.</summary>
internal readonly record struct SearchRow(long Id, (string Title, string Text) English, (string Title, string Text) Original)
{
    /// <summary>The prepared statement that adds a row to the index <c>article_search</c> (values set by <see cref="Bind"/>).</summary>
    public static SqliteCommand PrepareInsert(SqliteConnection connection, SqliteTransaction? transaction)
    {
        var insert = connection.CreateCommand();
        insert.Transaction = transaction;
        insert.CommandText = "INSERT INTO article_search (rowid, title_en, text_en, title_orig, text_orig) VALUES ($id, $titleEn, $textEn, $titleOrig, $textOrig)";
        foreach (var name in (string[])["$id", "$titleEn", "$textEn", "$titleOrig", "$textOrig"]) insert.Parameters.AddWithValue(name, "");
        insert.Prepare();
        return insert;
    }

    /// <summary>Sets this row's values on a statement of <see cref="PrepareInsert"/>.</summary>
    public void Bind(SqliteCommand insert)
    {
        insert.Parameters[0].Value = Id;
        insert.Parameters[1].Value = English.Title;
        insert.Parameters[2].Value = English.Text;
        insert.Parameters[3].Value = Original.Title;
        insert.Parameters[4].Value = Original.Text;
    }
}

/// <summary>
/// The search index of a bulk insert into an empty store, built in a file of its own beside the store
/// (<c>STORE.search-build</c>) by a thread of its own while the store's one writing thread stores the articles, then
/// copied into the store's index tables in one transaction. SQLite lets one connection write a file at a time: in the
/// store itself, tokenizing and indexing each article's text (most of a bulk insert's time) waited for the articles'
/// rows and the rows for them. The file's index is made by the same <c>CREATE VIRTUAL TABLE</c> statement as the store's
/// and ends in one segment (optimized), with FTS5's default settings: its tables are what the store's would hold had
/// the articles been indexed there. The file is written without a journal (a failed build is started again, never
/// read) and removed when the copy is done or the insert fails. A failed insert leaves the articles of the
/// transactions it committed without search rows: the store a bulk insert fills is a benchmark's, thrown away then.
/// </summary>
internal sealed class SearchIndexBuild : IAsyncDisposable
{
    /// <summary>FTS5's tables behind the index <c>article_search</c>, with their columns, in the order they are copied.</summary>
    private static readonly (string Table, string Columns)[] IndexTables =
    [
        ("article_search_data", "id, block"), ("article_search_idx", "segid, term, pgno"),
        ("article_search_docsize", "id, sz"), ("article_search_config", "k, v"),
    ];

    private readonly SqliteConnection _connection;
    private readonly string _defaultSettings;

    private SearchIndexBuild(string path, SqliteConnection connection, string defaultSettings)
    {
        Path = path;
        _connection = connection;
        _defaultSettings = defaultSettings;
    }

    /// <summary>The file the index is built in.</summary>
    public string Path { get; }

    /// <summary>
    /// A build for the store at <paramref name="storePath"/> when its articles and its search index are empty (a new
    /// store), its index set by <paramref name="bulkSettings"/> while the articles stream in and by
    /// <paramref name="defaultSettings"/> when they are in (statements on the table <c>article_search</c>); null
    /// otherwise, and the store indexes the articles itself.
    /// </summary>
    public static async Task<SearchIndexBuild?> StartAsync(SqliteConnection store, string storePath, string bulkSettings,
        string defaultSettings, CancellationToken cancellationToken)
    {
        var path = storePath + ".search-build";
        File.Delete(path); // left by a build that was killed
        await using (var empty = store.CreateCommand())
        {
            empty.CommandText = "SELECT NOT EXISTS (SELECT 1 FROM articles) AND NOT EXISTS (SELECT 1 FROM article_search_docsize)";
            if (Convert.ToInt64(await empty.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) == 0) return null;
        }
        string definition;
        await using (var table = store.CreateCommand())
        {
            table.CommandText = "SELECT sql FROM sqlite_master WHERE type = 'table' AND name = 'article_search'";
            definition = (string?)await table.ExecuteScalarAsync(cancellationToken) ?? throw new InvalidOperationException("The store has no search index.");
        }

        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = path, Mode = SqliteOpenMode.ReadWriteCreate, Pooling = false }.ToString());
        var build = new SearchIndexBuild(path, connection, defaultSettings);
        try
        {
            await connection.OpenAsync(cancellationToken);
            await build.ExecuteAsync("PRAGMA journal_mode = OFF; PRAGMA synchronous = OFF;", cancellationToken);
            await build.ExecuteAsync(definition, cancellationToken);
            await build.ExecuteAsync(bulkSettings, cancellationToken);
            return build;
        }
        catch
        {
            await build.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Indexes what <paramref name="rows"/> gives, <paramref name="transactionSize"/> rows a transaction (one segment
    /// each), until it completes; then merges the segments into one and sets the index's settings back to FTS5's
    /// defaults. Runs on the caller's thread.
    /// </summary>
    public void Index(ChannelReader<SearchRow> rows, int transactionSize, CancellationToken cancellationToken)
    {
        using var insert = SearchRow.PrepareInsert(_connection, null);
        var more = true;
        while (more)
        {
            using var transaction = _connection.BeginTransaction();
            insert.Transaction = transaction;
            for (var n = 0; n < transactionSize;)
            {
                if (!rows.TryRead(out var row))
                {
                    // False once every row has come; the writer's failure, if it failed, is thrown here.
                    if (rows.WaitToReadAsync(cancellationToken).AsTask().GetAwaiter().GetResult()) continue;
                    more = false;
                    break;
                }
                row.Bind(insert);
                insert.ExecuteNonQuery();
                n++;
            }
            transaction.Commit();
        }
        using var finish = _connection.CreateCommand();
        finish.CommandText = "INSERT INTO article_search (article_search) VALUES ('optimize');" + _defaultSettings;
        finish.ExecuteNonQuery();
    }

    /// <summary>
    /// Replaces the store's (empty) search index with the file's, in one transaction on a connection of its own that
    /// never read the index: the store's other connections see the store change and read the index's structure anew.
    /// The copy goes through a rollback journal when the store can be had alone for it (its pooled connections in this
    /// process are closed first): its pages lie past the store's end, so they are written once, where the write-ahead
    /// log writes them twice, to the log and again at the checkpoint (measured copying the index of 100 000 generated
    /// articles in the bench: 2.1 s against 4.6 to 5.7 s). With another connection open it goes through the log.
    /// A store left in the journal's mode by a killed copy is set back to the log when it is next opened.
    /// </summary>
    public async Task CopyIntoAsync(string storeConnectionString, CancellationToken cancellationToken)
    {
        await _connection.CloseAsync();
        using (var pooled = new SqliteConnection(storeConnectionString)) SqliteConnection.ClearPool(pooled);
        await using var store = new SqliteConnection(new SqliteConnectionStringBuilder(storeConnectionString) { Pooling = false }.ToString());
        await store.OpenAsync(cancellationToken);
        await using var command = store.CreateCommand();
        var journal = await TrySetJournalModeAsync(command, "delete", cancellationToken);
        command.CommandText = "ATTACH DATABASE $path AS build";
        command.Parameters.AddWithValue("$path", Path);
        await command.ExecuteNonQueryAsync(cancellationToken);
        command.Parameters.Clear();
        await using (var transaction = await store.BeginTransactionAsync(cancellationToken))
        {
            command.Transaction = (SqliteTransaction)transaction;
            foreach (var (table, columns) in IndexTables)
            {
                command.CommandText = $"DELETE FROM main.{table}; INSERT INTO main.{table} ({columns}) SELECT {columns} FROM build.{table};";
                await command.ExecuteNonQueryAsync(cancellationToken);
            }
            await transaction.CommitAsync(cancellationToken);
        }
        command.Transaction = null;
        command.CommandText = "DETACH DATABASE build";
        await command.ExecuteNonQueryAsync(cancellationToken);
        if (journal && !await TrySetJournalModeAsync(command, "wal", cancellationToken))
            throw new InvalidOperationException("The store could not be set back to its write-ahead log after the search index was copied in.");
    }

    /// <summary>Sets the store's journal mode; false when it cannot be changed now (another connection has the store open).</summary>
    private static async Task<bool> TrySetJournalModeAsync(SqliteCommand command, string mode, CancellationToken cancellationToken)
    {
        command.CommandText = $"PRAGMA journal_mode = {mode}";
        var timeout = command.CommandTimeout;
        command.CommandTimeout = 1; // a connection open elsewhere stays open: not worth waiting for
        try
        {
            return string.Equals((string?)await command.ExecuteScalarAsync(cancellationToken), mode, StringComparison.OrdinalIgnoreCase);
        }
        catch (SqliteException ex) when (ex.SqliteErrorCode == 5) // SQLITE_BUSY
        {
            return false;
        }
        finally
        {
            command.CommandTimeout = timeout;
        }
    }

    private async Task ExecuteAsync(string sql, CancellationToken cancellationToken)
    {
        await using var command = _connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        File.Delete(Path);
    }
}
