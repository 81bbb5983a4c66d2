namespace ForeignDesk.Bench.Latency;

/// <summary>What one latency run saw: the world, each page first served (its article and when), and the audit.</summary>
internal sealed class LatencyRun(SimulatedWorld world, IReadOnlyCollection<(int? Index, long ServedAt)> served, TimeSpan ran, double peakMb, WorldAudit audit)
{
    private List<double>? _processing;
    private List<double>? _publication;
    private List<double>? _pushed;

    public SimulatedWorld World => world;
    public IReadOnlyCollection<(int? Index, long ServedAt)> Served => served;
    public TimeSpan Ran => ran;
    public double PeakMb => peakMb;
    public WorldAudit Audit => audit;

    /// <summary>Seconds from the first feed response listing an article to its page served, ascending.</summary>
    public IReadOnlyList<double> Processing => Split().Processing;

    /// <summary>Seconds from publication to the page served, for polled outlets, ascending.</summary>
    public IReadOnlyList<double> Publication => Split().Publication;

    /// <summary>Seconds from publication to the page served, for outlets that ping a WebSub hub, ascending.</summary>
    public IReadOnlyList<double> Pushed => Split().Pushed;

    /// <summary>The value at <paramref name="percent"/> of an ascending list (nearest rank); NaN for an empty one.</summary>
    public static double Percentile(IReadOnlyList<double> sorted, int percent) =>
        sorted.Count == 0 ? double.NaN : sorted[Math.Clamp((int)Math.Ceiling(percent / 100.0 * sorted.Count) - 1, 0, sorted.Count - 1)];

    private (List<double> Processing, List<double> Publication, List<double> Pushed) Split()
    {
        if (_processing is not null) return (_processing, _publication!, _pushed!);
        var processing = new List<double>();
        var publication = new List<double>();
        var pushed = new List<double>();
        foreach (var (index, servedAt) in served)
        {
            if (index is not { } i) continue;
            var article = world.Schedule[i];
            (world.NamesHub(article.Outlet) ? pushed : publication)
                .Add((TimeProvider.System.GetElapsedTime(world.StartTimestamp, servedAt) - article.PublishedAt).TotalSeconds);
            if (world.FirstListed(i) is { } listed) processing.Add(TimeProvider.System.GetElapsedTime(listed, servedAt).TotalSeconds);
        }

        processing.Sort();
        publication.Sort();
        pushed.Sort();
        (_processing, _publication, _pushed) = (processing, publication, pushed);
        return (processing, publication, pushed);
    }
}
