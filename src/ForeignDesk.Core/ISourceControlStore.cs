namespace ForeignDesk.Core;

/// <summary>How much of a source's articles may be republished: the whole translation, or a summary (its teaser).</summary>
public enum SourcePolicy { Full, Summary }

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

    /// <summary>The source's most recent problems (fetch, extract, translate), newest first.</summary>
    Task<IReadOnlyList<FetchProblem>> SourceProblemsAsync(long sourceId, int limit, CancellationToken cancellationToken);
}
