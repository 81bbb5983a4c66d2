namespace ForeignDesk.Discover.Categories;

/// <summary>
/// Multinomial naive Bayes over the words of an English text, with add-one smoothing. Trained once from labelled
/// texts; immutable afterwards, so one instance serves every thread.
/// </summary>
public sealed class NaiveBayesClassifier
{
    private readonly Dictionary<string, double> _logPrior;
    private readonly Dictionary<string, Dictionary<string, double>> _logLikelihood;
    private readonly Dictionary<string, double> _logUnseen;

    private NaiveBayesClassifier(Dictionary<string, double> logPrior, Dictionary<string, Dictionary<string, double>> logLikelihood,
        Dictionary<string, double> logUnseen, int examples)
    {
        _logPrior = logPrior;
        _logLikelihood = logLikelihood;
        _logUnseen = logUnseen;
        Examples = examples;
    }

    public int Examples { get; }

    public IReadOnlyCollection<string> Categories => _logPrior.Keys;

    public static NaiveBayesClassifier Train(IEnumerable<(string Text, string Category)> examples)
    {
        var documents = new Dictionary<string, int>(StringComparer.Ordinal);
        var counts = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var vocabulary = new HashSet<string>(StringComparer.Ordinal);
        var total = 0;
        foreach (var (text, category) in examples)
        {
            total++;
            documents[category] = documents.GetValueOrDefault(category) + 1;
            if (!counts.TryGetValue(category, out var words)) counts[category] = words = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var word in TextWords.Of(text))
            {
                words[word] = words.GetValueOrDefault(word) + 1;
                vocabulary.Add(word);
            }
        }

        var logPrior = documents.ToDictionary(d => d.Key, d => Math.Log((double)d.Value / total), StringComparer.Ordinal);
        var logLikelihood = new Dictionary<string, Dictionary<string, double>>(StringComparer.Ordinal);
        var logUnseen = new Dictionary<string, double>(StringComparer.Ordinal);
        foreach (var (category, words) in counts)
        {
            var denominator = Math.Log(words.Values.Sum() + vocabulary.Count + 1.0);
            logLikelihood[category] = words.ToDictionary(w => w.Key, w => Math.Log(w.Value + 1.0) - denominator, StringComparer.Ordinal);
            logUnseen[category] = -denominator;
        }
        return new NaiveBayesClassifier(logPrior, logLikelihood, logUnseen, total);
    }

    /// <summary>The most likely category and its posterior probability (0..1); null when the model or the text is empty.</summary>
    public (string Category, double Probability)? Predict(string text)
    {
        if (_logPrior.Count == 0) return null;
        var words = TextWords.Of(text).ToList();
        if (words.Count == 0) return null;
        var scores = _logPrior.ToDictionary(p => p.Key, p => p.Value + words.Sum(w =>
            _logLikelihood[p.Key].TryGetValue(w, out var l) ? l : _logUnseen[p.Key]));
        var best = scores.MaxBy(s => s.Value);
        var normalizer = scores.Values.Sum(s => Math.Exp(s - best.Value));
        return (best.Key, 1.0 / normalizer);
    }
}
