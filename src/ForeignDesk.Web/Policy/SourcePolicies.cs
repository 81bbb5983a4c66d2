using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Web.Policy;

/// <summary>
/// Each source's policy as the operator stored it (<see cref="ISourceControlStore"/>), read once and kept until it
/// changes: the admin's actions drop it at once, and the store's change feed (tag <c>policies</c>, followed by
/// <see cref="Caching.PageChangeWatcher"/>) drops it in every web process whichever process changed a policy
/// (a command, another site). Kept at most <see cref="Longest"/> in any case.
/// </summary>
internal sealed class SourcePolicies(IServiceProvider services, TimeProvider time)
{
    public static readonly TimeSpan Longest = TimeSpan.FromMinutes(1);

    private readonly ISourceControlStore? _store = services.GetService<ISourceControlStore>();
    private readonly TimeSpan _noArchiveKeep = services.GetService<IOptions<SiteOptions>>()?.Value.NoArchiveKeep ?? new SiteOptions().NoArchiveKeep;
    private readonly SemaphoreSlim _reading = new(1, 1);
    private Snapshot? _current;
    private long _generation;

    private sealed record Snapshot(IReadOnlyDictionary<long, SourceControls> Controls, DateTimeOffset ReadUtc, long Generation);

    /// <summary>The stored policy of the source; <see cref="SourcePolicy.Full"/> for a source the store does not know.</summary>
    public async ValueTask<SourcePolicy> PolicyOfAsync(long sourceId, CancellationToken cancellationToken) =>
        (await ControlsAsync(cancellationToken)).TryGetValue(sourceId, out var controls) ? controls.Policy : SourcePolicy.Full;

    /// <summary>What the site may show of the article: its source's policy with its outlet's directives, and their age.</summary>
    public async ValueTask<Republication> ForAsync(StoredArticle article, CancellationToken cancellationToken) =>
        Republication.For(await PolicyOfAsync(article.SourceId, cancellationToken), article.Original.Robots, ArchiveEnded(article.FirstSeenUtc));

    /// <summary>
    /// What the site may show of each article of a list (a search, a sitemap), read with one query for the list;
    /// an article the store no longer has is left out.
    /// </summary>
    public async Task<IReadOnlyDictionary<long, Republication>> ForListAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken) =>
        (await ListedAsync(articleIds, cancellationToken)).ToDictionary(r => r.Key, r => r.Value.Rule);

    /// <summary>Each listed article's rule, and whether it has a teaser of its own; an article the store no longer has is left out.</summary>
    private async Task<Dictionary<long, (Republication Rule, bool OwnTeaser)>> ListedAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken)
    {
        // Without the store's controls (a bare store in some hosts) every article is whole, its teaser taken as its own.
        if (_store is null || articleIds.Count == 0) return articleIds.Distinct().ToDictionary(id => id, _ => (Republication.Whole, true));
        var origins = await _store.OriginsOfAsync(articleIds, cancellationToken);
        var rules = new Dictionary<long, (Republication, bool)>(origins.Count);
        foreach (var (id, origin) in origins)
            rules[id] = (Republication.For(await PolicyOfAsync(origin.SourceId, cancellationToken), origin.Directives, ArchiveEnded(origin.FirstSeenUtc)),
                origin.HasTeaser);
        return rules;
    }

    /// <summary>
    /// A list's lines (home, archives) with the teasers the policies allow (<see cref="Republication.ListTeaser"/>): none
    /// for a headline-only source or an outlet that asks for no snippet, the outlet's own teaser only for a summary
    /// source. Read with one query for the list; a line the store no longer has keeps no teaser. The page being
    /// rendered is tagged <c>policies</c>, so a change of any source's policy drops it.
    /// </summary>
    public async Task<IReadOnlyList<ArticleSummary>> TeasersAsync(HttpContext context, IReadOnlyList<ArticleSummary> lines, CancellationToken cancellationToken)
    {
        PageCache.Tag(context, PageTags.Policies);
        if (lines.Count == 0) return lines;
        var rules = await ListedAsync(lines.Select(l => l.Id).ToList(), cancellationToken);
        return lines.Select(l => l with
        {
            Teaser = rules.TryGetValue(l.Id, out var rule) ? rule.Rule.ListTeaser(l.Teaser, rule.OwnTeaser) : null,
        }).ToList();
    }

    /// <summary>The story lines of a list with their leads' teasers as <see cref="TeasersAsync(HttpContext, IReadOnlyList{ArticleSummary}, CancellationToken)"/> allows.</summary>
    public async Task<IReadOnlyList<StoryLine>> TeasersAsync(HttpContext context, IReadOnlyList<StoryLine> lines, CancellationToken cancellationToken)
    {
        var leads = await TeasersAsync(context, lines.Select(l => l.Lead).ToList(), cancellationToken);
        return lines.Select((l, i) => l with { Lead = leads[i] }).ToList();
    }

    /// <summary>
    /// Search results as the policies allow: no snippet nor teaser for an article whose outlet asks for none
    /// (nosnippet, notranslate) or whose source allows the headline only, and for a summary source its own teaser and
    /// no snippet of its body; an article no longer stored is left out.
    /// </summary>
    public async Task<SearchResults> HonourAsync(SearchResults results, CancellationToken cancellationToken)
    {
        if (results.Hits.Count == 0) return results;
        var rules = await ListedAsync(results.Hits.Select(h => h.Article.Id).ToList(), cancellationToken);
        var hits = new List<SearchHit>(results.Hits.Count);
        foreach (var hit in results.Hits)
        {
            if (!rules.TryGetValue(hit.Article.Id, out var listed)) continue;
            var (rule, ownTeaser) = listed;
            hits.Add(rule.Snippet && rule.Body ? hit
                : hit with { Article = hit.Article with { Teaser = rule.ListTeaser(hit.Article.Teaser, ownTeaser) }, Snippet = [] });
        }
        return results with { Hits = hits };
    }

    /// <summary>Whether an article first seen at <paramref name="firstSeenUtc"/> is past <see cref="SiteOptions.NoArchiveKeep"/> (it matters only for noarchive).</summary>
    private bool ArchiveEnded(DateTimeOffset firstSeenUtc) => time.GetUtcNow() - firstSeenUtc >= _noArchiveKeep;

    public async ValueTask<bool> IsWithdrawnAsync(long sourceId, CancellationToken cancellationToken) =>
        await PolicyOfAsync(sourceId, cancellationToken) == SourcePolicy.Withdrawn;

    /// <summary>Forgets what was read: the next question reads the store again.</summary>
    public void Invalidate()
    {
        Interlocked.Increment(ref _generation);
        Volatile.Write(ref _current, null);
    }

    private async ValueTask<IReadOnlyDictionary<long, SourceControls>> ControlsAsync(CancellationToken cancellationToken)
    {
        if (_store is null) return new Dictionary<long, SourceControls>();
        if (Fresh(Volatile.Read(ref _current)) is { } ready) return ready.Controls;
        await _reading.WaitAsync(cancellationToken);
        try
        {
            if (Fresh(Volatile.Read(ref _current)) is { } read) return read.Controls;
            // A change that lands while the store is read leaves this copy unkept, so it cannot outlive the change.
            var generation = Interlocked.Read(ref _generation);
            var controls = await _store.SourceControlsAsync(cancellationToken);
            var snapshot = new Snapshot(controls, time.GetUtcNow(), generation);
            if (Interlocked.Read(ref _generation) == generation) Volatile.Write(ref _current, snapshot);
            return controls;
        }
        finally
        {
            _reading.Release();
        }
    }

    private Snapshot? Fresh(Snapshot? snapshot) =>
        snapshot is not null && snapshot.Generation == Interlocked.Read(ref _generation) && time.GetUtcNow() - snapshot.ReadUtc < Longest ? snapshot : null;
}
