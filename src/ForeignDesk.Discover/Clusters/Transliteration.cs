using System.Globalization;
using System.Text;

namespace ForeignDesk.Discover.Clusters;

/// <summary>
/// Folds a word to Latin lower case without diacritics: "Zürich" → "zurich", "Зеленский" → "zelenskii",
/// "Αθήνα" → "athina". Cyrillic, Greek, Arabic and Hebrew go through small letter tables; other scripts stay as they are.
/// </summary>
internal static class Transliteration
{
    private static readonly Dictionary<char, string> Letters = Build();

    public static string Fold(string word)
    {
        var builder = new StringBuilder(word.Length + 4);
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue;
            var lower = char.ToLowerInvariant(c);
            if (Letters.TryGetValue(lower, out var latin)) builder.Append(latin);
            else if (char.IsLetterOrDigit(lower)) builder.Append(lower);
        }
        return builder.ToString();
    }

    private static Dictionary<char, string> Build()
    {
        var table = new Dictionary<char, string>
        {
            ['ß'] = "ss", ['æ'] = "ae", ['ø'] = "o", ['œ'] = "oe", ['ł'] = "l", ['đ'] = "d", ['ı'] = "i", ['þ'] = "th",
        };
        Add(table, "абвгдезийклмнопрстуфыэ", "a b v g d e z i i k l m n o p r s t u f y e");
        Add(table, "ёжхцчшщъьюяіїєґ", "e zh kh ts ch sh shch _ _ yu ya i i e g");
        Add(table, "αβγδεζηθικλμνξοπρσςτυφχψω", "a v g d e z i th i k l m n x o p r s s t y f ch ps o");
        Add(table, "ابتثجحخدذرزسشصضطظعغفقكلمنهويىةء", "a b t th j h kh d dh r z s sh s d t z _ gh f q k l m n h w y a a _");
        Add(table, "אבגדהוזחטיכךלמםנןסעפףצץקרשת", "a b g d h v z kh t y k k l m m n n s _ p f ts ts k r sh t");
        return table;
    }

    private static void Add(Dictionary<char, string> table, string letters, string latin)
    {
        var parts = latin.Split(' ');
        for (var i = 0; i < letters.Length; i++) table[letters[i]] = parts[i] == "_" ? "" : parts[i];
    }
}
