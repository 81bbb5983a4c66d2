using System.Data;
using System.Globalization;
using System.Text;
using ForeignDesk.Core;
using Npgsql;

namespace ForeignDesk.Store.Postgres;

/// <summary>
/// Search with PostgreSQL's full-text search over the generated <c>search</c> column (migration 0001): the same query
/// language, filters, window and page shape as the SQLite store, ranked by <c>ts_rank</c> with title matches counting
/// most and English over the original, as the SQLite store weighs its columns.
/// </summary>
public sealed partial class PostgresStore : ISearchIndex
{
    /// <summary>
    /// <c>ts_rank</c> weights of the vector's labels {D, C, B, A}: original text, original title, English text, English
    /// title; SQLite's column weights (0.6, 6, 1, 10) divided by ten. Normalization 1 divides by the log of the length.
    /// </summary>
    private const string Rank = "ts_rank('{0.06, 0.6, 0.1, 1.0}', a.search, q, 1)";


    /// <summary>
    /// The matches that pass the filters among the ids from <c>@floor</c> (excluded) to <c>@ceiling</c>; <c>{0}</c> is the
    /// query (<see cref="TsQuery"/>). The query goes through <c>through_index</c> (migration 0014) so that matches are
    /// found in the GIN index and the range in the primary key, intersected before any row is read; rows are then read
    /// only for the filters, and no search vector is.
    /// </summary>
    private const string SearchFilters =
        """
        FROM articles a, (SELECT {0} AS q) m
        WHERE a.search @@ through_index(q) AND a.removed IS NULL
          AND (@language::text IS NULL OR a.language = @language)
          AND (@source::text IS NULL OR a.source_id = (SELECT s.id FROM sources s WHERE s.slug = @source))
          AND (@category::text IS NULL OR a.category = @category)
          AND (@from::timestamptz IS NULL OR a.published >= @from)
          AND (@to::timestamptz IS NULL OR a.published < @to)
          AND a.id > @floor AND a.id <= @ceiling
        """;

    /// <summary>How many ids below the newest the first range of a search holds.</summary>
    private const long FirstSpan = 4096;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (SearchHits.RefusedPaging(query) is { } refused) return refused;
        var terms = SearchTerms.Parse(query.Text);
        if (terms.Message is not null) return SearchResults.Refused(query, terms.Message);

        await using var connection = await OpenAsync(cancellationToken);
        // One snapshot for the whole search: matches, counts and snippets agree while articles arrive.
        await using var snapshot = await connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
        // The store's statements are prepared on each connection, and a prepared statement may switch to one plan for
        // any words, made without knowing how common they are: each search is planned for its own words and range.
        // Its statements are small, but through_index makes them look costly: compiling them (JIT) or starting parallel
        // workers would take longer than they run.
        var newestId = (long)(await ScalarAsync(connection,
            """
            SET LOCAL plan_cache_mode = force_custom_plan; SET LOCAL jit = off; SET LOCAL max_parallel_workers_per_gather = 0;
            SELECT COALESCE(MAX(id), 0) FROM articles
            """, cancellationToken) ?? 0L);
        var upTo = query.UpToId ?? newestId;
        var window = Math.Max(SearchHits.Window, (query.Page + 1) * query.PageSize);
        var (match, matchParameters) = TsQuery(terms);
        var filters = string.Format(CultureInfo.InvariantCulture, SearchFilters, match);
        (string, object?)[] parameters =
        [
            .. matchParameters, ("language", SearchHits.Blank(query.Language)), ("source", SearchHits.Blank(query.SourceSlug)),
            ("category", SearchHits.Blank(query.Category)), ("from", query.FromUtc), ("to", query.ToUtc),
        ];

        // The window: the most recently stored matches that pass the filters, at most `window` of them. The index gives
        // all of a word's matches at once, in no order, so the newest are looked for range by range below the newest id:
        // a common word's are among the first few thousand ids, a rare word's take a few ranges, each as cheap as the
        // word is rare. Each next range is long enough for the matches still wanted at twice the rate found so far, and
        // at most eight times as long as the one before.
        var matches = new List<long>();
        var (ceiling, span) = (upTo, FirstSpan);
        while (matches.Count < window && ceiling > 0)
        {
            var floor = Math.Max(0, ceiling - span);
            matches.AddRange(await RowsAsync(connection, $"SELECT a.id {filters} ORDER BY a.id DESC LIMIT @need", r => r.GetInt64(0),
                cancellationToken, [.. parameters, ("floor", floor), ("ceiling", ceiling), ("need", window - matches.Count)]));
            ceiling = floor;
            var longest = Math.Min(span, long.MaxValue / 8) * 8;
            span = matches.Count == 0 ? longest
                : Math.Clamp(2 * (window - matches.Count) * ((upTo - ceiling) / matches.Count + 1), FirstSpan, longest);
        }
        var total = matches.Count;
        var more = total >= window;

        // Only the window is ranked, and only for relevance order: ranking reads each match's search vector.
        var order = query.Sort == SearchSort.Newest ? "a.published DESC, a.id DESC" : $"{Rank} DESC, a.published DESC, a.id DESC";
        var page = total == 0 ? [] : await RowsAsync(connection,
            $"""
            SELECT a.id FROM articles a, (SELECT {match} AS q) m
            WHERE a.id = ANY(@ids)
            ORDER BY {order} LIMIT @limit OFFSET @offset
            """,
            r => r.GetInt64(0), cancellationToken,
            [.. matchParameters, ("ids", matches.ToArray()), ("limit", query.PageSize), ("offset", (query.Page - 1) * query.PageSize)]);
        if (page.Count == 0) return new SearchResults([], total, query.Page, query.PageSize, null, more, upTo);

        // Snippets for the page alone: ts_headline parses the whole text, so the original's is made only where the
        // English shows no match (OFFSET 0 keeps the English headline computed once).
        var snippets = await RowsAsync(connection,
            $"""
            SELECT {SummaryColumns}, e.headline,
                CASE WHEN strpos(e.headline, chr({(int)SearchHits.MatchOpen})) > 0 THEN ''
                    ELSE ts_headline('foreigndesk', {Body("a.original")}, q, @options) END
            FROM articles a JOIN sources s ON s.id = a.source_id, (SELECT {match} AS q) m,
                LATERAL (SELECT ts_headline('foreigndesk', {Body("a.translation")}, q, @options) AS headline OFFSET 0) e
            WHERE a.id = ANY(@ids)
            """,
            r => SearchHits.Hit(ReadSummary(r), Snippet(r, 8), Snippet(r, 9)), cancellationToken,
            [.. matchParameters, ("options", HeadlineOptions), ("ids", page.ToArray())]);
        var byId = snippets.ToDictionary(h => h.Article.Id);
        await snapshot.CommitAsync(cancellationToken);
        return new SearchResults(page.Where(byId.ContainsKey).Select(id => byId[id]).ToList(),
            total, query.Page, query.PageSize, null, more, upTo);
    }

    /// <summary>
    /// The reader's phrases as a <c>tsquery</c> expression over parameters <c>@q0</c>, <c>@q1</c>, …: a phrase's words in
    /// <c>tsquery</c> syntax (each word a quoted lexeme, since words hold letters, digits, marks and symbols only; joined
    /// by <c>&lt;-&gt;</c>, a prefix marked <c>:*</c>) that <c>to_tsquery</c> folds as the index did, and its symbols as
    /// lexemes of their own (<see cref="PostgresText"/>); required phrases joined by <c>&amp;&amp;</c>, left-out ones by
    /// <c>&amp;&amp; !!</c>.
    /// </summary>
    internal static (string Sql, (string, object?)[] Parameters) TsQuery(SearchTerms terms)
    {
        var parameters = new List<(string, object?)>();
        var phrases = terms.Required.Select(p => Phrase(p)).Concat(terms.LeftOut.Select(p => "!!" + Phrase(p)));
        return ("(" + string.Join(" && ", phrases) + ")", parameters.ToArray());

        string Phrase(SearchPhrase phrase)
        {
            var operands = new List<string>();
            var words = phrase.Words.Select((w, i) => (Word: w, Last: i == phrase.Words.Count - 1)).Where(w => PostgresText.HasWords(w.Word)).ToList();
            if (words.Count > 0)
                operands.Add($"to_tsquery('foreigndesk', {Parameter(string.Join(" <-> ", words.Select(w => Lexeme(w.Word) + (phrase.Prefix && w.Last ? ":*" : ""))))})");
            foreach (var symbols in phrase.Words.SelectMany(PostgresText.SymbolRuns).Distinct(StringComparer.Ordinal))
                operands.Add($"{Parameter(Lexeme(symbols))}::tsquery");
            return "(" + string.Join(" && ", operands) + ")";
        }

        string Parameter(string value)
        {
            var name = $"q{parameters.Count}";
            parameters.Add((name, value));
            return "@" + name;
        }

        static string Lexeme(string word) => "'" + word + "'";
    }

    /// <summary>Marks as in the SQLite store's snippets, about as many words.</summary>
    private static readonly string HeadlineOptions =
        $"StartSel=\"{SearchHits.MatchOpen}\", StopSel=\"{SearchHits.MatchClose}\", MaxWords={SearchHits.SnippetWords}, " +
        $"MinWords={SearchHits.SnippetWords / 2}, ShortWord=0";

    /// <summary>A headline with its <c>&lt;</c> put back.</summary>
    private static string Snippet(NpgsqlDataReader reader, int ordinal) =>
        (StringOrNull(reader, ordinal) ?? "").Replace(PostgresText.LessThan, '<');

    /// <summary>Teaser and paragraphs of a stored article JSON as plain text, without the characters that mark matches,
    /// and <c>&lt;</c> replaced as in the index.</summary>
    private static string Body(string json) =>
        $"""
        translate(COALESCE(({json}->>'teaser') || E'\n', '') ||
            COALESCE((SELECT string_agg(p->>'text', E'\n' ORDER BY n) FROM jsonb_array_elements({json}->'paragraphs') WITH ORDINALITY x(p, n)), ''),
            '<' || chr({(int)SearchHits.MatchOpen}) || chr({(int)SearchHits.MatchClose}) || chr({(int)PostgresText.LessThan}),
            chr({(int)PostgresText.LessThan}))
        """;
}
