using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Store.Migrations;
using Microsoft.Data.Sqlite;

namespace ForeignDesk.Store.Sqlite;

/// <summary>Search over the FTS5 table that migration 0300 keeps in step with the articles.</summary>
public sealed partial class SqliteArticleStore : ISearchIndex
{
    // Title matches count most, English over the original (weights of title_en, text_en, title_orig, text_orig).
    private const string ColumnWeights = "10.0, 1.0, 6.0, 0.6";

    /// <summary>
    /// How many of the newest articles a word's inverse document frequency is counted in, for relevance order
    /// (bm25 with FTS5's formula). Counting over the whole index, as FTS5's own bm25() does on every query, reads the
    /// whole position list of a common word; a recent sample ranks as well and costs a bounded amount.
    /// </summary>
    public const int IdfSample = 10_000;


    private const string SearchFilters =
        """
        FROM article_search JOIN articles a INDEXED BY articles_search_facets ON a.id = article_search.rowid
        WHERE article_search MATCH $match
          AND ($language IS NULL OR a.language = $language)
          AND ($source IS NULL OR a.source_id = (SELECT s.id FROM sources s WHERE s.slug = $source))
          AND ($category IS NULL OR a.category = $category)
          AND ($from IS NULL OR a.published_ms >= $from)
          AND ($to IS NULL OR a.published_ms < $to)
          AND a.id <= $upto
        """;

    public async Task<SearchResults> SearchAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        if (SearchHits.RefusedPaging(query) is { } refused) return refused;
        var fts = Fts5QueryBuilder.Build(query.Text);
        if (fts.Match is null) return SearchResults.Refused(query, fts.Message!);
        // One snapshot for the whole search: word counts, matches and snippets agree while articles arrive. Its
        // statements stay prepared on the kept connection, so a search does not parse and plan its SQL again.
        return await _reads.InSnapshotAsync(session => Search(session, query, fts, cancellationToken), cancellationToken);
    }

    private static SearchResults Search(PreparedReads.Session session, SearchQuery query, Fts5Query fts, CancellationToken cancellationToken)
    {
        (string, object?)[] parameters =
        [
            ("$match", fts.Match), ("$language", SearchHits.Blank(query.Language)), ("$source", SearchHits.Blank(query.SourceSlug)),
            ("$category", SearchHits.Blank(query.Category)),
            ("$from", query.FromUtc is { } from ? Ms(from) : null), ("$to", query.ToUtc is { } to ? Ms(to) : null),
        ];
        var byTime = query.Sort == SearchSort.Newest;
        var order = byTime ? "published DESC, id DESC" : "score, published DESC, id DESC";
        var window = Math.Max(SearchHits.Window, (query.Page + 1) * query.PageSize);
        double[] idfs = [];

        var newestId = Convert.ToInt64(session.Scalar("SELECT COALESCE(MAX(id), 0) FROM articles"), System.Globalization.CultureInfo.InvariantCulture);
        var score = "0";
        if (fts.Required!.Count > 1)
        {
            // Rarest first: FTS5 tests an AND's phrases in order, so a common word is looked up only for rows that
            // have the rare ones. The same counts give each phrase's IDF.
            var counts = SampleHits(session, fts.Required, newestId);
            var rarestFirst = Enumerable.Range(0, counts.Count).OrderBy(i => counts[i].Hits).ToList();
            fts = fts.Reordered(rarestFirst);
            idfs = rarestFirst.Select(i => Fts5Bm25.Idf(counts[i].Rows, counts[i].Hits)).ToArray();
        }
        Fts5Bm25.EnsureRegistered(session.Connection);
        if (!byTime)
        {
            // bm25, lower is better; with one phrase, IDF cannot change the order and stays 1.
            score = $"{Fts5Bm25.Name}(article_search, {ColumnWeights}{string.Concat(idfs.Select((_, i) => $", $idf{i}"))})";
            parameters = [.. parameters, .. idfs.Select((idf, i) => ($"$idf{i}", (object?)idf))];
        }
        parameters[0] = ("$match", fts.Match);
        var upTo = query.UpToId ?? newestId;
        parameters = [.. parameters, ("$upto", upTo)];
        cancellationToken.ThrowIfCancellationRequested();

        // The most recently stored matches that pass the filters, at most `window` of them, read in rowid order so
        // FTS5 stops early; only those are scored and sorted. Snippets follow for the page alone: snippet() is costly.
        // With no filter and relevance order, the window needs nothing of the articles table: a lookup per match
        // there costs as much as finding the matches, so the index alone answers (score ties go to the newer id).
        var unfiltered = !byTime && SearchHits.Blank(query.Language) is null && SearchHits.Blank(query.SourceSlug) is null
            && SearchHits.Blank(query.Category) is null && query.FromUtc is null && query.ToUtc is null;
        var matches = unfiltered
            ? $"SELECT rowid AS id, {score} AS score, rowid AS published FROM article_search WHERE article_search MATCH $match AND rowid <= $upto"
            : $"SELECT a.id AS id, {score} AS score, a.published_ms AS published {SearchFilters}";
        // Read newest first, FTS5 stops at the window's end. Words that seldom meet leave too few matches for that:
        // the whole index is read anyway, and then in ascending order, which costs FTS5 about half as much (to step
        // back through a long list it parses each of its pages in full), the window sorted after.
        var windowed = unfiltered && fts.Required!.Count > 1 && SeldomMeet(session, fts.Match!, newestId, upTo, window)
            ? $"SELECT * FROM ({matches}) ORDER BY +id DESC LIMIT $window"
            : $"{matches} ORDER BY article_search.rowid DESC LIMIT $window";
        var page = session.Query(
            $"""
            SELECT id, COUNT(*) OVER () FROM ({windowed})
            ORDER BY {order} LIMIT $limit OFFSET $offset
            """,
            r => (Id: r.GetInt64(0), Total: r.GetInt32(1)),
            [.. parameters, ("$window", window), ("$limit", query.PageSize), ("$offset", (query.Page - 1) * query.PageSize)]);
        var total = page.Count > 0
            ? page[0].Total
            : query.Page == 1 ? 0 : Convert.ToInt32(session.Scalar(
                $"SELECT COUNT(*) FROM (SELECT 1 {SearchFilters} LIMIT $window)", [.. parameters, ("$window", window)]),
                System.Globalization.CultureInfo.InvariantCulture);
        var more = total >= window;
        if (page.Count == 0) return new SearchResults([], total, query.Page, query.PageSize, null, more, upTo);
        cancellationToken.ThrowIfCancellationRequested();

        // Snippets are made here from the page's hits alone: the index says where each hit's matches lie (each hit looked
        // up by its id, with the required phrases ORed: see Fts5Query.AnyRequired), and the text they lie in is made
        // from the stored JSON (IndexedText; the original's only where the English shows no match).
        var english = session.Query(
            $"""
            SELECT {SummaryColumns}, a.translation, {Fts5Bm25.MatchTokensName}(article_search, {EnglishText}),
                {Fts5Bm25.MatchTokensName}(article_search, {OriginalText})
            FROM article_search JOIN article_lines l ON l.id = article_search.rowid JOIN sources s ON s.id = l.source_id
                JOIN articles a ON a.id = article_search.rowid
            WHERE article_search MATCH $match AND article_search.rowid IN (SELECT value FROM json_each($ids))
            """,
            r => (Summary: ReadSummary(r), Snippet: Fts5Snippet.Make(IndexedText.Body(Utf8OrEmpty(r, 8)), Fts5Snippet.ReadMatches(StringOrNull(r, 9))),
                Original: Fts5Snippet.ReadMatches(StringOrNull(r, 10))),
            ("$match", fts.AnyRequired), ("$ids", JsonSerializer.Serialize(page.Select(p => p.Id))));
        var unmatched = english.Where(e => !e.Snippet.Contains(SearchHits.MatchOpen) && (e.Original.Count > 0 || e.Snippet.Trim().Length == 0))
            .ToDictionary(e => e.Summary.Id, e => e.Original);
        var originals = unmatched.Count == 0 ? [] : session.Query(
                "SELECT id, original FROM articles WHERE id IN (SELECT value FROM json_each($ids))",
                r => (Id: r.GetInt64(0), Text: IndexedText.Body(Utf8OrEmpty(r, 1))), ("$ids", JsonSerializer.Serialize(unmatched.Keys)))
            .ToDictionary(o => o.Id, o => Fts5Snippet.Make(o.Text, unmatched[o.Id]));
        var hits = english.Select(e => SearchHits.Hit(e.Summary, e.Snippet, originals.GetValueOrDefault(e.Summary.Id) ?? "")).ToList();
        var byId = hits.ToDictionary(h => h.Article.Id);
        return new SearchResults(page.Where(p => byId.ContainsKey(p.Id)).Select(p => byId[p.Id]).ToList(),
            total, query.Page, query.PageSize, null, more, upTo);
    }

    /// <summary>
    /// How many of the newest <see cref="IdfSample"/> articles (<c>Rows</c>: the ids up to <paramref name="newestId"/>,
    /// fewer in a smaller store) have each required word or phrase; a phrase counts as its rarest word (an upper bound
    /// that needs no position lists).
    /// </summary>
    private static List<(long Rows, long Hits)> SampleHits(PreparedReads.Session session, IReadOnlyList<Fts5Phrase> required, long newestId)
    {
        // The sample is the id range below the newest id, so finding it reads no index; ids freed by removed articles
        // count as rows, which only lowers a word's share a little. Hits are counted in the same range and snapshot,
        // so no count exceeds the rows.
        var floor = Math.Max(1, newestId - IdfSample + 1);
        var (rows, ceiling) = (Math.Max(0, newestId - floor + 1), newestId);
        var words = new Dictionary<string, long>(StringComparer.Ordinal);
        var hits = new List<(long, long)>(required.Count);
        foreach (var phrase in required)
        {
            var fewest = long.MaxValue;
            foreach (var word in phrase.Words)
            {
                if (!words.TryGetValue(word, out var n))
                    words[word] = n = Convert.ToInt64(session.Scalar(
                        "SELECT COUNT(*) FROM article_search WHERE article_search MATCH $term AND rowid BETWEEN $floor AND $ceiling",
                        ("$term", word), ("$floor", floor), ("$ceiling", ceiling)), System.Globalization.CultureInfo.InvariantCulture);
                fewest = Math.Min(fewest, n);
            }
            hits.Add((rows, fewest));
        }
        return hits;
    }

    /// <summary>
    /// Whether the rows matching <paramref name="match"/> are too few among the newest <see cref="IdfSample"/> ids to
    /// foretell two windows' worth below <paramref name="upTo"/>; counting stops as soon as they are enough.
    /// </summary>
    private static bool SeldomMeet(PreparedReads.Session session, string match, long newestId, long upTo, int window)
    {
        var floor = Math.Max(1, newestId - IdfSample + 1);
        var rows = Math.Max(0, newestId - floor + 1);
        if (rows == 0 || upTo <= 0) return false;
        var enough = (2L * window * rows + upTo - 1) / upTo;
        var found = Convert.ToInt64(session.Scalar(
            "SELECT COUNT(*) FROM (SELECT 1 FROM article_search WHERE article_search MATCH $match AND rowid BETWEEN $floor AND $ceiling LIMIT $enough)",
            ("$match", match), ("$floor", floor), ("$ceiling", newestId), ("$enough", enough)), System.Globalization.CultureInfo.InvariantCulture);
        return found < enough;
    }

    /// <summary>A text column's UTF-8 bytes as stored; none for null.</summary>
    private static byte[] Utf8OrEmpty(SqliteDataReader r, int ordinal) => r.IsDBNull(ordinal) ? [] : r.GetFieldValue<byte[]>(ordinal);

    /// <summary>The FTS5 columns of the English text and of the original text (title_en, text_en, title_orig, text_orig).</summary>
    private const int EnglishText = 1;
    private const int OriginalText = 3;
}
