using System.Text;

namespace ForeignDesk.Store.Sqlite;

/// <summary>An FTS5 MATCH expression built from a reader's text, or the reason none could be built.</summary>
/// <param name="Required">The required words and phrases, in the order FTS5 numbers the phrases of
/// <paramref name="Match"/> (the left-out ones follow them).</param>
/// <param name="LeftOut">The FTS5 strings of the words and phrases to leave out.</param>
internal sealed record Fts5Query(string? Match, string? Message, IReadOnlyList<Fts5Phrase>? Required = null, IReadOnlyList<string>? LeftOut = null)
{
    /// <summary>The same query with its required phrases in the given order (FTS5 tests an AND's phrases in order).</summary>
    public Fts5Query Reordered(IReadOnlyList<int> order)
    {
        var required = order.Select(i => Required![i]).ToList();
        return this with { Match = Fts5QueryBuilder.Expression(required.Select(p => p.Term), LeftOut!), Required = required };
    }

    /// <summary>
    /// <c>a OR b</c> of the required phrases, numbered as in <see cref="Match"/>: where each lies in a row already known
    /// to match. Looked up row by row, an AND goes on after the row to the next row with all its phrases, which for
    /// words that seldom meet lies far off; an OR's next row is each phrase's own next one.
    /// </summary>
    public string? AnyRequired => Required is { Count: > 0 } required ? string.Join(" OR ", required.Select(p => p.Term)) : Match;
}

/// <summary>A required word or phrase: its FTS5 string, and each of its words as one (<c>"word"</c>, <c>"word"*</c>).</summary>
internal sealed record Fts5Phrase(string Term, IReadOnlyList<string> Words);

/// <summary>
/// Turns what a reader typed (<see cref="SearchTerms"/>) into an FTS5 query that can only mean "these words": every word
/// or phrase becomes a double-quoted FTS5 string made of letters, digits and symbols only.
/// </summary>
internal static class Fts5QueryBuilder
{
    public static Fts5Query Build(string? text)
    {
        var terms = SearchTerms.Parse(text);
        if (terms.Message is not null) return new(null, terms.Message);
        var required = terms.Required.Select(p => new Fts5Phrase(Term(p),
            p.Words.Select((w, i) => "\"" + w + "\"" + (p.Prefix && i == p.Words.Count - 1 ? "*" : "")).ToList())).ToList();
        var leftOut = terms.LeftOut.Select(Term).ToList();
        return new(Expression(required.Select(p => p.Term), leftOut), null, required, leftOut);
    }

    private static string Term(SearchPhrase phrase) => "\"" + string.Join(' ', phrase.Words) + "\"" + (phrase.Prefix ? "*" : "");

    /// <summary><c>(a AND b) NOT c NOT d</c> of FTS5 strings already built from words only.</summary>
    internal static string Expression(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        var match = new StringBuilder("(").AppendJoin(" AND ", include).Append(')');
        foreach (var term in exclude) match.Append(" NOT ").Append(term);
        return match.ToString();
    }
}
