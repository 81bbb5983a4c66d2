namespace ForeignDesk.Core;

/// <summary>
/// How much of a source's articles may be republished: the whole translation, a summary (the teaser and a link), the
/// headline and a link; or none, the source being withdrawn (its articles' pages answer 410 Gone).
/// </summary>
public enum SourcePolicy { Full, Summary, Headline, Withdrawn }

/// <summary>
/// An article's source, what its outlet's page asks (<see cref="ExtractedArticle.Robots"/>) and when it was first seen:
/// what decides what a list may show of it.
/// </summary>
/// <param name="HasTeaser">The article has a teaser of its own (English or the outlet's), not only its first paragraph.</param>
public sealed record ArticleOrigin(long SourceId, PublisherDirectives Directives, DateTimeOffset FirstSeenUtc, bool HasTeaser);

/// <summary>An article taken off the site when its source was withdrawn: its page answers 410 Gone.</summary>
public sealed record WithdrawnArticle(long ArticleId, string SourceName, string Url, DateTimeOffset WithdrawnUtc);

/// <summary>What the operator controls of a source besides its description: whether it is polled, and its policy.</summary>
public sealed record SourceControls(long SourceId, bool Paused, SourcePolicy Policy);

/// <summary>A source's settings as the operator edits them.</summary>
/// <param name="Language">As <see cref="Source.Language"/>: one code, several ("es,ca"), or null to detect per article.</param>
public sealed record SourceEdit(string Name, string? Language, string Category, string TimeZone, SourcePolicy Policy);

/// <summary>The operator's hold on sources: editing, pausing and resuming, stopping, and each source's recent problems.</summary>
public interface ISourceControlStore
{
    /// <summary>The controls of every source, by source id.</summary>
    Task<IReadOnlyDictionary<long, SourceControls>> SourceControlsAsync(CancellationToken cancellationToken);

    /// <summary>Changes a source's name, language, category, time zone and policy (its slug stays); false when it is gone.</summary>
    Task<bool> EditSourceAsync(long sourceId, SourceEdit edit, CancellationToken cancellationToken);

    /// <summary>A paused source is not polled, nor are its WebSub pushes taken; its articles stay on the site.</summary>
    Task SetPausedAsync(long sourceId, bool paused, CancellationToken cancellationToken);

    /// <summary>Stops following a source: its endpoints are removed and it is paused; its articles stay on the site.</summary>
    Task StopFollowingAsync(long sourceId, CancellationToken cancellationToken);

    /// <summary>
    /// Withdraws a source for good: it is no longer followed, its policy becomes <see cref="SourcePolicy.Withdrawn"/>,
    /// and its articles leave the site (every list, feed, index and sitemap) with a record of each, so that their pages
    /// answer 410 Gone. Returns how many articles were withdrawn; null when there is no such source.
    /// </summary>
    Task<int?> WithdrawSourceAsync(long sourceId, DateTimeOffset atUtc, CancellationToken cancellationToken);

    /// <summary>The record of an article withdrawn with its source, or null.</summary>
    Task<WithdrawnArticle?> WithdrawnArticleAsync(long articleId, CancellationToken cancellationToken);

    /// <summary>Each of <paramref name="articleIds"/> that exists with its source and its outlet's directives (one read by key per id).</summary>
    Task<IReadOnlyDictionary<long, ArticleOrigin>> OriginsOfAsync(IReadOnlyCollection<long> articleIds, CancellationToken cancellationToken);

    /// <summary>The source's most recent problems (fetch, extract, translate), newest first.</summary>
    Task<IReadOnlyList<FetchProblem>> SourceProblemsAsync(long sourceId, int limit, CancellationToken cancellationToken);
}
