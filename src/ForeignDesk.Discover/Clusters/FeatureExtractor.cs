using System.Globalization;
using System.Text.RegularExpressions;

namespace ForeignDesk.Discover.Clusters;

/// <summary>Turns an article into <see cref="ArticleFeatures"/>. Pure; no state.</summary>
internal static partial class FeatureExtractor
{
    public const int SketchSize = 64;
    private const int StemLength = 6;
    private const int BodyParagraphs = 3;

    [GeneratedRegex(@"\d+(?:[.,]\d+)*|[\p{L}\p{M}]+(?:['’\-][\p{L}\p{M}]+)*")]
    private static partial Regex Token();

    public static ArticleFeatures Extract(StoryInput input)
    {
        var terms = new Dictionary<string, float>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var text = input.English ?? input.Original;
        AddTerms(terms, text.Title, 3);
        AddTerms(terms, text.Teaser, 2);
        foreach (var paragraph in text.Paragraphs.Take(BodyParagraphs)) AddTerms(terms, paragraph, 1);

        foreach (var part in Parts(input.Original)) AddKeys(keys, part);
        if (input.English is { } english)
            foreach (var part in Parts(english)) AddKeys(keys, part);

        return new ArticleFeatures(terms, keys.Order(StringComparer.Ordinal).ToArray(), Sketch(input.Original), input.Language, input.English is not null);
    }

    private static IEnumerable<string> Parts(StoryText text)
    {
        yield return text.Title;
        if (text.Teaser is { } teaser) yield return teaser;
        foreach (var paragraph in text.Paragraphs.Take(BodyParagraphs)) yield return paragraph;
    }

    private static void AddTerms(Dictionary<string, float> terms, string? text, float weight)
    {
        if (string.IsNullOrWhiteSpace(text)) return;
        foreach (Match match in Token().Matches(text))
        {
            if (char.IsDigit(match.Value[0])) continue;
            var folded = Transliteration.Fold(match.Value);
            if (folded.Length < 3 || StopWords.Contains(folded)) continue;
            var stem = folded.Length > StemLength ? folded[..StemLength] : folded;
            terms[stem] = terms.GetValueOrDefault(stem) + weight;
        }
    }

    /// <summary>Names (capitalized words not opening a sentence), numbers and day-month dates.</summary>
    private static void AddKeys(HashSet<string> keys, string text)
    {
        var tokens = Token().Matches(text).Select(m => (m.Value, m.Index)).ToList();
        for (var i = 0; i < tokens.Count; i++)
        {
            var (value, index) = tokens[i];
            if (char.IsDigit(value[0]))
            {
                if (Number(value) is { } number) keys.Add(number);
                continue;
            }
            var folded = Transliteration.Fold(value);
            if (DateWords.Month(folded) is { } month && DayNear(tokens, i) is { } day)
            {
                keys.Add($"d:{month}-{day}");
                continue;
            }
            if (!char.IsUpper(value[0]) || folded.Length < 3 || StopWords.Contains(folded) || OpensSentence(text, index)) continue;
            var skeleton = Skeleton(folded);
            if (skeleton.Length >= 2) keys.Add("e:" + skeleton);
        }
    }

    private static bool OpensSentence(string text, int index)
    {
        for (var j = index - 1; j >= 0; j--)
        {
            var c = text[j];
            if (char.IsWhiteSpace(c) || c is '"' or '«' or '“' or '\'' or '(' or '¿' or '¡' or '„') continue;
            return c is '.' or '!' or '?' or ':';
        }
        return true;
    }

    private static int? DayNear(List<(string Value, int Index)> tokens, int i)
    {
        foreach (var j in new[] { i - 1, i + 1, i - 2 })
        {
            if (j < 0 || j >= tokens.Count) continue;
            if (j == i - 2 && Transliteration.Fold(tokens[i - 1].Value) is not ("de" or "of")) continue;
            if (int.TryParse(tokens[j].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var day) && day is >= 1 and <= 31)
                return day;
        }
        return null;
    }

    /// <summary>"7,1" and "7.1" → "n:7.1"; "32.000", "32,000" → "n:32000"; years → "y:2024"; lone digits are ignored.</summary>
    internal static string? Number(string token)
    {
        var groups = token.Split('.', ',');
        string digits;
        if (groups.Length == 1) digits = token;
        else if (groups.Skip(1).All(g => g.Length == 3) && groups[0].Length <= 3 && !(groups.Length == 2 && groups[0] == "0"))
            digits = string.Concat(groups);
        else if (groups.Length == 2) digits = groups[0] + "." + groups[1];
        else return null;
        if (!decimal.TryParse(digits, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)) return null;
        if (!digits.Contains('.') && value < 10) return null;
        if (!digits.Contains('.') && value is >= 1900 and <= 2100) return "y:" + digits;
        return "n:" + value.ToString(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// A spelling-tolerant form of a name: c, k and q alike, s and z alike, vowels and h dropped (a leading vowel kept
    /// as one mark), doubles collapsed. "Japan", "Japón" → "jpn"; "Turquía", "Türkei", "Turkey" → "trk".
    /// </summary>
    internal static string Skeleton(string folded)
    {
        var output = new System.Text.StringBuilder(folded.Length);
        var last = '\0';
        for (var i = 0; i < folded.Length; i++)
        {
            var c = folded[i];
            if (c == 'p' && i + 1 < folded.Length && folded[i + 1] == 'h') c = 'f';
            char mapped = c switch
            {
                'c' or 'k' or 'q' => 'k',
                'z' => 's',
                'w' => 'v',
                'a' or 'e' or 'i' or 'o' or 'u' or 'y' => i == 0 ? '*' : '\0',
                'h' => '\0',
                _ => char.IsDigit(c) ? '\0' : c,
            };
            if (mapped == '\0' || mapped == last) { if (mapped == '\0' && c != 'h') last = '\0'; continue; }
            output.Append(mapped);
            last = mapped;
        }
        return output.ToString();
    }

    /// <summary>The 64 smallest hashes of the original text's word 4-shingles (a bottom-k sketch).</summary>
    private static uint[] Sketch(StoryText original)
    {
        var words = new List<string>();
        foreach (var part in Parts(original))
            foreach (Match match in Token().Matches(part)) words.Add(Transliteration.Fold(match.Value));
        var hashes = new SortedSet<uint>();
        for (var i = 0; i + 4 <= words.Count; i++)
        {
            hashes.Add(Fnv(words, i, 4));
            if (hashes.Count > SketchSize) hashes.Remove(hashes.Max);
        }
        return hashes.ToArray();
    }

    private static uint Fnv(List<string> words, int start, int count)
    {
        var hash = 2166136261u;
        for (var w = start; w < start + count; w++)
        {
            foreach (var c in words[w]) hash = (hash ^ c) * 16777619u;
            hash = (hash ^ ' ') * 16777619u;
        }
        return hash;
    }
}
