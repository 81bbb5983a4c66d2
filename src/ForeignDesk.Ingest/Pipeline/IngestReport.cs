namespace ForeignDesk.Ingest.Pipeline;

/// <summary>
/// What one pass over the sources did; counters are safe to bump from several jobs at once. The jobs a pass runs count
/// into the report of the pass that runs them (<see cref="Collect"/>); jobs a worker runs count only in the metrics.
/// </summary>
public sealed class IngestReport
{
    private static readonly AsyncLocal<IngestReport?> Collecting = new();

    /// <summary>The report the jobs running in this flow count into, if any.</summary>
    internal static IngestReport? Current => Collecting.Value;

    /// <summary>Jobs run in this flow until the result is disposed count into <paramref name="report"/>.</summary>
    public static IDisposable Collect(IngestReport report)
    {
        var before = Collecting.Value;
        Collecting.Value = report;
        return new Restore(before);
    }

    private sealed class Restore(IngestReport? before) : IDisposable
    {
        public void Dispose() => Collecting.Value = before;
    }

    private int _sources, _feedsFailed, _items, _created, _updated, _unchanged, _failed, _translated, _awaitingEngine;

    public int Sources => _sources;
    public int FeedsFailed => _feedsFailed;
    public int Items => _items;
    public int Created => _created;
    public int Updated => _updated;
    public int Unchanged => _unchanged;
    public int Failed => _failed;
    public int Translated => _translated;
    public int AwaitingEngine => _awaitingEngine;

    internal void SourcePolled() => Interlocked.Increment(ref _sources);
    internal void FeedFailed() => Interlocked.Increment(ref _feedsFailed);
    internal void ItemSeen() => Interlocked.Increment(ref _items);
    internal void ArticleCreated() => Interlocked.Increment(ref _created);
    internal void ArticleUpdated() => Interlocked.Increment(ref _updated);
    internal void ArticleUnchanged() => Interlocked.Increment(ref _unchanged);
    internal void ArticleFailed() => Interlocked.Increment(ref _failed);
    internal void ArticleTranslated() => Interlocked.Increment(ref _translated);
    internal void ArticleAwaitingEngine() => Interlocked.Increment(ref _awaitingEngine);

    public override string ToString() =>
        $"sources {Sources} feeds_failed {FeedsFailed} items {Items} created {Created} updated {Updated} " +
        $"unchanged {Unchanged} failed {Failed} translated {Translated} awaiting_engine {AwaitingEngine}";
}
