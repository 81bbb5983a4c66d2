using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// The store's queries outside transactions, on connections kept open with their statements prepared once. A pooled
/// connection that is closed drops the statements its commands prepared, so every query would parse and plan its SQL
/// again: on an uncached article page that was a fifth of SQLite's time, and opening and closing the pooled
/// connection for each of the page's reads cost more.
/// </summary>
internal sealed class PreparedReads(SqliteDatabase database)
{
    /// <summary>Idle connections kept: more than the reads that run at once (the site's render slots).</summary>
    private const int MostKept = 8;

    /// <summary>Statements kept per connection; past it (SQL built per call) the connection starts over with none.</summary>
    private const int MostStatements = 48;

    private readonly ConcurrentQueue<Session> _idle = new();

    public Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, CancellationToken cancellationToken,
        (string Name, object? Value)[] parameters) =>
        WithSessionAsync(session => session.Query(sql, map, parameters), cancellationToken);

    /// <summary>
    /// Runs <paramref name="reads"/> in one read transaction on a kept connection: what they read is one snapshot of the
    /// store while articles arrive, and their statements stay prepared for the next time (a search makes four or five).
    /// </summary>
    public Task<T> InSnapshotAsync<T>(Func<Session, T> reads, CancellationToken cancellationToken) =>
        WithSessionAsync(session =>
        {
            session.Execute("BEGIN DEFERRED");
            T result;
            try
            {
                result = reads(session);
            }
            catch
            {
                // The pool would hand the connection out again with its transaction open: it is ended here, or the
                // connection is not pooled again.
                try
                {
                    session.Execute("ROLLBACK");
                }
                catch (SqliteException)
                {
                    SqliteConnection.ClearPool(session.Connection);
                }
                throw;
            }
            session.Execute("COMMIT");
            return result;
        }, cancellationToken);

    /// <summary>Closes the idle kept connections (a read that runs now keeps its own until it ends).</summary>
    public void CloseIdle()
    {
        while (_idle.TryDequeue(out var session)) session.Dispose();
    }

    private async Task<T> WithSessionAsync<T>(Func<Session, T> reads, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_idle.TryDequeue(out var session))
        {
            session = new Session(await database.OpenAsync(cancellationToken));
            SqliteMeter.ReadConnectionsOpened.Add(1);
        }
        T result;
        try
        {
            result = reads(session);
        }
        catch
        {
            // A failed read may leave its statement or connection in any state: it is not kept.
            session.Dispose();
            throw;
        }
        if (_idle.Count < MostKept) _idle.Enqueue(session);
        else session.Dispose();
        return result;
    }

    /// <summary>One open connection and the commands prepared on it, used by one read at a time.</summary>
    internal sealed class Session(SqliteConnection connection) : IDisposable
    {
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        /// <summary>The open connection, for what is set up per connection (functions).</summary>
        public SqliteConnection Connection => connection;

        public void Execute(string sql)
        {
            var command = Prepared(sql);
            command.Parameters.Clear();
            command.ExecuteNonQuery();
        }

        /// <summary>The first column of the first row; null when there is none or it is NULL.</summary>
        public object? Scalar(string sql, params (string Name, object? Value)[] parameters)
        {
            var command = Bound(sql, parameters);
            var value = command.ExecuteScalar();
            return value is DBNull ? null : value;
        }

        public List<T> Query<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object? Value)[] parameters)
        {
            var command = Bound(sql, parameters);
            // Microsoft.Data.Sqlite runs its asynchronous reads synchronously: reading synchronously spares their tasks.
            using var reader = command.ExecuteReader();
            var rows = new List<T>();
            while (reader.Read()) rows.Add(map(reader));
            return rows;
        }

        private SqliteCommand Bound(string sql, (string Name, object? Value)[] parameters)
        {
            var command = Prepared(sql);
            var bound = command.Parameters;
            bound.Clear();
            foreach (var (name, value) in parameters) bound.AddWithValue(name, value ?? DBNull.Value);
            return command;
        }

        private SqliteCommand Prepared(string sql)
        {
            if (_commands.TryGetValue(sql, out var command)) return command;
            if (_commands.Count >= MostStatements) DisposeCommands();
            command = connection.CreateCommand();
            command.CommandText = sql;
            _commands.Add(sql, command);
            return command;
        }

        private void DisposeCommands()
        {
            foreach (var command in _commands.Values) command.Dispose();
            _commands.Clear();
        }

        public void Dispose()
        {
            DisposeCommands();
            connection.Dispose();
        }
    }
}
