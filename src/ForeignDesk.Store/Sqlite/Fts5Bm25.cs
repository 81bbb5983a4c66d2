using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// <c>foreigndesk_bm25(table, column weights..., phrase IDFs...)</c>: the score FTS5's own <c>bm25()</c> gives (same
/// k1, b, column weights and document lengths), except that each phrase's inverse document frequency is an argument.
/// FTS5's <c>bm25()</c> counts the rows of every phrase over the whole index on every query, which for a common word
/// or phrase reads its whole position list and costs far more than finding and scoring the matches themselves.
/// Registered on each connection through the FTS5 C API, as SQLite documents for custom auxiliary functions, with
/// <see cref="MatchTokensName"/> beside it.
/// </summary>
internal static unsafe partial class Fts5Bm25
{
    public const string Name = "foreigndesk_bm25";

    /// <summary>
    /// <c>foreigndesk_match_tokens(table, column)</c>: where the row's matches lie in one column, as
    /// <c>phrase:token:tokens</c> triples joined by commas (token positions counted from 0, as the tokenizer counts
    /// them), or an empty text when none does. Reads the index only: no text, no tokenizing (see <see cref="Fts5Snippet"/>).
    /// </summary>
    public const string MatchTokensName = "foreigndesk_match_tokens";
    private const string Library = "e_sqlite3";
    private const int SqliteOk = 0;
    private const int SqliteError = 1;
    private const int SqliteRow = 100;
    private const double K1 = 1.2;
    private const double B = 0.75;

    /// <summary>FTS5's floor for the IDF of a phrase in half the rows or more.</summary>
    public const double MinimumIdf = 1e-6;

    private static readonly ConditionalWeakTable<object, object> Registered = new();

    /// <summary>Registers the function on this connection's native handle, once per handle (pooled ones keep it).</summary>
    public static void EnsureRegistered(SqliteConnection connection)
    {
        var handle = connection.Handle ?? throw new InvalidOperationException("The connection is not open.");
        lock (Registered)
        {
            if (Registered.TryGetValue(handle, out _)) return;
            Register(handle.DangerousGetHandle());
            Registered.Add(handle, Name);
        }
    }

    /// <summary>
    /// Inverse document frequency as FTS5's bm25() computes it: a phrase in <paramref name="hits"/> of
    /// <paramref name="rows"/> rows. Always finite and positive: counts that disagree (more hits than rows, negative
    /// counts) are clamped instead of giving NaN, which SQLite cannot bind.
    /// </summary>
    public static double Idf(long rows, long hits)
    {
        rows = Math.Max(rows, 0);
        hits = Math.Clamp(hits, 0, rows);
        var idf = Math.Log((rows - hits + 0.5) / (hits + 0.5));
        return double.IsFinite(idf) && idf > 0.0 ? idf : MinimumIdf;
    }

    private static void Register(IntPtr db)
    {
        IntPtr statement;
        fixed (byte* sql = "SELECT fts5(?1)\0"u8)
            Check(sqlite3_prepare_v2(db, sql, -1, &statement, null), "prepare");
        try
        {
            Fts5Api* api = null;
            fixed (byte* type = "fts5_api_ptr\0"u8)
            {
                Check(sqlite3_bind_pointer(statement, 1, &api, type, IntPtr.Zero), "bind");
                var step = sqlite3_step(statement);
                if (step != SqliteRow || api is null) throw new InvalidOperationException($"FTS5 is not available (step {step}).");
            }
            fixed (byte* name = "foreigndesk_bm25\0"u8)
                Check(api->xCreateFunction(api, name, null, &Rank, null), "create function");
            fixed (byte* name = "foreigndesk_match_tokens\0"u8)
                Check(api->xCreateFunction(api, name, null, &MatchTokens, null), "create function");
        }
        finally
        {
            sqlite3_finalize(statement);
        }
    }

    private static void Check(int rc, string step)
    {
        if (rc != SqliteOk) throw new InvalidOperationException($"Registering {Name} failed at {step}: SQLite error {rc}.");
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void Rank(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        var columns = api->xColumnCount(fts);
        var phrases = api->xPhraseCount(fts);
        if (columns > 64 || phrases > 256)
        {
            sqlite3_result_error_code(context, SqliteError);
            return;
        }
        Span<double> weights = stackalloc double[columns];
        for (var c = 0; c < columns; c++) weights[c] = c < count ? sqlite3_value_double(values[c]) : 1.0;
        Span<double> frequencies = stackalloc double[phrases];
        frequencies.Clear();

        int instances = 0, length = 0;
        long rows = 0, tokens = 0;
        var rc = api->xInstCount(fts, &instances);
        for (var i = 0; rc == SqliteOk && i < instances; i++)
        {
            int phrase, column, offset;
            rc = api->xInst(fts, i, &phrase, &column, &offset);
            if (rc == SqliteOk && phrase < phrases && column < columns) frequencies[phrase] += weights[column];
        }
        if (rc == SqliteOk) rc = api->xRowCount(fts, &rows);
        if (rc == SqliteOk) rc = api->xColumnTotalSize(fts, -1, &tokens);
        if (rc == SqliteOk) rc = api->xColumnSize(fts, -1, &length);
        if (rc != SqliteOk)
        {
            sqlite3_result_error_code(context, rc);
            return;
        }

        var average = rows > 0 && tokens > 0 ? (double)tokens / rows : 1.0;
        var score = 0.0;
        for (var p = 0; p < phrases; p++)
        {
            var idf = columns + p < count ? sqlite3_value_double(values[columns + p]) : 1.0;
            score += idf * (frequencies[p] * (K1 + 1.0) / (frequencies[p] + K1 * (1 - B + B * length / average)));
        }
        sqlite3_result_double(context, -score);
    }

    [UnmanagedCallersOnly(CallConvs = [typeof(CallConvCdecl)])]
    private static void MatchTokens(Fts5ExtensionApi* api, IntPtr fts, IntPtr context, int count, IntPtr* values)
    {
        var wanted = count > 0 ? sqlite3_value_int(values[0]) : 0;
        int instances = 0;
        var rc = api->xInstCount(fts, &instances);
        var text = new System.Text.StringBuilder();
        for (var i = 0; rc == SqliteOk && i < instances; i++)
        {
            int phrase, column, offset;
            rc = api->xInst(fts, i, &phrase, &column, &offset);
            if (rc != SqliteOk || column != wanted) continue;
            if (text.Length > 0) text.Append(',');
            text.Append(phrase).Append(':').Append(offset).Append(':').Append(Math.Max(1, api->xPhraseSize(fts, phrase)));
        }
        if (rc != SqliteOk)
        {
            sqlite3_result_error_code(context, rc);
            return;
        }
        var bytes = System.Text.Encoding.ASCII.GetBytes(text.ToString());
        fixed (byte* result = bytes)
            sqlite3_result_text(context, result, bytes.Length, Transient);
    }

    /// <summary>SQLITE_TRANSIENT: SQLite copies the result before the call returns.</summary>
    private static readonly IntPtr Transient = new(-1);

    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5Api
    {
        public int iVersion;
        public IntPtr xCreateTokenizer;
        public IntPtr xFindTokenizer;
        public delegate* unmanaged[Cdecl]<Fts5Api*, byte*, void*,
            delegate* unmanaged[Cdecl]<Fts5ExtensionApi*, IntPtr, IntPtr, int, IntPtr*, void>, void*, int> xCreateFunction;
    }

    /// <summary>The leading members of FTS5's <c>Fts5ExtensionApi</c>, in its order (stable since version 1).</summary>
    [StructLayout(LayoutKind.Sequential)]
    private struct Fts5ExtensionApi
    {
        public int iVersion;
        public IntPtr xUserData;
        public delegate* unmanaged[Cdecl]<IntPtr, int> xColumnCount;
        public delegate* unmanaged[Cdecl]<IntPtr, long*, int> xRowCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, long*, int> xColumnTotalSize;
        public IntPtr xTokenize;
        public delegate* unmanaged[Cdecl]<IntPtr, int> xPhraseCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int> xPhraseSize;
        public delegate* unmanaged[Cdecl]<IntPtr, int*, int> xInstCount;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int*, int*, int> xInst;
        public IntPtr xRowid;
        public IntPtr xColumnText;
        public delegate* unmanaged[Cdecl]<IntPtr, int, int*, int> xColumnSize;
    }

    [LibraryImport(Library)]
    private static partial int sqlite3_prepare_v2(IntPtr db, byte* sql, int bytes, IntPtr* statement, byte** tail);

    [LibraryImport(Library)]
    private static partial int sqlite3_bind_pointer(IntPtr statement, int index, void* pointer, byte* type, IntPtr destructor);

    [LibraryImport(Library)]
    private static partial int sqlite3_step(IntPtr statement);

    [LibraryImport(Library)]
    private static partial int sqlite3_finalize(IntPtr statement);

    [LibraryImport(Library)]
    private static partial double sqlite3_value_double(IntPtr value);

    [LibraryImport(Library)]
    private static partial void sqlite3_result_double(IntPtr context, double value);

    [LibraryImport(Library)]
    private static partial int sqlite3_value_int(IntPtr value);

    [LibraryImport(Library)]
    private static partial void sqlite3_result_text(IntPtr context, byte* text, int bytes, IntPtr destructor);

    [LibraryImport(Library)]
    private static partial void sqlite3_result_error_code(IntPtr context, int code);
}
