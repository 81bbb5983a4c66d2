using ForeignDesk.Ingest.Extract;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ForeignDesk.Core;

namespace ForeignDesk.Bench.Extraction;

/// <summary>One page of an extraction benchmark: its id, URL, raw HTML bytes and the true body text.</summary>
public sealed record BenchmarkPage(string Id, Uri Url, byte[] Html, string Truth);

/// <summary>
/// Runs an extractor over a benchmark folder laid out as <c>html/&lt;id&gt;.html.gz</c> plus
/// <c>ground-truth.json</c> (<c>{id: {articleBody, url}}</c>) and returns each page's body text by id; failures give "".
/// </summary>
public sealed class ExtractionBenchmark(IArticleExtractor extractor)
{
    public ExtractionBenchmark()
        : this(new ArticleExtractor())
    {
    }

    public static async Task<IReadOnlyList<BenchmarkPage>> LoadAsync(string folder, CancellationToken cancellationToken)
    {
        var truths = await ReadTruthAsync(Path.Combine(folder, "ground-truth.json"), cancellationToken);
        var pages = new List<BenchmarkPage>();
        foreach (var path in Directory.EnumerateFiles(Path.Combine(folder, "html"), "*.html.gz").Order(StringComparer.Ordinal))
        {
            var id = Path.GetFileName(path)[..^".html.gz".Length];
            var (truth, known) = truths.GetValueOrDefault(id);
            var url = known is not null && Uri.TryCreate(known, UriKind.Absolute, out var parsed) ? parsed : new Uri("http://bench.invalid/" + id);
            pages.Add(new BenchmarkPage(id, url, await ReadGzipAsync(path, cancellationToken), truth ?? string.Empty));
        }
        return pages;
    }

    /// <summary>Extracts every page in turn on the calling thread; a page without an article gives "".</summary>
    public IReadOnlyDictionary<string, string> Run(IReadOnlyList<BenchmarkPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        var results = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var benchPage in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var page = new FetchedPage(benchPage.Url, benchPage.Url, 200, "text/html; charset=utf-8", benchPage.Html, DateTimeOffset.UnixEpoch);
            results[benchPage.Id] = extractor.Extract(page).Article?.Text ?? string.Empty;
        }
        return results;
    }

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(string folder, CancellationToken cancellationToken) =>
        Run(await LoadAsync(folder, cancellationToken), cancellationToken);

    /// <summary>
    /// The parse-only baseline: decodes and parses every page with the same HTML parser the extractor uses, and
    /// touches every element once. Returns the element count, so that the work cannot be skipped.
    /// </summary>
    public static long ParseOnly(IReadOnlyList<BenchmarkPage> pages, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(pages);
        long elements = 0;
        var parser = new HtmlParser(new HtmlParserOptions { IsScripting = false });
        foreach (var page in pages)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var document = parser.ParseDocument(HtmlDecoding.Decode(page.Html, "text/html; charset=utf-8"));
            elements += document.All.Length;
        }
        return elements;
    }

    /// <summary>Pages per second of <paramref name="work"/> over <paramref name="count"/> pages, best of <paramref name="rounds"/>.</summary>
    public static double Rate(int count, int rounds, Action work)
    {
        ArgumentNullException.ThrowIfNull(work);
        var best = double.MaxValue;
        for (var i = 0; i < rounds; i++)
        {
            var watch = Stopwatch.StartNew();
            work();
            best = Math.Min(best, watch.Elapsed.TotalSeconds);
        }
        return count / Math.Max(best, 1e-9);
    }

    private static async Task<byte[]> ReadGzipAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        await gzip.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    private static async Task<Dictionary<string, (string? Truth, string? Url)>> ReadTruthAsync(string path, CancellationToken cancellationToken)
    {
        var truths = new Dictionary<string, (string?, string?)>(StringComparer.Ordinal);
        if (!File.Exists(path)) return truths;
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind != JsonValueKind.Object) continue;
            var body = entry.Value.TryGetProperty("articleBody", out var b) && b.ValueKind == JsonValueKind.String ? b.GetString() : null;
            var url = entry.Value.TryGetProperty("url", out var u) && u.ValueKind == JsonValueKind.String ? u.GetString() : null;
            truths[entry.Name] = (body, url);
        }
        return truths;
    }
}
