using System.Diagnostics;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Discover.Clusters;
using ForeignDesk.Bench.Discovery;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Store.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench discovery [--articles 200000] [--place 5000] [--labelled FILE] [--store FILE]</c>: a generated store of N
/// articles (kept in FILE and reused from it when given); search latency; clustering and related-articles cost per stored article over the
/// newest ones, through the store; B-cubed quality on the labelled multilingual set.
/// </summary>
internal static class DiscoveryBench
{
    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Number("articles", 200000);
        var place = Math.Min(count, context.Number("place", 5000));
        var labelled = Path.GetFullPath(context.Option("labelled") ?? Path.Combine("bench", "clustering", "stories.jsonl"));
        var keep = context.Option("store") is { } kept ? Path.GetFullPath(kept) : null;
        var folder = Directory.CreateTempSubdirectory("foreigndesk-bench-").FullName;
        var database = Path.Combine(folder, "foreigndesk.db");
        try
        {
            var (notReused, migrates) = keep is null ? ("", false) : await BenchStoreFile.TryReuseAsync(keep, count, database, cancellationToken);
            await using var app = context.Compose(folder);
            await context.PrepareStoreAsync(app.Services, cancellationToken);
            var store = (SqliteArticleStore)app.Services.GetRequiredService<IArticleStore>();
            var figures = new List<(string, double)>();

            IReadOnlyList<long> ids;
            if (notReused is null)
            {
                ids = await BenchStoreFile.ArticleIdsAsync(database, cancellationToken);
                if (migrates) await BenchStoreFile.SaveAsync(database, keep!, cancellationToken); // kept as this build migrated it
                Console.WriteLine($"store: {count} synthetic articles reused from {keep}{(migrates ? ", migrated" : "")}");
            }
            else
            {
                if (keep is not null) Console.WriteLine($"store: generating ({notReused})");
                (ids, var insertSeconds) = await GenerateAsync(store, count, cancellationToken);
                Console.WriteLine($"store: {count} synthetic articles inserted and indexed in {insertSeconds:0.0} s");
                if (keep is not null) await BenchStoreFile.SaveAsync(database, keep, cancellationToken);
            }

            var (clusterMs, relatedMs, comparisons, readMs, merges) = await PlaceAsync(store, ids.TakeLast(place).ToList(), context.Progress, cancellationToken);
            Console.WriteLine($"clustering: {clusterMs:0.00} ms per article, {comparisons:0.0} stories compared per article (newest {place}), {merges} stories merged");
            Console.WriteLine($"related: {relatedMs:0.00} ms per article when stored; page read p50 {readMs:0.00} ms");

            if (File.Exists(labelled))
            {
                var (p, r, f, stories) = await LabelledAsync(context, app.Services, labelled, cancellationToken);
                Console.WriteLine($"labelled set {Path.GetFileName(labelled)}: B-cubed F1 {f:0.000} precision {p:0.000} recall {r:0.000}, {stories} stories");
                figures.AddRange([("bcubed_F1", f), ("precision", p), ("recall", r)]);
            }
            else Console.WriteLine($"labelled set: none at {labelled} (give --labelled FILE)");
            figures.AddRange([("cluster_ms", clusterMs), ("related_ms", relatedMs), ("merges", merges)]);

            var (p50, p99) = await SearchAsync(app.Services, new SyntheticNews(11).Queries(400), cancellationToken);
            Console.WriteLine($"search: p50 {p50:0.0} ms, p99 {p99:0.0} ms (400 searches over {count} articles)");
            figures.AddRange([("search_p50_ms", p50), ("search_p99_ms", p99)]);
            var (prefix50, prefix99) = await SearchAsync(app.Services, new SyntheticNews(13).Queries(20, prefixes: true), cancellationToken);
            Console.WriteLine($"prefix search (\"kal*\"): p50 {prefix50:0.0} ms, p99 {prefix99:0.0} ms (20 searches)");
            figures.Add(("prefix_p50_ms", prefix50));
            figures.Add(("articles", count));
            BenchCommand.Summary([.. figures]);
            return 0;
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<(IReadOnlyList<long> Ids, double Seconds)> GenerateAsync(SqliteArticleStore store, int count, CancellationToken cancellationToken)
    {
        var sources = (await store.ListSourcesAsync(cancellationToken)).Select(s => s.Id).ToList();
        for (var i = sources.Count; i < 20; i++)
            sources.Add((await store.AddSourceAsync(new SourceDraft($"Bench outlet {i + 1}", new Uri($"https://bench{i + 1}.example/"), [],
                "es", "News/World", "UTC"), cancellationToken)).Id);
        var articles = new SyntheticNews(7).Generate(count, sources, DateTimeOffset.UtcNow);
        var started = Stopwatch.GetTimestamp();
        var ids = await store.BulkInsertAsync(articles, cancellationToken);
        return (ids, Stopwatch.GetElapsedTime(started).TotalSeconds);
    }

    private static async Task<(double ClusterMs, double RelatedMs, double Comparisons, double ReadMs, long Merges)> PlaceAsync(
        SqliteArticleStore store, IReadOnlyList<long> ids, IWorkProgress progress, CancellationToken cancellationToken)
    {
        var clusterer = new StoryClusterer(store, TimeProvider.System);
        var articles = new List<StoredArticle>(ids.Count);
        foreach (var id in ids) articles.Add(await store.GetArticleAsync(id, cancellationToken) ?? throw new InvalidOperationException($"article {id} missing"));
        using (var placed = progress.Start("articles placed into stories", articles.Count))
        {
            foreach (var article in articles.OrderBy(a => a.PublishedUtc))
            {
                await clusterer.PlaceAsync(article, cancellationToken);
                placed.Add();
            }
        }

        var reads = new List<double>();
        foreach (var id in ids.Where((_, i) => i % Math.Max(1, ids.Count / 200) == 0))
        {
            var started = Stopwatch.GetTimestamp();
            await store.RelatedAsync(id, 5, cancellationToken);
            reads.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        reads.Sort();
        var n = Math.Max(1, ids.Count);
        return (clusterer.ClusterTime.TotalMilliseconds / n, clusterer.RelatedTime.TotalMilliseconds / n,
            (double)clusterer.Comparisons / n, reads.Count == 0 ? 0 : reads[reads.Count / 2], clusterer.Merges);
    }

    private static async Task<(double P, double R, double F, int Stories)> LabelledAsync(BenchContext context, IServiceProvider services, string path, CancellationToken cancellationToken)
    {
        var predicted = await context.ClusterFileAsync(path, services, cancellationToken);
        var gold = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken))
        {
            if (string.IsNullOrWhiteSpace(line)) continue;
            var root = JsonDocument.Parse(line).RootElement;
            if (root.TryGetProperty("cluster", out var cluster)) gold[root.GetProperty("id").GetString()!] = cluster.ToString();
        }
        var (p, r, f) = BCubed.Score(gold, predicted);
        return (p, r, f, predicted.Values.Distinct().Count());
    }

    /// <summary>Search latency of generated searches, a quarter of them newest first, on the filled store.</summary>
    private static Task<(double P50Ms, double P99Ms)> SearchAsync(IServiceProvider services, IReadOnlyList<string> queries, CancellationToken cancellationToken) =>
        SearchBenchmark.RunAsync(services.GetRequiredService<ISearchIndex>(), queries, cancellationToken);
}
