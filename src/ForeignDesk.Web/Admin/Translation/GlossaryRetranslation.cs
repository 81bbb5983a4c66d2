using System.Runtime.CompilerServices;
using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Pipeline;
using ForeignDesk.Web.Pages;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.Admin.Translation;

/// <summary>A glossary change: the terms added, changed or removed for one language (and source, when given).</summary>
internal sealed record GlossaryChange(string Language, IReadOnlyList<string> Terms, string? Source);

/// <summary>
/// Queues the stored articles a glossary change touches for translation again: those in its language (and of its
/// source) whose original text holds one of its terms, each as one durable <c>retranslate</c> job keyed by the article
/// (<see cref="RetranslationStage"/>), which the pipeline's workers run like any other job. A restart loses none, and
/// an article touched by several changes before a worker takes it is translated once.
/// </summary>
internal sealed class GlossaryRetranslation(IArticleStore store, IServiceProvider services, IJobQueue jobs, ILogger<GlossaryRetranslation> log)
{
    /// <summary>Articles read from a list at a time while looking for those a change touches.</summary>
    private const int ListPage = 500;

    /// <summary>What the last change queued, for the glossary page.</summary>
    public string? LastOutcome { get; private set; }

    /// <returns>How many articles were queued.</returns>
    public async Task<int> QueueAsync(GlossaryChange change, CancellationToken cancellationToken)
    {
        var touched = await TouchedAsync(change, cancellationToken);
        await jobs.EnqueueAsync(touched.Select(RetranslationStage.JobOf).ToList(), cancellationToken);
        var count = touched.Count;
        LastOutcome = $"{string.Join(", ", change.Terms)} ({change.Language}): {count} article{(count == 1 ? "" : "s")} queued to be translated again";
        log.LogInformation("Glossary change for {Language} queued {Count} articles to be translated again", change.Language, count);
        return count;
    }

    private async Task<IReadOnlyList<long>> TouchedAsync(GlossaryChange change, CancellationToken cancellationToken)
    {
        var patterns = change.Terms.Select(t => new Regex($@"(?<![\p{{L}}\p{{N}}]){Regex.Escape(t)}(?![\p{{L}}\p{{N}}])", RegexOptions.CultureInvariant)).ToList();
        var touched = new List<long>();
        await foreach (var id in CandidatesAsync(change, cancellationToken))
        {
            var article = await store.GetArticleAsync(id, cancellationToken);
            if (article is null || article.Language != change.Language || (change.Source is not null && article.SourceSlug != change.Source)) continue;
            var original = article.Original;
            var text = string.Join('\n', new[] { original.Title, original.Teaser, original.Image?.Caption }.Concat(original.Paragraphs.Select(p => p.Text)));
            if (patterns.Any(p => p.IsMatch(text))) touched.Add(id);
        }
        return touched;
    }

    /// <summary>
    /// The articles that may hold the change's terms, read from the narrowest list by key: the source's articles when
    /// the change is for one source, else those in its language; every article when the store keeps no such lists.
    /// </summary>
    private async IAsyncEnumerable<long> CandidatesAsync(GlossaryChange change, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var source = change.Source is { } slug ? await store.GetSourceAsync(slug, cancellationToken) : null;
        if (change.Source is not null && source is null) yield break;
        var archive = LanguageArchive.Index(services, store);
        if (source is null && archive is null)
        {
            foreach (var id in await store.AllArticleIdsAsync(cancellationToken)) yield return id;
            yield break;
        }

        PageCursor? cursor = null;
        do
        {
            var page = source is not null
                ? await store.FromSourceAsync(source.Id, cursor, ListPage, cancellationToken)
                : await archive!.InLanguageAsync(change.Language, cursor, ListPage, cancellationToken);
            foreach (var article in page.Items) yield return article.Id;
            cursor = page.Older;
        }
        while (cursor is not null);
    }
}
