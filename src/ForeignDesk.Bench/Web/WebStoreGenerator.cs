using System.Collections.Concurrent;
using System.Diagnostics;
using ForeignDesk.Core;
using ForeignDesk.Store.Sqlite;

namespace ForeignDesk.Bench.Web;

/// <summary>What <see cref="WebStoreGenerator"/> wrote and how long each part took.</summary>
/// <param name="WritingTime">The part of <paramref name="ArticleTime"/> spent writing the articles' text, on a thread of its own.</param>
/// <param name="StoryTime">Placing the articles in stories and saving their "You may like" lists.</param>
/// <param name="CompletionTime">What the writer does once everything is written (on PostgreSQL: the indexes built, the tables analyzed).</param>
internal sealed record GeneratedStore(int Articles, int Stories, long Views, TimeSpan ArticleTime, TimeSpan WritingTime, TimeSpan StoryTime, TimeSpan ViewTime,
    TimeSpan CompletionTime)
{
    public TimeSpan Total => ArticleTime + StoryTime + ViewTime + CompletionTime;
}

/// <summary>
/// Fills a store as a news site's would be after a month, through a bulk writer (the SQLite store's own bulk methods,
/// or a PostgreSQL bulk load: the same content either way): 50 outlets, ten in
/// each of five languages; N articles spread over 30 days, each with its English translation; every article in a
/// story of 1 to 30 articles (most stories small), with a "You may like" list of five articles of the stories just
/// before its own (what the clusterer precomputes); views in the hours after publication, a few articles far more
/// read than the rest.
/// </summary>
internal sealed class WebStoreGenerator(IArticleStore store, IGeneratedStoreWriter writer, TimeProvider time)
{
    public const int Outlets = 50;
    public const int Days = 30;
    private static readonly string[] Zones = ["Europe/Madrid", "Europe/Paris", "Europe/Lisbon", "Europe/Rome", "Europe/Berlin"];
    private static readonly string[] Countries = ["Madrid", "Paris", "Lisboa", "Roma", "Berlin"];

    /// <param name="paragraphs">Paragraphs of each article's body (about 47 words each, in the original and in English).</param>
    public async Task<GeneratedStore> GenerateAsync(int count, int paragraphs, CancellationToken cancellationToken)
    {
        var languages = SyntheticNews.LanguageCodes;
        var byLanguage = languages.Select(_ => new List<long>()).ToArray();
        for (var i = 0; i < Outlets; i++)
        {
            var language = i % languages.Count;
            var source = await store.AddSourceAsync(new SourceDraft($"{Countries[language]} Courier {i / languages.Count + 1}",
                new Uri($"https://outlet{i + 1}.bench.example/"), [], languages[language], "News/World", Zones[language]), cancellationToken);
            byLanguage[language].Add(source.Id);
        }

        // Stories are recorded while the articles stream into the store: sizes, headlines and instants, not the articles.
        var sizes = new List<int>();
        var headlines = new List<string>();
        var published = new List<DateTimeOffset>(count);
        var news = new SyntheticNews(23);
        var events = news.Events(count, byLanguage.Select(l => (IReadOnlyList<long>)l).ToArray(), time.GetUtcNow(), count / (double)Days, StorySize, paragraphs);
        var started = Stopwatch.GetTimestamp();
        // The text is written on a thread of its own while the store indexes the articles before it.
        using var queue = new BlockingCollection<BulkArticle>(boundedCapacity: 2_000);
        var writing = Task.Factory.StartNew(() =>
        {
            var busy = Stopwatch.StartNew();
            try
            {
                foreach (var story in events)
                {
                    sizes.Add(story.Count);
                    headlines.Add(story[0].Translation.Title);
                    published.AddRange(story.Select(a => a.PublishedUtc));
                    foreach (var article in story) queue.Add(article, cancellationToken);
                }
            }
            finally
            {
                queue.CompleteAdding();
            }
            return busy.Elapsed;
        }, cancellationToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var ids = await writer.InsertArticlesAsync(queue.GetConsumingEnumerable(cancellationToken), cancellationToken);
        var writingTime = await writing;
        var articleTime = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        await writer.PlaceStoriesAsync(Stories(ids, sizes, headlines, published), cancellationToken);
        await writer.SaveRelatedAsync(Related(ids, sizes), cancellationToken);
        var storyTime = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        long views = 0;
        await writer.RecordViewsAsync(Views(ids, published, new Random(29)).Select(v =>
        {
            views += v.Count;
            return v;
        }), cancellationToken);
        var viewTime = Stopwatch.GetElapsedTime(started);

        started = Stopwatch.GetTimestamp();
        await writer.CompleteAsync(cancellationToken);
        return new GeneratedStore(ids.Count, sizes.Count, views, articleTime, writingTime, storyTime, viewTime, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>1 to 30 articles, most stories small: about half of one or two articles, one in twenty of twenty or more.</summary>
    internal static int StorySize(Random random) => 1 + (int)(30 * Math.Pow(random.NextDouble(), 3.5));

    private static IEnumerable<BulkStory> Stories(IReadOnlyList<long> ids, List<int> sizes, List<string> headlines, List<DateTimeOffset> published)
    {
        var first = 0;
        for (var s = 0; s < sizes.Count; s++)
        {
            var members = Enumerable.Range(first, sizes[s]).OrderBy(i => published[i]).ThenBy(i => ids[i]).ToList();
            yield return new BulkStory(headlines[s], members.Select(i => ids[i]).ToList(), members.Select(i => published[i]).ToList());
            first += sizes[s];
        }
    }

    /// <summary>For each article, the first articles of the (up to) five stories before its own, newest first.</summary>
    private static IEnumerable<BulkRelated> Related(IReadOnlyList<long> ids, List<int> sizes)
    {
        const int Length = 5;
        var starts = new List<int>(sizes.Count);
        var first = 0;
        foreach (var size in sizes)
        {
            starts.Add(first);
            first += size;
        }
        for (var s = 0; s < sizes.Count; s++)
        {
            var related = Enumerable.Range(1, Math.Min(Length, s)).Select(back => ids[starts[s - back]]).ToList();
            if (related.Count == 0) continue;
            for (var i = starts[s]; i < starts[s] + sizes[s]; i++) yield return new BulkRelated(ids[i], related);
        }
    }

    /// <summary>Views in the first hours after publication; a heavy tail makes a few articles the most read.</summary>
    private static IEnumerable<BulkViews> Views(IReadOnlyList<long> ids, List<DateTimeOffset> published, Random random)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            var reach = 1 + (int)(2000 * Math.Pow(random.NextDouble(), 8));
            var hours = 1 + random.Next(3);
            for (var h = 0; h < hours; h++)
                yield return new BulkViews(ids[i], published[i] + TimeSpan.FromHours(h), Math.Max(1, reach >> h));
        }
    }
}
