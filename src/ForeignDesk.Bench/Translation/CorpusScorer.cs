using System.Text;
using System.Text.RegularExpressions;

namespace ForeignDesk.Bench.Translation;

/// <summary>
/// Corpus BLEU and chrF2 with one reference, computed exactly as the bench's <c>score.py</c> does by default
/// (sacreBLEU's defaults): BLEU with mteval-v13a tokenisation, 1-4-grams, clipped counts summed over the corpus,
/// brevity penalty, no smoothing; chrF with character 1-6-grams, whitespace removed, beta 2, statistics summed
/// over the corpus and precision and recall averaged over the orders that occur.
/// </summary>
public static partial class CorpusScorer
{
    private const int MaxN = 4;
    private const int CharOrder = 6;
    private const double Beta = 2.0;

    public static double Bleu(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references)
    {
        Check(hypotheses, references);
        var correct = new long[MaxN];
        var total = new long[MaxN];
        long sysLen = 0, refLen = 0;
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var h = Tokenize13a(hypotheses[i].TrimEnd());
            var r = Tokenize13a(references[i].TrimEnd());
            sysLen += h.Count;
            refLen += r.Count;
            var refGrams = NGrams(r);
            foreach (var (gram, (count, n)) in NGrams(h))
            {
                total[n - 1] += count;
                correct[n - 1] += Math.Min(count, refGrams.TryGetValue(gram, out var c) ? c.Count : 0);
            }
        }

        var bp = sysLen < refLen ? (sysLen > 0 ? Math.Exp(1.0 - (double)refLen / sysLen) : 0.0) : 1.0;
        if (correct[0] == 0) return 0.0;
        var precisions = new double[MaxN];
        for (var n = 0; n < MaxN; n++)
            precisions[n] = total[n] == 0 || correct[n] == 0 ? 0.0 : 100.0 * correct[n] / total[n];
        if (precisions.Any(p => p <= 0.0)) return 0.0;
        var sum = 0.0;
        foreach (var p in precisions) sum += Math.Log(p);
        return bp * Math.Exp(sum / MaxN);
    }

    public static double ChrF(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references)
    {
        Check(hypotheses, references);
        var stats = new long[3 * CharOrder];
        for (var i = 0; i < hypotheses.Count; i++)
        {
            var h = CharNGrams(hypotheses[i]);
            var r = CharNGrams(references[i]);
            for (var n = 0; n < CharOrder; n++)
            {
                long match = 0;
                foreach (var (gram, count) in h[n])
                {
                    if (r[n].TryGetValue(gram, out var other)) match += Math.Min(count, other);
                }
                stats[3 * n] += h[n].Values.Sum();
                stats[3 * n + 1] += r[n].Values.Sum();
                stats[3 * n + 2] += match;
            }
        }
        return ChrFFromStats(stats);
    }

    /// <summary>mteval-v13a tokenisation, as sacreBLEU's "13a" tokenizer.</summary>
    public static List<string> Tokenize13a(string line)
    {
        line = line.Replace("<skipped>", "").Replace("-\n", "").Replace("\n", " ");
        if (line.Contains('&'))
            line = line.Replace("&quot;", "\"").Replace("&amp;", "&").Replace("&lt;", "<").Replace("&gt;", ">");
        line = " " + line + " ";
        line = Punctuation().Replace(line, " $1 ");
        line = PeriodCommaAfterNonDigit().Replace(line, "$1 $2 ");
        line = PeriodCommaBeforeNonDigit().Replace(line, " $1 $2");
        line = DashAfterDigit().Replace(line, "$1 $2 ");
        return SplitWhitespace(line);
    }

    private static double ChrFFromStats(long[] stats)
    {
        const double eps = 1e-16;
        var factor = Beta * Beta;
        double avgP = 0, avgR = 0;
        var effective = 0;
        for (var i = 0; i < CharOrder; i++)
        {
            long nHyp = stats[3 * i], nRef = stats[3 * i + 1], nMatch = stats[3 * i + 2];
            var p = nHyp > 0 ? (double)nMatch / nHyp : eps;
            var r = nRef > 0 ? (double)nMatch / nRef : eps;
            if (nHyp > 0 && nRef > 0)
            {
                avgP += p;
                avgR += r;
                effective++;
            }
        }
        if (effective == 0) return 0.0;
        avgP /= effective;
        avgR /= effective;
        if (avgP + avgR == 0) return 0.0;
        return 100.0 * (1 + factor) * avgP * avgR / (factor * avgP + avgR);
    }

    private static Dictionary<string, (long Count, int N)> NGrams(List<string> tokens)
    {
        var grams = new Dictionary<string, (long, int)>(StringComparer.Ordinal);
        for (var n = 1; n <= MaxN; n++)
        {
            for (var i = 0; i + n <= tokens.Count; i++)
            {
                var key = string.Join(' ', tokens.GetRange(i, n));
                grams[key] = grams.TryGetValue(key, out var c) ? (c.Item1 + 1, n) : (1, n);
            }
        }
        return grams;
    }

    /// <summary>Character n-gram counts by order, over code points, with whitespace removed (Python's str.split()).</summary>
    private static Dictionary<string, long>[] CharNGrams(string text)
    {
        var joined = string.Concat(SplitWhitespace(text));
        var starts = new List<int>();
        for (var i = 0; i < joined.Length; i += char.IsSurrogatePair(joined, i) ? 2 : 1) starts.Add(i);
        starts.Add(joined.Length);
        var points = starts.Count - 1;
        var result = new Dictionary<string, long>[CharOrder];
        for (var n = 1; n <= CharOrder; n++)
        {
            var counts = new Dictionary<string, long>(StringComparer.Ordinal);
            for (var i = 0; i + n <= points; i++)
            {
                var gram = joined.Substring(starts[i], starts[i + n] - starts[i]);
                counts[gram] = counts.GetValueOrDefault(gram) + 1;
            }
            result[n - 1] = counts;
        }
        return result;
    }

    /// <summary>Python's <c>str.split()</c>: runs of Unicode white space (including U+001C-U+001F) separate words.</summary>
    private static List<string> SplitWhitespace(string text)
    {
        var words = new List<string>();
        var current = new StringBuilder();
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c is >= '\u001c' and <= '\u001f')
            {
                if (current.Length > 0) words.Add(current.ToString());
                current.Clear();
            }
            else current.Append(c);
        }
        if (current.Length > 0) words.Add(current.ToString());
        return words;
    }

    private static void Check(IReadOnlyList<string> hypotheses, IReadOnlyList<string> references)
    {
        if (hypotheses.Count != references.Count)
            throw new ArgumentException($"{hypotheses.Count} hypotheses but {references.Count} references.");
    }

    [GeneratedRegex(@"([\{-\~\[-\` -\&\(-\+\:-\@\/])")]
    private static partial Regex Punctuation();

    [GeneratedRegex(@"([^0-9])([\.,])")]
    private static partial Regex PeriodCommaAfterNonDigit();

    [GeneratedRegex(@"([\.,])([^0-9])")]
    private static partial Regex PeriodCommaBeforeNonDigit();

    [GeneratedRegex(@"([0-9])(-)")]
    private static partial Regex DashAfterDigit();
}
