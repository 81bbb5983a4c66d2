using ForeignDesk.Core;

namespace ForeignDesk.Web.ReadModels;

/// <summary>The median and 95th percentile of one delay over a source's articles, and how many articles it is over.</summary>
internal sealed record DelaySpread(int Articles, TimeSpan P50, TimeSpan P95)
{
    /// <summary>The spread of <paramref name="delays"/> by nearest rank (a negative delay, an outlet's clock ahead, counts as none); null when there are none.</summary>
    public static DelaySpread? Of(IEnumerable<TimeSpan> delays)
    {
        var sorted = delays.Select(d => d < TimeSpan.Zero ? TimeSpan.Zero : d).Order().ToList();
        return sorted.Count == 0 ? null : new DelaySpread(sorted.Count, Rank(sorted, 0.50), Rank(sorted, 0.95));
    }

    private static TimeSpan Rank(List<TimeSpan> sorted, double quantile) =>
        sorted[Math.Clamp((int)Math.Ceiling(quantile * sorted.Count) - 1, 0, sorted.Count - 1)];
}

/// <summary>
/// A source's delays over its recent articles: from the outlet's publication to ForeignDesk's first sight (articles whose
/// outlet gave a time), from first sight to translation (translated articles), and from publication to translation.
/// </summary>
internal sealed record SourceDelays(long SourceId, int Articles, DelaySpread? Seen, DelaySpread? Translated, DelaySpread? Total)
{
    public static IReadOnlyDictionary<long, SourceDelays> Of(IEnumerable<ArticleTimes> times) =>
        times.GroupBy(t => t.SourceId).ToDictionary(g => g.Key, g => new SourceDelays(g.Key, g.Count(),
            DelaySpread.Of(g.Where(t => t.PublishedUtc is not null).Select(t => t.FirstSeenUtc - t.PublishedUtc!.Value)),
            DelaySpread.Of(g.Where(t => t.TranslatedUtc is not null).Select(t => t.TranslatedUtc!.Value - t.FirstSeenUtc)),
            DelaySpread.Of(g.Where(t => t.PublishedUtc is not null && t.TranslatedUtc is not null).Select(t => t.TranslatedUtc!.Value - t.PublishedUtc!.Value))));
}
