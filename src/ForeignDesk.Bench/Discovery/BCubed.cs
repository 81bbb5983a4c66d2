namespace ForeignDesk.Bench.Discovery;

/// <summary>B-cubed precision, recall and F1 of a clustering against gold labels, as <c>bench/clustering/score.py</c> computes them.</summary>
public static class BCubed
{
    /// <param name="gold">Every scored article's gold story.</param>
    /// <param name="predicted">Predicted cluster per article; a missing article counts as a cluster of its own.</param>
    public static (double Precision, double Recall, double F1) Score(
        IReadOnlyDictionary<string, string> gold, IReadOnlyDictionary<string, string> predicted)
    {
        if (gold.Count == 0) return (0, 0, 0);
        string Predicted(string id) => predicted.TryGetValue(id, out var label) ? "label:" + label : "missing:" + id;
        var goldSize = gold.GroupBy(g => g.Value).ToDictionary(g => g.Key, g => g.Count());
        var predSize = gold.Keys.GroupBy(Predicted).ToDictionary(g => g.Key, g => g.Count());
        var cells = gold.GroupBy(g => (Gold: g.Value, Pred: Predicted(g.Key))).Select(g => (g.Key.Gold, g.Key.Pred, Count: g.Count()));
        double p = 0, r = 0;
        foreach (var (g, q, c) in cells)
        {
            p += (double)c * c / predSize[q];
            r += (double)c * c / goldSize[g];
        }
        p /= gold.Count;
        r /= gold.Count;
        return (p, r, p + r == 0 ? 0 : 2 * p * r / (p + r));
    }
}
