namespace ForeignDesk.Core;

/// <summary>When an article was published by its outlet, first seen by ForeignDesk and translated: the delays of <c>/status</c>.</summary>
/// <param name="PublishedUtc">The outlet's time; null when the outlet gave none (the stored time is an estimate).</param>
/// <param name="TranslatedUtc">When its translation was made; null while it has none (or the engine was none).</param>
public sealed record ArticleTimes(long SourceId, DateTimeOffset? PublishedUtc, DateTimeOffset FirstSeenUtc, DateTimeOffset? TranslatedUtc);
