namespace ForeignDesk.Core;

/// <summary>Which stored articles a reclassification looks at.</summary>
/// <param name="SourceId">Only this outlet's articles; null for every outlet.</param>
/// <param name="SinceUtc">Only articles published at or after this instant; null for all.</param>
public sealed record CategoryScan(long? SourceId = null, DateTimeOffset? SinceUtc = null);
