namespace ForeignDesk.Core;

/// <summary>How a paragraph of one version stands in the next.</summary>
public enum ParagraphChange { Same, Added, Removed, Changed }

/// <summary>One line of a diff: the paragraph before (null when added) and after (null when removed).</summary>
public sealed record ParagraphDiffLine(ParagraphChange Change, Paragraph? Before, Paragraph? After);

/// <summary>
/// A paragraph-level diff of two versions of a text: the longest run of paragraphs the two share, in order, stays;
/// the others are removed or added, and a removed paragraph followed by an added one in the same place is one changed
/// paragraph. Paragraphs are the same when their kind and text are.
/// </summary>
public static class ParagraphDiff
{
    public static IReadOnlyList<ParagraphDiffLine> Of(IReadOnlyList<Paragraph> before, IReadOnlyList<Paragraph> after)
    {
        // The longest common subsequence, by the classic table of suffix lengths; articles have tens of paragraphs.
        var n = before.Count;
        var m = after.Count;
        var common = new int[n + 1, m + 1];
        for (var i = n - 1; i >= 0; i--)
            for (var j = m - 1; j >= 0; j--)
                common[i, j] = Same(before[i], after[j]) ? common[i + 1, j + 1] + 1 : Math.Max(common[i + 1, j], common[i, j + 1]);

        var lines = new List<ParagraphDiffLine>(Math.Max(n, m));
        var removed = new List<Paragraph>();
        var added = new List<Paragraph>();
        void Flush()
        {
            var paired = Math.Min(removed.Count, added.Count);
            for (var k = 0; k < paired; k++) lines.Add(new(ParagraphChange.Changed, removed[k], added[k]));
            for (var k = paired; k < removed.Count; k++) lines.Add(new(ParagraphChange.Removed, removed[k], null));
            for (var k = paired; k < added.Count; k++) lines.Add(new(ParagraphChange.Added, null, added[k]));
            removed.Clear();
            added.Clear();
        }

        int x = 0, y = 0;
        while (x < n || y < m)
        {
            if (x < n && y < m && Same(before[x], after[y]))
            {
                Flush();
                lines.Add(new(ParagraphChange.Same, before[x++], after[y++]));
            }
            else if (y >= m || (x < n && common[x + 1, y] >= common[x, y + 1])) removed.Add(before[x++]);
            else added.Add(after[y++]);
        }
        Flush();
        return lines;
    }

    /// <summary>How many paragraphs were added, removed or changed.</summary>
    public static int ChangedCount(IReadOnlyList<ParagraphDiffLine> diff) => diff.Count(l => l.Change != ParagraphChange.Same);

    private static bool Same(Paragraph a, Paragraph b) =>
        string.Equals(a.Kind, b.Kind, StringComparison.OrdinalIgnoreCase) && string.Equals(a.Text.Trim(), b.Text.Trim(), StringComparison.Ordinal);
}
