using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using ForeignDesk.Bench.Postgres;
using ForeignDesk.Bench.Web;
using ForeignDesk.Core;
using ForeignDesk.Store;
using ForeignDesk.Store.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Bench;

/// <summary>
/// <c>bench web [--articles 1000000] [--store FILE] [--store-engine sqlite|postgres] [--connection-string CS] [--clients 50] [--seconds 10]
/// [--warmup 5] [--sample 20000] [--paragraphs 8] [--kinds cold,search]</c>: a generated month of news (or FILE, kept and reused as <c>bench discovery</c> does; or,
/// with postgres, the same store bulk-loaded into a new database on CS or on a throwaway local cluster) served by the real site in its own process
/// on 127.0.0.1 (<c>serve --no-pipeline</c>) and, for comparison, the pages saved as files served by nginx; each page
/// kind loaded by wrk with N clients for S seconds, after W seconds unmeasured on the site (articles, lists, search, status, the API, the site's and a category's
/// RSS feed, the sitemap index and a day's sitemap). Prints requests per second, p50 and p99 per kind, the hot article
/// against nginx, the site's peak resident set, and bytes per article; per kind, the site's garbage collections, their
/// pauses, its allocations and store connections per request, and its thread pool (<see cref="SiteRuntime"/>). With
/// <c>--kinds</c> only the named page kinds are loaded (nginx's copy goes with <c>hot</c>); the summary gives NaN for the others.
/// </summary>
internal static class WebBench
{
    public static async Task<int> RunAsync(BenchContext context, CancellationToken cancellationToken)
    {
        var count = context.Number("articles", 1_000_000);
        var clients = context.Number("clients", 50);
        var length = TimeSpan.FromSeconds(context.Number("seconds", 10));
        var warmup = TimeSpan.FromSeconds(context.Number("warmup", 5));
        var sample = context.Number("sample", 20_000);
        var paragraphs = context.Number("paragraphs", SyntheticNews.BodyParagraphs);
        if (warmup < TimeSpan.Zero) throw new BenchUsageException("--warmup must be 0 or more");
        if (count < 1 || clients < 1 || length <= TimeSpan.Zero || sample < 1 || paragraphs < 1)
            throw new BenchUsageException("--articles, --clients, --seconds, --sample and --paragraphs must be positive");
        var kinds = Kinds(context.Option("kinds"));
        var engine = context.Option("store-engine") ?? "sqlite";
        if (engine is not ("sqlite" or "postgres")) throw new BenchUsageException($"--store-engine takes sqlite or postgres, not '{engine}'");
        var keep = context.Option("store") is { } kept ? Path.GetFullPath(kept) : null;
        if (engine == "postgres" && keep is not null)
            throw new BenchUsageException("--store FILE keeps a SQLite store; with --store-engine postgres the store is generated in a new database each run");
        if (engine == "sqlite" && context.Has("connection-string")) throw new BenchUsageException("--connection-string goes with --store-engine postgres");
        await DebianTools.EnsureAsync("wrk", "wrk", cancellationToken);
        await DebianTools.EnsureAsync("nginx", "nginx-light", cancellationToken);

        var folder = Directory.CreateTempSubdirectory("foreigndesk-web-").FullName;
        var database = $"foreigndesk_web_{Environment.ProcessId}";
        await using var postgres = engine == "postgres" ? await BenchPostgres.OpenAsync(context, cancellationToken) : null;
        try
        {
            // The store both the bench and the site process are given: the data folder's SQLite file, or the run's database.
            var storeSettings = new Dictionary<string, string?>();
            if (postgres is not null)
            {
                Console.WriteLine($"store engine: {postgres.Description}, database {database}");
                storeSettings["ForeignDesk:Store:Provider"] = "PostgreSQL";
                storeSettings["ForeignDesk:Store:ConnectionString"] = await postgres.CreateDatabaseAsync(database, cancellationToken);
            }
            // A kept SQLite store is copied in before the store is prepared, so that preparing it migrates the copy.
            var (notReused, migrates) = postgres is not null || keep is null ? ("", false)
                : await BenchStoreFile.TryReuseAsync(keep, count, StoreServiceCollectionExtensions.SqliteFile(folder), cancellationToken);
            WebPages pages;
            double bytesPerArticle;
            await using (var app = context.Compose(folder, settings: new Dictionary<string, string?>(storeSettings)
            {
                ["Logging:LogLevel:Default"] = "Warning",
                ["ForeignDesk:Sources:DefaultFile"] = "",
            }))
            {
                await context.PrepareStoreAsync(app.Services, cancellationToken);
                var store = app.Services.GetRequiredService<IArticleStore>();
                IReadOnlyList<long> ids;
                if (postgres is null)
                {
                    (bytesPerArticle, ids) = await PrepareSqliteAsync((SqliteArticleStore)store, folder, keep, (notReused, migrates), count, paragraphs, cancellationToken);
                }
                else
                {
                    var connectionString = storeSettings["ForeignDesk:Store:ConnectionString"]!;
                    await using (var writer = new PostgresGeneratedStoreWriter(connectionString))
                        await GenerateAsync(store, writer, count, paragraphs, cancellationToken);
                    bytesPerArticle = await ReportPostgresSizeAsync(connectionString, count, cancellationToken);
                    ids = await store.AllArticleIdsAsync(cancellationToken);
                }
                pages = await WebPages.PickAsync(store, app.Services.GetRequiredService<IStoryStore>(), ids, Math.Min(sample, ids.Count),
                    new SyntheticNews(23).EnglishWords, DateTimeOffset.UtcNow, cancellationToken);
            }
            SqliteConnection.ClearAllPools();

            try
            {
                await using var site = await SiteProcess.StartAsync(folder, LoopbackPort.Free(), storeSettings, cancellationToken);
                return await LoadAsync(folder, site, postgres is null ? () => null : postgres.ServerCpu, pages, kinds, clients, (warmup, length), count,
                    bytesPerArticle, context.Progress, cancellationToken);
            }
            catch (InvalidOperationException ex)
            {
                // A page that does not answer 200, the site, nginx or wrk failing: the bench cannot measure, and says why.
                Console.Error.WriteLine($"foreigndesk: bench web: {ex.Message}");
                return 1;
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (postgres is not null) await postgres.DropDatabaseAsync(database);
            Directory.Delete(folder, recursive: true);
        }
    }

    /// <summary>The SQLite store: <paramref name="keep"/> reused when it fits, else generated (and kept when asked); its size and article ids.</summary>
    /// <param name="reuse">Whether the kept store was copied in (<c>NotReused</c> null), and whether preparing it migrated it.</param>
    private static async Task<(double BytesPerArticle, IReadOnlyList<long> Ids)> PrepareSqliteAsync(SqliteArticleStore store, string folder, string? keep,
        (string? NotReused, bool Migrates) reuse, int count, int paragraphs, CancellationToken cancellationToken)
    {
        var database = StoreServiceCollectionExtensions.SqliteFile(folder);
        var (notReused, migrates) = reuse;
        if (notReused is null)
        {
            if (migrates) await BenchStoreFile.SaveAsync(database, keep!, cancellationToken);
            Console.WriteLine($"store: {count} articles reused from {keep}{(migrates ? ", migrated" : "")}");
        }
        else
        {
            if (keep is not null) Console.WriteLine($"store: generating ({notReused})");
            await GenerateAsync(store, new SqliteGeneratedStoreWriter(store), count, paragraphs, cancellationToken);
            if (keep is not null) await BenchStoreFile.SaveAsync(database, keep, cancellationToken);
        }
        return (await ReportSizeAsync(database, count, cancellationToken), await BenchStoreFile.ArticleIdsAsync(database, cancellationToken));
    }

    private static async Task GenerateAsync(IArticleStore store, IGeneratedStoreWriter writer, int count, int paragraphs, CancellationToken cancellationToken)
    {
        var loadBefore = BenchCommand.LoadAverage();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var made = await new WebStoreGenerator(store, writer, TimeProvider.System).GenerateAsync(count, paragraphs, cancellationToken);
        var cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"store: {made.Articles} articles ({paragraphs} paragraphs of about 47 words each) from {WebStoreGenerator.Outlets} outlets over {WebStoreGenerator.Days} days in {made.ArticleTime.TotalSeconds:0.0} s ({made.Articles / made.ArticleTime.TotalSeconds:0} articles/s, search index included; writing the text took {made.WritingTime.TotalSeconds:0.0} s of it on a second thread), {made.Stories} stories in {made.StoryTime.TotalSeconds:0.0} s, {made.Views} views in {made.ViewTime.TotalSeconds:0.0} s, indexes and statistics in {made.CompletionTime.TotalSeconds:0.0} s"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"generation: {made.Articles / made.Total.TotalSeconds:0} articles/s in all, {cpu:0.0} s of this process's CPU time ({made.Articles / cpu:0} articles per CPU second); machine load average {loadBefore} before, {BenchCommand.LoadAverage()} after"));
    }

    /// <summary>Prints the PostgreSQL store's size, in all and by table and index; returns its bytes per article.</summary>
    private static async Task<double> ReportPostgresSizeAsync(string connectionString, int count, CancellationToken cancellationToken)
    {
        var size = await PostgresStoreSize.MeasureAsync(connectionString, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"size: {size.DatabaseBytes / 1048576.0:0.0} MB database, {size.DatabaseBytes / (double)count:0} bytes per article"));
        Console.WriteLine("size by part: " + string.Join(", ", size.Parts.Take(10).Select(p =>
            string.Create(CultureInfo.InvariantCulture, $"{p.Part} {p.Bytes / (double)count:0} B/article"))));
        return size.DatabaseBytes / (double)count;
    }

    /// <summary>Prints the store's size, in all and by part; returns its bytes per article, write-ahead log included.</summary>
    private static async Task<double> ReportSizeAsync(string database, int count, CancellationToken cancellationToken)
    {
        var size = await StoreSize.MeasureAsync(database, cancellationToken);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"size: {size.FileBytes / 1048576.0:0.0} MB ({size.DatabaseBytes / 1048576.0:0.0} MB database, {size.WalBytes / 1048576.0:0.0} MB write-ahead log), {size.FileBytes / (double)count:0} bytes per article ({size.DatabaseBytes / (double)count:0} without the log; free pages, reused by later writes, {size.FreeBytes / (double)count:0} of it)"));
        Console.WriteLine(size.Parts.Count == 0 ? "size by part: unavailable (no SQLite here has dbstat)"
            : "size by part: " + string.Join(", ", size.Parts.Take(8).Select(p =>
                string.Create(CultureInfo.InvariantCulture, $"{p.Part} {p.Bytes / (double)count:0} B/article"))));
        return size.FileBytes / (double)count;
    }

    /// <summary>The site's resident set and its peak so far, after a kind loaded on the site: where the peak was reached.</summary>
    private static string SiteMemory(SiteProcess site, bool loadedSite) =>
        loadedSite && site.ResidentBytes() is { } now && site.PeakBytes() is { } peak
            ? string.Create(CultureInfo.InvariantCulture, $"   site {now / 1048576.0:0} MB (peak {peak / 1048576.0:0})")
            : "";

    /// <summary>The site's and the store server's CPU time per request over one kind's load, when the site was loaded.</summary>
    private static string CpuPerRequest(TimeSpan? site, TimeSpan? server, long requests) =>
        requests == 0 || site is not { } own ? ""
            : string.Create(CultureInfo.InvariantCulture, $"   cpu/req site {own.TotalMilliseconds / requests:0.000} ms")
              + (server is { } store ? string.Create(CultureInfo.InvariantCulture, $" + postgres {store.TotalMilliseconds / requests:0.000} ms") : "");

    /// <param name="serverCpu">The store server's CPU time so far (a throwaway PostgreSQL cluster's); null where none is measured.</param>
    /// <param name="runs">Each site kind's unmeasured first load, which lets the site compile what the kind runs, and its measured load.</param>
    private static async Task<int> LoadAsync(string folder, SiteProcess siteProcess, Func<TimeSpan?> serverCpu, WebPages pages,
        IReadOnlySet<string>? kinds, int clients,
        (TimeSpan Warmup, TimeSpan Length) runs, int articles, double bytesPerArticle, IWorkProgress progress, CancellationToken cancellationToken)
    {
        var (warmup, length) = runs;
        var site = siteProcess.Url;
        var www = Directory.CreateDirectory(Path.Combine(folder, "www")).FullName;
        using var http = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false }) { BaseAddress = site, Timeout = TimeSpan.FromMinutes(2) };
        var fixedPages = new (string Name, string Path)[]
        {
            ("hot", pages.HotArticle), ("home", "/"), ("day", pages.Day), ("category", pages.Category), ("source", pages.Source),
            ("story", pages.Story), ("search", pages.Searches[0]), ("status", "/status"),
            ("api_article", pages.ApiArticles[0]), ("api_list", pages.ApiLists[0]), ("api_search", pages.ApiSearches[0]),
            ("feed", WebPages.SiteFeed), ("cat_feed", pages.CategoryFeed), ("sitemap", WebPages.SitemapIndex), ("day_map", pages.DaySitemap),
        };
        // Each page once, as a reader would first see it; saved as the static copy nginx serves.
        foreach (var (name, path) in fixedPages)
        {
            using var response = await http.GetAsync(path, cancellationToken);
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
                throw new InvalidOperationException($"{path} answered {(int)response.StatusCode}, not 200");
            if (response.Content.Headers.ContentType?.MediaType == "text/html") await File.WriteAllBytesAsync(Path.Combine(www, name + ".html"), body, cancellationToken);
        }
        var statusMs = await SingleClientMsAsync(http, "/status", 5, cancellationToken);

        await using var nginx = await NginxSite.StartAsync(folder, www, LoopbackPort.Free(), cancellationToken);
        var targets = new List<LoadTarget>
        {
            new("nginx_hot", nginx.Url, "/hot.html"),
            new("hot", site, pages.HotArticle),
            new("cold", site, pages.Articles[0], pages.Articles, pages.Warmup.Articles),
            new("home", site, "/"),
            new("day", site, pages.Day),
            new("category", site, pages.Category),
            new("source", site, pages.Source),
            new("story", site, pages.Story),
            new("search", site, pages.Searches[0], pages.Searches, pages.Warmup.Searches),
            new("status", site, "/status"),
            new("api_article", site, pages.ApiArticles[0], pages.ApiArticles, pages.Warmup.ApiArticles),
            new("api_list", site, pages.ApiLists[0], pages.ApiLists),
            new("api_search", site, pages.ApiSearches[0], pages.ApiSearches, pages.Warmup.ApiSearches),
            new("feed", site, WebPages.SiteFeed),
            new("cat_feed", site, pages.CategoryFeed),
            new("sitemap", site, WebPages.SitemapIndex),
            new("day_map", site, pages.DaySitemap),
        };
        if (kinds is not null) targets.RemoveAll(t => !kinds.Contains(t.Name) && !(t.Name == "nginx_hot" && kinds.Contains("hot")));
        Console.WriteLine($"load: wrk, {clients} clients for {length.TotalSeconds:0} s per page kind (on the site after {warmup.TotalSeconds:0} s unmeasured); site (serve --no-pipeline, process {siteProcess.Id}) on {site}, nginx on {nginx.Url}; random articles over {pages.Articles.Count}");
        var wrk = new WrkLoad(folder, clients, length);
        var results = new Dictionary<string, WrkResult>(StringComparer.Ordinal);
        var runtimes = new Dictionary<string, RuntimeChange>(StringComparer.Ordinal);
        using var loaded = progress.Start("page kinds loaded", targets.Count);
        var cpu = new Dictionary<string, (TimeSpan? Site, TimeSpan? Server)>(StringComparer.Ordinal);
        foreach (var target in targets)
        {
            var onSite = target.Server == site;
            if (onSite && warmup > TimeSpan.Zero)
            {
                await new WrkLoad(folder, clients, warmup).RunAsync(target.ForWarmup(), cancellationToken);
                await DrainAsync(http, target.Path, cancellationToken);
            }
            var before = onSite ? await SiteRuntime.ReadAsync(http, cancellationToken) : null;
            using var stopWatching = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var peakQueue = onSite ? PeakQueueAsync(http, stopWatching.Token) : Task.FromResult(0.0);
            var (siteBefore, serverBefore) = (siteProcess.Cpu(), serverCpu());
            WrkResult result;
            try
            {
                result = await wrk.RunAsync(target, cancellationToken);
            }
            finally
            {
                await stopWatching.CancelAsync();
            }
            cpu[target.Name] = onSite ? (siteProcess.Cpu() - siteBefore, serverCpu() - serverBefore) : (null, null);
            loaded.Add();
            if (result.Requests == 0)
            {
                // No answer came within the run: every request took longer than the run, which is what the figures then say.
                result = result with { P50Ms = length.TotalMilliseconds, P99Ms = length.TotalMilliseconds };
                Console.WriteLine($"{target.Name,-10} no request finished within {length.TotalSeconds:0} s (p50 and p99 given as the run's length)   {target.Path}");
            }
            else Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{target.Name,-10} {result.RequestsPerSecond,10:0.0} req/s   p50 {result.P50Ms,9:0.000} ms   p99 {result.P99Ms,9:0.000} ms   {result.Requests} requests{(result.Errors > 0 ? $", {result.Errors} errors" : "")}{CpuPerRequest(cpu[target.Name].Site, cpu[target.Name].Server, result.Requests)}{SiteMemory(siteProcess, target.Server == site)}   {Shorten(target.Path)}"));
            results[target.Name] = result;
            if (before is not null)
            {
                var runtime = (await SiteRuntime.ReadAsync(http, cancellationToken)).Since(before, result.Requests, await peakQueue);
                runtimes[target.Name] = runtime;
                Console.WriteLine($"{"",-10} {runtime}");
            }
            if (onSite) await DrainAsync(http, target.Path, cancellationToken);
        }
        double Rps(string kind) => results.TryGetValue(kind, out var r) ? r.RequestsPerSecond : double.NaN;
        double P99(string kind) => results.TryGetValue(kind, out var r) ? r.P99Ms : double.NaN;
        double CpuMs(string kind, Func<(TimeSpan? Site, TimeSpan? Server), TimeSpan?> part) =>
            cpu.TryGetValue(kind, out var c) ? PerRequestMs(part(c), results[kind].Requests) : double.NaN;
        double Runtime(string kind, Func<RuntimeChange, double> figure) => runtimes.TryGetValue(kind, out var r) ? figure(r) : double.NaN;
        var peakMb = (siteProcess.PeakBytes() ?? 0) / 1048576.0;
        var ratio = Rps("hot") / Rps("nginx_hot");
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"hot article: {ratio:0.000} of nginx's requests per second on the same page as a file"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"status: {statusMs:0.0} ms (one client, median of 5)"));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"memory: the site's peak resident set {peakMb:0} MB (its own process; VmHWM)"));
        BenchCommand.Summary(
            ("hot_ratio", Math.Round(ratio, 3)),
            ("hot_rps", Math.Round(Rps("hot"))),
            ("hot_p99_ms", P99("hot")),
            ("nginx_rps", Math.Round(Rps("nginx_hot"))),
            ("cold_rps", Math.Round(Rps("cold"))),
            ("cold_p99_ms", P99("cold")),
            ("cold_site_cpu_ms", CpuMs("cold", c => c.Site)),
            ("cold_server_cpu_ms", CpuMs("cold", c => c.Server)),
            ("home_p99_ms", P99("home")),
            ("day_p99_ms", P99("day")),
            ("category_p99_ms", P99("category")),
            ("source_p99_ms", P99("source")),
            ("story_p99_ms", P99("story")),
            ("search_p99_ms", P99("search")),
            ("status_ms", Math.Round(statusMs, 1)),
            ("api_article_p99_ms", P99("api_article")),
            ("api_list_p99_ms", P99("api_list")),
            ("api_search_p99_ms", P99("api_search")),
            ("feed_p99_ms", Math.Max(P99("feed"), P99("cat_feed"))),
            ("sitemap_p99_ms", Math.Max(P99("sitemap"), P99("day_map"))),
            ("hot_gc_pause_ms_per_10k", Runtime("hot", r => Math.Round(r.PauseMsPer10k, 1))),
            ("hot_alloc_kb_per_request", Runtime("hot", r => Math.Round(r.AllocatedBytesPerRequest / 1024, 1))),
            ("cold_gc_pause_ms_per_10k", Runtime("cold", r => Math.Round(r.PauseMsPer10k, 1))),
            ("cold_alloc_kb_per_request", Runtime("cold", r => Math.Round(r.AllocatedBytesPerRequest / 1024, 1))),
            ("cold_gen2_gcs", Runtime("cold", r => r.Gen2)),
            ("cold_connections_per_10k", Runtime("cold", r => Math.Round(r.ConnectionsPer10k, 1))),
            ("peak_mb", Math.Round(peakMb)),
            ("bytes_per_article", Math.Round(bytesPerArticle)),
            ("errors", results.Values.Sum(r => r.Errors)),
            ("articles", articles));
        return 0;
    }

    /// <summary>The page kinds <c>--kinds</c> names (comma-separated), or null for every kind.</summary>
    private static HashSet<string>? Kinds(string? option)
    {
        if (option is null) return null;
        string[] known = ["hot", "cold", "home", "day", "category", "source", "story", "search", "status", "api_article", "api_list",
            "api_search", "feed", "cat_feed", "sitemap", "day_map"];
        var named = option.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToHashSet(StringComparer.Ordinal);
        if (named.Count == 0 || !named.IsSubsetOf(known))
            throw new BenchUsageException($"--kinds takes page kinds separated by commas from: {string.Join(", ", known)}");
        return named;
    }

    /// <summary>CPU milliseconds per request; NaN where the CPU time was not measured (a SQLite store has no server).</summary>
    private static double PerRequestMs(TimeSpan? cpu, long requests) =>
        cpu is { } time && requests > 0 ? Math.Round(time.TotalMilliseconds / requests, 3) : double.NaN;

    /// <summary>The longest thread-pool queue the site reports, read once a second until <paramref name="stop"/>.</summary>
    private static async Task<double> PeakQueueAsync(HttpClient http, CancellationToken stop)
    {
        var peak = 0.0;
        try
        {
            while (true)
            {
                await Task.Delay(TimeSpan.FromSeconds(1), stop);
                peak = Math.Max(peak, (await SiteRuntime.ReadAsync(http, stop)).QueueLength);
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            return peak;
        }
    }

    /// <summary>
    /// Waits until the site answers <paramref name="path"/> once more (at most two minutes), so that requests still
    /// queued from one page kind's load do not slow the next kind's.
    /// </summary>
    private static async Task DrainAsync(HttpClient http, string path, CancellationToken cancellationToken)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        limit.CancelAfter(TimeSpan.FromMinutes(2));
        try
        {
            using var response = await http.GetAsync(path, limit.Token);
            await response.Content.ReadAsByteArrayAsync(limit.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            Console.WriteLine($"(the site did not answer {Shorten(path)} within 2 minutes after its load)");
        }
    }

    /// <summary>The median time of <paramref name="times"/> requests one after the other.</summary>
    private static async Task<double> SingleClientMsAsync(HttpClient http, string path, int times, CancellationToken cancellationToken)
    {
        var timings = new List<double>(times);
        for (var i = 0; i < times; i++)
        {
            var started = Stopwatch.GetTimestamp();
            using var response = await http.GetAsync(path, cancellationToken);
            await response.Content.ReadAsByteArrayAsync(cancellationToken);
            timings.Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        timings.Sort();
        return timings[timings.Count / 2];
    }

    private static string Shorten(string path) => path.Length <= 60 ? path : path[..57] + "...";
}
