using System.Text.Json;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Feeds;

namespace ForeignDesk.Bench.Feeds;

/// <summary>
/// A feed corpus folder laid out as <c>../shared/corpus/feeds</c>: files under it and one <c>expected.json</c> keyed by
/// their relative paths. <see cref="Check"/> parses one file and compares it with its expectations; the
/// <c>bench feeds</c> command and the corpus tests both use it.
/// </summary>
public sealed class FeedCorpus
{
    private static readonly Uri DefaultUrl = new("http://feeds.test/feed.xml");

    private readonly IReadOnlyDictionary<string, JsonElement> cases;

    private FeedCorpus(string folder, IReadOnlyDictionary<string, JsonElement> cases)
    {
        Folder = folder;
        this.cases = cases;
    }

    public string Folder { get; }

    /// <summary>The files with expectations, in ordinal order.</summary>
    public IReadOnlyList<string> Files => [.. cases.Keys.Order(StringComparer.Ordinal)];

    /// <summary>Reads <c>expected.json</c> from <paramref name="folder"/>.</summary>
    public static FeedCorpus Load(string folder)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(folder, "expected.json")));
        var cases = document.RootElement.EnumerateObject().ToDictionary(p => p.Name, p => p.Value.Clone(), StringComparer.Ordinal);
        return new FeedCorpus(folder, cases);
    }

    /// <summary>Parses <paramref name="file"/> and checks every expectation the model can answer.</summary>
    public CorpusVerdict Check(string file)
    {
        var entry = cases[file];
        var expect = entry.GetProperty("expect");
        var hasInput = entry.TryGetProperty("input", out var input);
        var url = hasInput && input.TryGetProperty("url", out var u)
            && Uri.TryCreate(u.GetString(), UriKind.Absolute, out var given) ? given : DefaultUrl;
        var headers = hasInput && input.TryGetProperty("headers", out var h) ? h : default;
        // Content-Location is the document's base for relative references (RFC 9110 8.7).
        if (Header(headers, "Content-Location") is { } location && Uri.TryCreate(url, location, out var based) && based.Scheme is "http" or "https")
        {
            url = based;
        }

        var body = File.ReadAllBytes(Path.Combine(Folder, file));
        var mustReject = expect.TryGetProperty("reject", out var reject) && reject.GetBoolean()
            || (expect.TryGetProperty("detected_family", out var family) && family.GetString() == "not-a-feed");
        var differs = FeedCorpusDifferences.Reason(file);

        ParsedFeed feed;
        try
        {
            feed = FeedParser.Parse(body, url, Header(headers, "Content-Language"));
        }
        catch (FeedFormatException ex)
        {
            return mustReject || expect.TryGetProperty("no_crash", out _) ? CorpusVerdict.Pass(file)
                : differs is not null ? CorpusVerdict.Differ(file, differs)
                : CorpusVerdict.Fail(file, $"rejected: {ex.Message}");
        }

        if (mustReject)
        {
            return differs is not null ? CorpusVerdict.Differ(file, differs)
                : CorpusVerdict.Fail(file, $"should be rejected but parsed as {feed.Format} with {feed.Items.Count} items");
        }

        var problems = expect.EnumerateObject()
            .Select(p => CorpusExpectations.Check(p.Name, p.Value, feed))
            .OfType<string>()
            .ToList();
        if (problems.Count == 0)
        {
            return CorpusVerdict.Pass(file);
        }

        return differs is not null
            ? CorpusVerdict.Differ(file, differs)
            : CorpusVerdict.Fail(file, $"({feed.Format}) " + string.Join("; ", problems));
    }

    private static string? Header(JsonElement headers, string name) =>
        headers.ValueKind == JsonValueKind.Object
            ? headers.EnumerateObject().FirstOrDefault(p => p.Name.Equals(name, StringComparison.OrdinalIgnoreCase)).Value is { ValueKind: JsonValueKind.String } v ? v.GetString() : null
            : null;
}
