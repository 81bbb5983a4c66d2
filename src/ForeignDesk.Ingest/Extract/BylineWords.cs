using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Reads the people (or the agency) an article is by from a byline: "By Ana López", "Par Sébastien Farcis",
/// "Von Hans Müller und Eva Roth", "Autor: Jan Nowak", "Автор: Иван Петров", "Miguel Ángel Sanz · 28/11/2026".
/// Byline words are known in English, French, Spanish, Portuguese, Catalan, German, Italian, Dutch, Swedish,
/// Norwegian, Danish, Polish, Czech, Romanian, Hungarian, Russian, Ukrainian, Turkish, Arabic, Hebrew, Persian,
/// Chinese, Japanese and Korean (where the word may follow the name: "山田太郎記者", "홍길동 기자"). A name is a run of capitalized words (with particles such as "de", "van", "von");
/// several names are joined by commas or the language's "and". Text after the names (a date, a role, a place after a
/// comma, an agency in parentheses) is not part of the byline.
/// </summary>
internal static partial class BylineWords
{
    private const int MaxNameWords = 5;
    private const int MaxNames = 6;

    /// <summary>A line longer than this ending in a byline word is a sentence, not a name and that word.</summary>
    private const int MaxSuffixedLength = 30;

    /// <summary>The reference time for telling whether text holds a date at all (the value itself is not used).</summary>
    private static readonly DateTimeOffset AnyTime = new(2020, 1, 1, 0, 0, 0, TimeSpan.Zero);

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "del", "della", "der", "den", "di", "do", "dos", "du", "la", "le", "van", "von", "ten", "ter",
        "bin", "al", "el", "zu", "af", "av",
    };

    private static readonly HashSet<string> Joiners = new(StringComparer.OrdinalIgnoreCase)
    {
        "and", "und", "et", "y", "e", "i", "en", "og", "och", "ve", "és", "si", "și", "a", "и", "і", "та", "&", "+", "و", "ו", "和",
    };

    /// <summary>A byline word or label at the start of the text, or an empty match.</summary>
    public static Match Prefix(string text) => PrefixPattern().Match(text);

    /// <summary>The text without a leading byline word ("By", "Par", "Autor:").</summary>
    public static string WithoutPrefix(string text)
    {
        var collapsed = DomWalk.Collapse(text);
        var prefix = Prefix(collapsed);
        return prefix.Success ? collapsed[prefix.Length..].Trim() : collapsed;
    }

    /// <summary>
    /// The names at the start of <paramref name="text"/> (after a byline word when it has one), joined by ", ", and the
    /// text that follows them; null when the text does not start with a name. With <paramref name="prefixed"/> the text
    /// must carry a byline word: before the names, or after them in a short line of Japanese, Chinese or Korean.
    /// </summary>
    public static (string Names, string After, bool Prefixed)? Read(string text, bool prefixed = false)
    {
        var collapsed = DomWalk.Collapse(text);
        var prefix = Prefix(collapsed);
        // Japanese, Chinese and Korean write the word after the name ("山田太郎記者", "홍길동 기자"): a short line ending in it.
        var suffix = prefix.Success || collapsed.Length > MaxSuffixedLength ? Match.Empty : SuffixPattern().Match(collapsed);
        var labelled = prefix.Success || suffix.Success;
        if (prefixed && !labelled) return null;
        var body = prefix.Success ? collapsed[prefix.Length..] : suffix.Success ? collapsed[..suffix.Index] : collapsed;
        var tokens = Tokens().Matches(body);
        var names = new List<string>();
        var current = new List<string>();
        var restAt = body.Length;
        var caseless = false;
        var stopped = false;
        foreach (Match token in tokens)
        {
            var word = token.Value;
            if (IsNameWord(word, out var noCase) && current.Count < MaxNameWords)
            {
                caseless |= noCase;
                current.Add(word);
                continue;
            }
            if (current.Count > 0 && Particles.Contains(word))
            {
                current.Add(word);
                continue;
            }
            if ((word == "," || Joiners.Contains(word)) && current.Count > 0 && Flush(current, names))
            {
                restAt = token.Index + token.Length;
                if (names.Count >= MaxNames) break;
                continue;
            }
            restAt = token.Index;
            stopped = true;
            break;
        }
        if (Flush(current, names, atEnd: !stopped) && !stopped) restAt = body.Length;
        if (names.Count == 0 || (caseless && !labelled)) return null;
        return (string.Join(", ", names), body[Math.Min(restAt, body.Length)..].Trim(), labelled);
    }

    /// <summary>Names read from a byline element or field: the names when the text starts with some, else the text without its byline word.</summary>
    public static string Clean(string text) => Read(text) is { } found && EndsNames(found.After) ? found.Names : WithoutPrefix(text);

    /// <summary>What may follow a byline's names: nothing, a separator, a comma (a role, a place), an agency in parentheses or a date.</summary>
    public static bool EndsNames(string after) =>
        after.Length == 0 || after[0] is '·' or '|' or '•' or '—' or '–' or '-' or '/' or '(' or ','
        || DateWords.Parse(after, AnyTime) is not null;

    /// <summary>Moves the words gathered so far into <paramref name="names"/> (trailing particles dropped but at the end); false when there were none.</summary>
    private static bool Flush(List<string> current, List<string> names, bool atEnd = false)
    {
        // A particle ends a name only where the name was written family name first ("Jong, Michiel de").
        while (!atEnd && current.Count > 0 && Particles.Contains(current[^1])) current.RemoveAt(current.Count - 1);
        if (current.Count == 0) return false;
        names.Add(string.Join(' ', current));
        current.Clear();
        return true;
    }

    /// <summary>A capitalized word ("Ana", "O'Brien", "Jean-Luc", "D.", "LÓPEZ") or a word of a script without case.</summary>
    private static bool IsNameWord(string word, out bool caseless)
    {
        caseless = false;
        if (word.Length == 0 || !char.IsLetter(word[0])) return false;
        if (char.IsUpper(word[0])) return word.Skip(1).All(c => char.IsLetter(c) || c is '\'' or '’' or '.' or '-');
        if (char.IsLower(word[0])) return false;
        caseless = word.All(c => char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.SpacingCombiningMark);
        return caseless;
    }

    // Words, commas and separators; a comma or separator is its own token.
    [GeneratedRegex(@"[,·|•/()\u2014\u2013]|-(?=\s)|[^\s,·|•/()\u2014\u2013]+")]
    private static partial Regex Tokens();

    [GeneratedRegex(@"^(?:(?:written|words|reporting|text|story|report)\s+by|by|par|por|per|von|di|a\s+cura\s+di|door|av|af|przez|autor(?:a|in|ka)?|auteure?|author|szerző|yazan|yazar|haber|текст|автор(?:ка)?|авторка|بقلم|كتب|מאת|נכתב\s+על\s+ידי|نویسنده|作者|文|记者|記者|글|기자)(?:\s*[:：]\s*|\s+)(?=\S)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PrefixPattern();

    [GeneratedRegex(@"(?<=\S)\s*(?:記者|记者|기자|特派員|特派员|특파원|編集委員|論説委員|논설위원)$", RegexOptions.CultureInvariant)]
    private static partial Regex SuffixPattern();
}
