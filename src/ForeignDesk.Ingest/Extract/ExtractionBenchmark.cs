using System.IO.Compression;
using System.Text.Json;
using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>
/// Runs an extractor over a benchmark folder laid out as <c>html/&lt;id&gt;.html.gz</c> plus an optional
/// <c>ground-truth.json</c> (for page URLs) and returns each page's body text by id; failures give "".
/// </summary>
public sealed class ExtractionBenchmark(IArticleExtractor extractor)
{
    public ExtractionBenchmark()
        : this(new ArticleExtractor())
    {
    }

    public async Task<IReadOnlyDictionary<string, string>> RunAsync(string folder, CancellationToken cancellationToken)
    {
        var urls = await ReadUrlsAsync(Path.Combine(folder, "ground-truth.json"), cancellationToken);
        var results = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in Directory.EnumerateFiles(Path.Combine(folder, "html"), "*.html.gz").Order(StringComparer.Ordinal))
        {
            cancellationToken.ThrowIfCancellationRequested();
            var id = Path.GetFileName(path)[..^".html.gz".Length];
            var body = await ReadGzipAsync(path, cancellationToken);
            var url = urls.TryGetValue(id, out var known) && Uri.TryCreate(known, UriKind.Absolute, out var parsed)
                ? parsed
                : new Uri("http://bench.invalid/" + id);
            var page = new FetchedPage(url, url, 200, "text/html; charset=utf-8", body, DateTimeOffset.UnixEpoch);
            results[id] = extractor.Extract(page).Article?.Text ?? string.Empty;
        }
        return results;
    }

    private static async Task<byte[]> ReadGzipAsync(string path, CancellationToken cancellationToken)
    {
        await using var file = File.OpenRead(path);
        await using var gzip = new GZipStream(file, CompressionMode.Decompress);
        using var memory = new MemoryStream();
        await gzip.CopyToAsync(memory, cancellationToken);
        return memory.ToArray();
    }

    private static async Task<Dictionary<string, string>> ReadUrlsAsync(string path, CancellationToken cancellationToken)
    {
        var urls = new Dictionary<string, string>(StringComparer.Ordinal);
        if (!File.Exists(path)) return urls;
        await using var stream = File.OpenRead(path);
        using var document = await JsonDocument.ParseAsync(stream, cancellationToken: cancellationToken);
        foreach (var entry in document.RootElement.EnumerateObject())
        {
            if (entry.Value.ValueKind == JsonValueKind.Object && entry.Value.TryGetProperty("url", out var url) && url.ValueKind == JsonValueKind.String)
                urls[entry.Name] = url.GetString()!;
        }
        return urls;
    }
}
