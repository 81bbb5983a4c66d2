using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO.Compression;
using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk extract --dir DIR --json OUT [--meta]</c>: extracts every <c>.html</c>, <c>.htm</c> and
/// <c>.html.gz</c> file in DIR on all cores and writes one JSON object, file name to body text (paragraphs separated
/// by blank lines), or with <c>--meta</c> file name to an object with the metadata and the text.
/// </summary>
internal static class ExtractDirectoryCommand
{
    public static async Task<int> RunAsync(string dir, string output, bool meta, CancellationToken cancellationToken)
    {
        var folder = Path.GetFullPath(dir);
        if (!Directory.Exists(folder)) throw new UsageException($"no such folder: {folder}");
        var files = Directory.EnumerateFiles(folder)
            .Where(f => f.EndsWith(".html", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".htm", StringComparison.OrdinalIgnoreCase)
                || f.EndsWith(".html.gz", StringComparison.OrdinalIgnoreCase))
            .Order(StringComparer.Ordinal)
            .ToList();
        var extractor = new ArticleExtractor();
        var results = new ConcurrentDictionary<string, object>(StringComparer.Ordinal);
        var failed = 0;
        var watch = Stopwatch.StartNew();

        await ProgressDisplay.RunAsync("extract", async progress =>
        {
            using var done = progress.Start("files", files.Count);
            await Parallel.ForEachAsync(files, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount },
                async (file, ct) =>
                {
                    var page = await ReadAsync(file, ct);
                    var outcome = extractor.Extract(page);
                    if (outcome.Article is null) Interlocked.Increment(ref failed);
                    results[Path.GetFileName(file)] = meta ? Describe(outcome) : outcome.Article?.Text ?? string.Empty;
                    done.Add();
                });
            return files.Count;
        });

        var sorted = new SortedDictionary<string, object>(results, StringComparer.Ordinal);
        await using (var stream = File.Create(output))
        {
            await JsonSerializer.SerializeAsync(stream, sorted, JsonOutput.Options, cancellationToken);
        }
        Console.Error.WriteLine($"extract: {files.Count} files, {failed} without an article, {watch.Elapsed.TotalSeconds:0.0} s; wrote {output}");
        return 0;
    }

    private static object Describe(ExtractOutcome outcome)
    {
        if (outcome.Article is not { } article) return new { Error = outcome.Failure?.ToString(), outcome.Message };
        return ExtractCommand.Json(article);
    }

    /// <summary>The file's bytes (gunzipped for .gz), as a page with no URL beyond the file and no declared charset.</summary>
    private static async Task<FetchedPage> ReadAsync(string file, CancellationToken cancellationToken)
    {
        byte[] body;
        if (file.EndsWith(".gz", StringComparison.OrdinalIgnoreCase))
        {
            await using var input = File.OpenRead(file);
            await using var gzip = new GZipStream(input, CompressionMode.Decompress);
            using var memory = new MemoryStream();
            try
            {
                await gzip.CopyToAsync(memory, cancellationToken);
                body = memory.ToArray();
            }
            catch (InvalidDataException)
            {
                body = await File.ReadAllBytesAsync(file, cancellationToken); // not gzip after all: judged as it is
            }
        }
        else body = await File.ReadAllBytesAsync(file, cancellationToken);
        var address = new Uri(file);
        return new FetchedPage(address, address, 200, null, body, new DateTimeOffset(File.GetLastWriteTimeUtc(file), TimeSpan.Zero));
    }
}
