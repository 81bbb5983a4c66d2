namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>Splits segments into runs that keep within a provider's limits on segments and characters per request.</summary>
internal static class SegmentBatches
{
    /// <param name="indices">Positions of the segments to send, in order.</param>
    /// <returns>Runs of positions; a segment longer than <paramref name="maxCharacters"/> goes alone.</returns>
    public static IEnumerable<IReadOnlyList<int>> Split(
        IReadOnlyList<string> segments, IReadOnlyList<int> indices, int maxSegments, int maxCharacters)
    {
        var batch = new List<int>();
        var size = 0;
        foreach (var index in indices)
        {
            var length = segments[index].Length;
            if (batch.Count > 0 && (batch.Count >= maxSegments || size + length > maxCharacters))
            {
                yield return batch;
                batch = [];
                size = 0;
            }
            batch.Add(index);
            size += length;
        }
        if (batch.Count > 0) yield return batch;
    }
}
