using System.Globalization;
using System.Text;
using ForeignDesk.Core;

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
}

/// <summary>A required word or phrase: its FTS5 string, and each of its words as one (<c>"word"</c>, <c>"word"*</c>).</summary>
internal sealed record Fts5Phrase(string Term, IReadOnlyList<string> Words);

/// <summary>
/// Turns what a reader typed into an FTS5 query that can only mean "these words". Every word or "phrase" becomes a
/// double-quoted FTS5 string made of letters, digits and symbols only, so operators (AND, OR, NOT, NEAR), column
/// filters, parentheses, carets and stray quotes are read as ordinary words or dropped. Supported: words (all
/// required), "quoted phrases" (an unclosed quote runs to the end), -word or -"phrase" to exclude, word* for a prefix.
/// </summary>
internal static class Fts5QueryBuilder
{
    public const int MaxTerms = 32;

    public static Fts5Query Build(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return new(null, "Type one or more words to search for.");
        if (text.Length > SearchQuery.MaxTextLength)
            return new(null, $"That search is too long ({text.Length:N0} characters); use at most {SearchQuery.MaxTextLength}.");

        var include = new List<string>();
        var exclude = new List<string>();
        var required = new List<Fts5Phrase>();
        foreach (var chunk in Chunks(text))
        {
            var words = Words(chunk.Text);
            if (words.Count == 0) continue;
            var term = "\"" + string.Join(' ', words) + "\"" + (chunk.Prefix ? "*" : "");
            (chunk.Exclude ? exclude : include).Add(term);
            if (!chunk.Exclude)
                required.Add(new(term, words.Select((w, i) => "\"" + w + "\"" + (chunk.Prefix && i == words.Count - 1 ? "*" : "")).ToList()));
        }

        if (include.Count + exclude.Count > MaxTerms)
            return new(null, $"That search has too many words; use at most {MaxTerms}.");
        if (include.Count == 0)
            return exclude.Count > 0
                ? new(null, "Add a word to look for: a minus sign only leaves words out.")
                : new(null, "There is nothing to search for in that text: use letters or numbers.");

        return new(Expression(include, exclude), null, required, exclude);
    }

    /// <summary><c>(a AND b) NOT c NOT d</c> of FTS5 strings already built from words only.</summary>
    internal static string Expression(IEnumerable<string> include, IEnumerable<string> exclude)
    {
        var match = new StringBuilder("(").AppendJoin(" AND ", include).Append(')');
        foreach (var term in exclude) match.Append(" NOT ").Append(term);
        return match.ToString();
    }

    private readonly record struct Chunk(string Text, bool Exclude, bool Prefix);

    /// <summary>Splits on white space, keeping "quoted phrases" together and noting a leading minus or a trailing star.</summary>
    private static IEnumerable<Chunk> Chunks(string text)
    {
        var i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) yield break;
            var exclude = false;
            if (text[i] == '-' && i + 1 < text.Length && !char.IsWhiteSpace(text[i + 1]))
            {
                exclude = true;
                i++;
            }
            if (text[i] == '"')
            {
                var end = text.IndexOf('"', i + 1);
                if (end < 0) end = text.Length;
                yield return new Chunk(text[(i + 1)..end], exclude, Prefix: false);
                i = Math.Min(text.Length, end + 1);
                continue;
            }
            var start = i;
            while (i < text.Length && !char.IsWhiteSpace(text[i]) && text[i] != '"') i++;
            var word = text[start..i];
            yield return new Chunk(word, exclude, Prefix: word.EndsWith('*') && word.TrimEnd('*').Length > 0);
        }
    }

    /// <summary>The runs of letters, digits, marks and symbols (emoji included); everything else separates words.</summary>
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWordRune(rune))
            {
                current.Append(rune.ToString());
            }
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static bool IsWordRune(Rune rune) => Rune.GetUnicodeCategory(rune) switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
            or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber
            or UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark
            or UnicodeCategory.OtherSymbol => rune != Rune.ReplacementChar,
        _ => false,
    };
}
