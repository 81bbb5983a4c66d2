using System.Text.RegularExpressions;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Splits text into sentences, for units too long for an engine. A sentence ends at <c>.</c>, <c>!</c>, <c>?</c>
/// or <c>…</c> (with any closing quotes or brackets) followed by white space and a capital, digit or opening
/// quote; not after a known abbreviation of the language ("Sr.", "Dr.", "etc.", "p. ej."), an initial, or inside
/// a number ("3.5", "1.250.000"). Joining the pieces with the white space between them gives the text back.
/// </summary>
public static partial class SentenceSplitter
{
    private static readonly string[] Common =
        ["etc", "vs", "p", "pp", "no", "nr", "núm", "art", "cap", "fig", "vol", "ed", "dr", "dra", "mr", "mrs", "ms", "st", "prof", "ca", "cf", "approx", "tel", "av", "avda"];

    private static readonly Dictionary<string, string[]> ByLanguage = new(StringComparer.OrdinalIgnoreCase)
    {
        ["es"] = ["sr", "sra", "srta", "sres", "ud", "uds", "d", "dña", "lic", "ing", "arq", "gral", "cnel", "tte", "pág", "págs", "ej", "aprox", "dcha", "izq", "admón", "c", "s", "a", "n", "sta", "sto", "ee", "uu"],
        ["ca"] = ["sr", "sra", "srta", "dr", "dra", "pàg", "ex", "aprox", "c", "núm", "s"],
        ["gl"] = ["sr", "sra", "dr", "dra", "páx", "ex", "aprox", "núm", "s"],
        ["pt"] = ["sr", "sra", "srs", "dr", "dra", "pág", "ex", "aprox", "n", "nº", "s", "av"],
        ["fr"] = ["m", "mm", "mme", "mmes", "mlle", "me", "mgr", "p", "ex", "env", "av", "bd", "cf", "c.-à-d", "s"],
        ["it"] = ["sig", "sigg", "sig.ra", "dott", "dott.ssa", "prof.ssa", "ing", "avv", "on", "pag", "es", "ecc", "s"],
        ["ro"] = ["dl", "dna", "dr", "prof", "ex", "pag", "str", "nr"],
        ["eu"] = ["and", "jn", "or", "zk", "adib"],
        ["hr"] = ["g", "gđa", "gđica", "dr", "prof", "npr", "tj", "itd", "sl", "str", "br"],
        ["bs"] = ["g", "gđa", "dr", "prof", "npr", "tj", "itd", "br"],
        ["sr"] = ["g", "gđa", "dr", "prof", "npr", "tj", "itd", "br", "гђа", "др", "проф", "нпр", "тј", "итд", "бр"],
        ["is"] = ["hr", "frú", "dr", "t.d", "þ.e", "o.s.frv", "nr", "bls"],
        ["mk"] = ["г", "гѓа", "д-р", "проф", "итн", "бр", "стр"],
        ["bg"] = ["г", "гр", "гн", "гжа", "д-р", "проф", "ул", "бр", "стр", "т.е", "др", "вкл", "напр", "вж", "пр"],
        ["sl"] = ["g", "ga", "gdč", "dr", "prof", "mag", "npr", "itd", "ipd", "oz", "t.i", "t.j", "tj", "št", "str", "ul", "sv"],
        ["eo"] = ["s-ro", "s-ino", "d-ro", "ktp", "k.t.p", "ekz", "n-ro", "p"],
        ["en"] = ["jr", "sr", "inc", "ltd", "co", "corp", "gov", "gen", "sen", "rep", "e.g", "i.e", "u.s", "a.m", "p.m"],
    };

    /// <summary>The sentences of <paramref name="text"/>, each with its trailing white space.</summary>
    public static IReadOnlyList<string> Split(string text, string language)
    {
        var abbreviations = Abbreviations(language);
        var pieces = new List<string>();
        var start = 0;
        foreach (Match end in Boundary().Matches(text))
        {
            var cut = end.Index + end.Length;
            if (IsAbbreviation(text, start, end.Index, abbreviations)) continue;
            pieces.Add(text[start..cut]);
            start = cut;
        }
        if (start < text.Length || pieces.Count == 0) pieces.Add(text[start..]);
        return pieces;
    }

    /// <summary>Splits <paramref name="text"/> into pieces of at most <paramref name="maxChars"/> where it can, sentences first.</summary>
    public static IReadOnlyList<string> SplitToFit(string text, string language, int maxChars)
    {
        if (text.Length <= maxChars) return [text];
        var pieces = new List<string>();
        foreach (var sentence in Split(text, language))
        {
            if (sentence.Length <= maxChars)
            {
                pieces.Add(sentence);
                continue;
            }
            // A sentence longer than the limit is cut at the last white space that fits.
            var rest = sentence;
            while (rest.Length > maxChars)
            {
                var at = rest.LastIndexOf(' ', maxChars - 1);
                var cut = at > 0 ? at + 1 : maxChars;
                pieces.Add(rest[..cut]);
                rest = rest[cut..];
            }
            if (rest.Length > 0) pieces.Add(rest);
        }
        return pieces;
    }

    private static HashSet<string> Abbreviations(string language)
    {
        var set = new HashSet<string>(Common, StringComparer.OrdinalIgnoreCase);
        var code = language.Split('-')[0];
        if (ByLanguage.TryGetValue(code, out var own)) set.UnionWith(own);
        return set;
    }

    /// <summary>Whether the word before the full stop at <paramref name="stop"/> is an abbreviation or an initial.</summary>
    private static bool IsAbbreviation(string text, int start, int stop, HashSet<string> abbreviations)
    {
        if (text[stop] != '.') return false;
        var i = stop;
        while (i > start && !char.IsWhiteSpace(text[i - 1]) && text[i - 1] is not ('(' or '«' or '"' or '“' or '„' or '\'')) i--;
        var word = text[i..stop];
        if (word.Length == 0) return false;
        if (abbreviations.Contains(word)) return true;
        // "p. ej.", "EE. UU.", "J. R. R.": a single letter is an initial, not a sentence.
        if (word.Length == 1 && char.IsLetter(word[0])) return true;
        // "U.S.", "c.-à-d.": dotted abbreviations.
        return word.Contains('.') && word.Length <= 8 && word.Split('.').All(part => part.Length <= 3);
    }

    /// <summary>Terminal punctuation, closing quotes or brackets, then white space before a sentence start.</summary>
    [GeneratedRegex(@"(?<=[^\s])(?:[.!?…]+)(?:[\u00a0\u202f ]?[""'”’»)\]])*\s+(?=[\p{Lu}\p{Nd}""'“‘«¿¡(\[—–-])")]
    private static partial Regex Boundary();
}
