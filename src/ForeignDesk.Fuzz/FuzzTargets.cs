using System.Text;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Extract;
using ForeignDesk.Ingest.Feeds;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Fuzz;

/// <summary>
/// The code that reads what outlets and readers send, each as one function of raw bytes. A target returns normally
/// on any input, including the errors it is meant to give (<see cref="FeedFormatException"/>); any other exception,
/// a hang or a crash of the process is a finding. Nothing here may touch the product before a target is called
/// (SharpFuzz's instrumented code only runs once its coverage map is set up).
/// </summary>
public static class FuzzTargets
{
    private static readonly Uri BaseUrl = new("https://outlet.example/news/2026/story.html");
    private static readonly DateTimeOffset FetchedAt = new(2026, 12, 6, 5, 0, 0, TimeSpan.Zero);

    /// <summary>Made on first use: instrumented code must not run before SharpFuzz has set up its coverage map.</summary>
    private static ArticleExtractor? extractor;

    /// <summary>The targets by name.</summary>
    public static IReadOnlyDictionary<string, Action<byte[]>> All { get; } = new Dictionary<string, Action<byte[]>>(StringComparer.Ordinal)
    {
        ["feed"] = Feed,
        ["extract"] = Extract,
        ["sanitize"] = Sanitize,
        ["dates"] = Dates,
        ["query"] = Query,
    };

    /// <summary>The target names, in the order the bench runs them.</summary>
    public static IReadOnlyList<string> Names { get; } = ["feed", "extract", "sanitize", "dates", "query"];

    /// <summary>RSS, Atom, RDF, CDF or JSON Feed bytes through <see cref="FeedParser"/>.</summary>
    public static void Feed(byte[] input)
    {
        try
        {
            var feed = FeedParser.Parse(input, BaseUrl, "fr");
            _ = feed.Items.Count;
        }
        catch (FeedFormatException)
        {
        }
    }

    /// <summary>An HTML page through <see cref="ArticleExtractor"/>; the body it keeps must hold no script.</summary>
    public static void Extract(byte[] input)
    {
        extractor ??= new ArticleExtractor();
        var outcome = extractor.Extract(new FetchedPage(BaseUrl, BaseUrl, 200, "text/html; charset=utf-8", input, FetchedAt));
        if (outcome.Article is { } article && article.Paragraphs.Any(p => HasScript(p.Html)))
            throw new InvalidOperationException("the extracted body keeps a script element");
    }

    /// <summary>Blocks of HTML (separated by blank lines) through <see cref="ArticleHtmlSanitizer"/>, blockwise and inline.</summary>
    public static void Sanitize(byte[] input)
    {
        var text = Encoding.UTF8.GetString(input);
        var blocks = text.Split("\n\n");
        var clean = ArticleHtmlSanitizer.SanitizeBlocks(blocks, BaseUrl);
        if (clean.Count != blocks.Length)
            throw new InvalidOperationException($"{blocks.Length} blocks went in, {clean.Count} came out");
        if (clean.Any(HasScript) || HasScript(ArticleHtmlSanitizer.SanitizeInline(text, BaseUrl)))
            throw new InvalidOperationException("the sanitized HTML keeps a script element");
    }

    /// <summary>Each line through the feed date reader and the page date reader (words, relative dates, updates).</summary>
    public static void Dates(byte[] input)
    {
        foreach (var line in Encoding.UTF8.GetString(input).Split('\n'))
        {
            _ = FeedDates.Parse(line);
            _ = DateWords.Parse(line, FetchedAt);
            _ = DateWords.SplitAtUpdate(line);
        }
    }

    /// <summary>What a reader types in the search box through <see cref="Fts5QueryBuilder"/>, and its phrases reordered.</summary>
    public static void Query(byte[] input)
    {
        var query = Fts5QueryBuilder.Build(Encoding.UTF8.GetString(input));
        if (query.Match is null)
        {
            if (string.IsNullOrEmpty(query.Message)) throw new InvalidOperationException("no query and no reason");
            return;
        }

        var order = Enumerable.Range(0, query.Required!.Count).Reverse().ToList();
        _ = query.Reordered(order);
    }

    private static bool HasScript(string html) => html.Contains("<script", StringComparison.OrdinalIgnoreCase);
}
