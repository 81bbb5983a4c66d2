using System.Globalization;
using System.Text;

namespace ForeignDesk.Bench.Extraction;

/// <summary>Figures of an extraction benchmark run: macro precision and recall over 4-token shingles, and exact match.</summary>
public sealed record ExtractionFigures(double F1, double Precision, double Recall, double Accuracy, int Pages, int EmptyPredictions);

/// <summary>
/// The article-extraction benchmark's metric (its <c>score.py</c>): tokens are the matches of Python's Unicode
/// <c>\w+</c>, each text a multiset of 4-token shingles; per page TP, FP and FN are normalised by their sum;
/// precision is averaged over pages with predicted shingles, recall over pages with true shingles; accuracy is the
/// share of pages whose token sequence equals the truth's.
/// </summary>
public static class ExtractionScore
{
    private const int ShingleSize = 4;

    public static ExtractionFigures Score(IReadOnlyDictionary<string, string> truth, IReadOnlyDictionary<string, string> predictions)
    {
        ArgumentNullException.ThrowIfNull(truth);
        ArgumentNullException.ThrowIfNull(predictions);
        var precisions = new List<double>();
        var recalls = new List<double>();
        var exact = 0;
        var empty = 0;
        foreach (var id in truth.Keys.Order(StringComparer.Ordinal))
        {
            var trueTokens = Words(truth[id]);
            var predTokens = Words(predictions.GetValueOrDefault(id));
            var (tp, fp, fn) = PageCounts(trueTokens, predTokens);
            if (tp + fp > 0) precisions.Add(tp / (tp + fp));
            if (tp + fn > 0) recalls.Add(tp / (tp + fn));
            if (trueTokens.SequenceEqual(predTokens, StringComparer.Ordinal)) exact++;
            if (predTokens.Count == 0) empty++;
        }
        var precision = precisions.Count > 0 ? precisions.Average() : 0;
        var recall = recalls.Count > 0 ? recalls.Average() : 0;
        var f1 = precision + recall > 0 ? 2 * precision * recall / (precision + recall) : 0;
        var accuracy = truth.Count > 0 ? (double)exact / truth.Count : 0;
        return new ExtractionFigures(f1, precision, recall, accuracy, truth.Count, empty);
    }

    /// <summary>Precision, recall and exact match of one page, for per-page study.</summary>
    public static (double Precision, double Recall, bool Exact) Page(string truth, string? prediction)
    {
        var t = Words(truth);
        var p = Words(prediction);
        var (tp, fp, fn) = PageCounts(t, p);
        return (tp + fp > 0 ? tp / (tp + fp) : 0, tp + fn > 0 ? tp / (tp + fn) : 0, t.SequenceEqual(p, StringComparer.Ordinal));
    }

    /// <summary>Python's <c>re.findall(r"\w+", text)</c>: runs of letters, numbers (any N category) and underscores, by code point.</summary>
    public static List<string> Words(string? text)
    {
        var words = new List<string>();
        if (string.IsNullOrEmpty(text)) return words;
        var current = new StringBuilder();
        foreach (var rune in text.EnumerateRunes())
        {
            if (IsWord(rune)) current.Append(rune.ToString());
            else if (current.Length > 0)
            {
                words.Add(current.ToString());
                current.Clear();
            }
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static bool IsWord(Rune rune)
    {
        if (rune.Value == '_') return true;
        return Rune.GetUnicodeCategory(rune) switch
        {
            UnicodeCategory.UppercaseLetter or UnicodeCategory.LowercaseLetter or UnicodeCategory.TitlecaseLetter
                or UnicodeCategory.ModifierLetter or UnicodeCategory.OtherLetter
                or UnicodeCategory.DecimalDigitNumber or UnicodeCategory.LetterNumber or UnicodeCategory.OtherNumber => true,
            _ => false,
        };
    }

    private static (double Tp, double Fp, double Fn) PageCounts(List<string> truth, List<string> prediction)
    {
        var t = Shingles(truth);
        var p = Shingles(prediction);
        long shared = 0, extra = 0, missed = 0;
        foreach (var (key, count) in p)
        {
            var other = t.GetValueOrDefault(key);
            shared += Math.Min(count, other);
            extra += Math.Max(0, count - other);
        }
        foreach (var (key, count) in t) missed += Math.Max(0, count - p.GetValueOrDefault(key));
        double total = shared + extra + missed;
        return total == 0 ? (0, 0, 0) : (shared / total, extra / total, missed / total);
    }

    private static Dictionary<string, int> Shingles(List<string> list)
    {
        var tokens = list.ToArray();
        var bag = new Dictionary<string, int>(StringComparer.Ordinal);
        if (tokens.Length == 0) return bag;
        if (tokens.Length < ShingleSize)
        {
            bag[string.Join('\u0001', tokens)] = 1;
            return bag;
        }
        for (var i = 0; i + ShingleSize <= tokens.Length; i++)
        {
            var key = string.Join('\u0001', tokens, i, ShingleSize);
            bag[key] = bag.GetValueOrDefault(key) + 1;
        }
        return bag;
    }
}
