using System.Globalization;
using System.Text;
using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>A word or "phrase" a reader typed: its words, and whether the last one is a prefix (<c>elect*</c>).</summary>
/// <param name="Words">Runs of letters, digits, marks and symbols only: nothing in them can be read as query syntax.</param>
internal sealed record SearchPhrase(IReadOnlyList<string> Words, bool Prefix);

/// <summary>
/// What a reader typed in the search box, read the same way by every store: words (all required), "quoted phrases"
/// (an unclosed quote runs to the end), -word or -"phrase" to leave out, word* for a prefix. Operators (AND, OR, NOT,
/// NEAR), column filters, parentheses, carets and stray quotes are read as ordinary words or dropped. Each store turns
/// the phrases into its own engine's query.
/// </summary>
/// <param name="Message">Why there is nothing to search for; null when <paramref name="Required"/> holds a phrase.</param>
internal sealed record SearchTerms(IReadOnlyList<SearchPhrase> Required, IReadOnlyList<SearchPhrase> LeftOut, string? Message)
{
    public const int MaxTerms = 32;

    public static SearchTerms Parse(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Refused("Type one or more words to search for.");
        if (text.Length > SearchQuery.MaxTextLength)
            return Refused($"That search is too long ({text.Length:N0} characters); use at most {SearchQuery.MaxTextLength}.");

        var include = new List<SearchPhrase>();
        var exclude = new List<SearchPhrase>();
        foreach (var chunk in Chunks(text))
        {
            var words = Words(chunk.Text);
            if (words.Count == 0) continue;
            (chunk.Exclude ? exclude : include).Add(new SearchPhrase(words, chunk.Prefix));
        }

        if (include.Count + exclude.Count > MaxTerms)
            return Refused($"That search has too many words; use at most {MaxTerms}.");
        if (include.Count == 0)
            return exclude.Count > 0
                ? Refused("Add a word to look for: a minus sign only leaves words out.")
                : Refused("There is nothing to search for in that text: use letters or numbers.");
        return new SearchTerms(include, exclude, null);
    }

    private static SearchTerms Refused(string message) => new([], [], message);

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
