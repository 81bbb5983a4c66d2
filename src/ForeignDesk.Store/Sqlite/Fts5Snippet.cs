using System.Globalization;
using System.Text;

namespace ForeignDesk.Store.Sqlite;

/// <summary>
/// A search snippet made here from a column's text and where the index says its matches lie
/// (<see cref="Fts5Bm25.MatchTokensName"/>): the part of about <see cref="SearchHits.SnippetWords"/> words with the
/// most matches, the matched words between <see cref="SearchHits.MatchOpen"/> and <see cref="SearchHits.MatchClose"/>,
/// "…" where text is left out. FTS5's <c>snippet()</c> gives the same but reads and tokenizes the column inside the
/// query for every hit; here only the page's hits are read, and tokens are only split, never stemmed.
/// </summary>
internal static class Fts5Snippet
{
    /// <summary>A match: the phrase it is of, its first token and how many tokens it spans.</summary>
    internal readonly record struct Match(int Phrase, int Token, int Tokens);

    /// <summary>The matches of <see cref="Fts5Bm25.MatchTokensName"/>'s text; empty for an empty or unreadable one.</summary>
    public static IReadOnlyList<Match> ReadMatches(string? text)
    {
        if (string.IsNullOrEmpty(text)) return [];
        var matches = new List<Match>();
        var rest = text.AsSpan();
        while (true)
        {
            var comma = rest.IndexOf(',');
            var triple = comma < 0 ? rest : rest[..comma];
            var first = triple.IndexOf(':');
            var second = first < 0 ? -1 : triple[(first + 1)..].IndexOf(':');
            if (second >= 0)
            {
                var phraseText = triple[..first];
                var tokenText = triple.Slice(first + 1, second);
                var tokensText = triple[(first + second + 2)..];
                if (tokensText.IndexOf(':') < 0
                    && int.TryParse(phraseText, NumberStyles.None, CultureInfo.InvariantCulture, out var phrase)
                    && int.TryParse(tokenText, NumberStyles.None, CultureInfo.InvariantCulture, out var token)
                    && int.TryParse(tokensText, NumberStyles.None, CultureInfo.InvariantCulture, out var tokens))
                    matches.Add(new Match(phrase, token, Math.Max(1, tokens)));
            }
            if (comma < 0) return matches;
            rest = rest[(comma + 1)..];
        }
    }

    /// <summary>
    /// The snippet of <paramref name="text"/> around <paramref name="matches"/>; with no match, its first words.
    /// </summary>
    public static string Make(string? text, IReadOnlyList<Match> matches, int words = SearchHits.SnippetWords)
    {
        if (string.IsNullOrEmpty(text)) return "";
        // Tokens are split only as far as the fragment reaches (and one more, to know whether text follows it).
        var (first, last) = Fragment(int.MaxValue, matches, words);
        var tokens = Tokens(text, last + 2);
        if (tokens.Count == 0) return "";
        if (tokens.Count < last + 2) (first, last) = Fragment(tokens.Count, matches, words);
        var marked = new bool[tokens.Count];
        var starts = new bool[tokens.Count];
        foreach (var match in matches)
        {
            if (match.Token < 0 || match.Token >= tokens.Count) continue;
            starts[match.Token] = true;
            for (var t = match.Token; t < Math.Min(tokens.Count, match.Token + match.Tokens); t++) marked[t] = true;
        }

        var snippet = new StringBuilder();
        if (first > 0) snippet.Append('…');
        var from = first == 0 ? 0 : tokens[first].Start;
        for (var t = first; t <= last; t++)
        {
            snippet.Append(text, from, tokens[t].Start - from);
            var opens = marked[t] && (t == first || starts[t] || !marked[t - 1]);
            var closes = marked[t] && (t == last || starts[t + 1] || !marked[t + 1]);
            if (opens) snippet.Append(SearchHits.MatchOpen);
            snippet.Append(text, tokens[t].Start, tokens[t].End - tokens[t].Start);
            if (closes) snippet.Append(SearchHits.MatchClose);
            from = tokens[t].End;
        }
        if (last == tokens.Count - 1) snippet.Append(text, from, text.Length - from);
        else snippet.Append('…');
        return snippet.ToString();
    }

    /// <summary>
    /// The first and last token of the fragment: the <paramref name="words"/> tokens with the most distinct phrases,
    /// then the most matches, then the earliest; centred on the matches it holds.
    /// </summary>
    private static (int First, int Last) Fragment(int count, IReadOnlyList<Match> matches, int words)
    {
        if (count <= words) return (0, count - 1);
        // The matches in the text by first token (in their order where they share one); a fragment starting at a
        // match holds the matches from it on that end within it, so each start looks at no more than its fragment's.
        var inRange = new List<Match>(matches.Count);
        foreach (var match in matches)
            if (match.Token >= 0 && match.Token < count) inRange.Add(match);
        if (inRange.Count == 0) return (0, words - 1);
        var ordered = inRange.OrderBy(m => m.Token).ToArray();
        var phrases = new Dictionary<int, int>();
        var (bestStart, bestScore, bestEnd) = (0, -1, 0);
        for (var i = 0; i < ordered.Length; i++)
        {
            var start = ordered[i].Token;
            if (i > 0 && ordered[i - 1].Token == start) continue;
            var (held, distinct, end) = (0, 0, start);
            for (var j = i; j < ordered.Length && ordered[j].Token < start + words; j++)
            {
                var match = ordered[j];
                if (match.Token + match.Tokens > start + words) continue;
                held++;
                // A phrase is counted once per start: its entry holds the last start that counted it.
                if (!phrases.TryGetValue(match.Phrase, out var countedAt) || countedAt != start + 1)
                {
                    phrases[match.Phrase] = start + 1;
                    distinct++;
                }
                end = Math.Max(end, match.Token + match.Tokens - 1);
            }
            var score = distinct * 1000 + held;
            if (score <= bestScore) continue;
            (bestStart, bestScore, bestEnd) = (start, score, held == 0 ? start : end);
        }
        var first = Math.Clamp(bestStart - (words - (bestEnd - bestStart + 1)) / 2, 0, count - words);
        return (first, first + words - 1);
    }

    /// <summary>
    /// Where the tokens of <paramref name="text"/> lie, split as the index's unicode61 tokenizer splits them: runs of
    /// letters, numbers, marks, other symbols and private-use characters (its categories 'L* N* M* So Co'); at most
    /// <paramref name="limit"/> of them.
    /// </summary>
    internal static List<(int Start, int End)> Tokens(string text, int limit = int.MaxValue)
    {
        var tokens = new List<(int, int)>();
        var start = -1;
        var i = 0;
        while (i < text.Length && tokens.Count < limit)
        {
            var c = text[i];
            var length = 1;
            bool inToken;
            if (char.IsAscii(c)) inToken = char.IsAsciiLetterOrDigit(c);
            else
            {
                var rune = Rune.TryGetRuneAt(text, i, out var r) ? r : Rune.ReplacementChar;
                length = Math.Min(rune.Utf16SequenceLength, text.Length - i);
                inToken = IsTokenCharacter(Rune.GetUnicodeCategory(rune));
            }
            if (inToken)
            {
                if (start < 0) start = i;
            }
            else if (start >= 0)
            {
                tokens.Add((start, i));
                start = -1;
            }
            i += length;
        }
        if (start >= 0 && tokens.Count < limit) tokens.Add((start, text.Length));
        return tokens;
    }

    private static bool IsTokenCharacter(UnicodeCategory category) => category switch
    {
        UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
            or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter => true,
        UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
        UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark => true,
        UnicodeCategory.OtherSymbol or UnicodeCategory.PrivateUse => true,
        _ => false,
    };
}
