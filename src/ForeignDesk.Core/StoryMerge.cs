namespace ForeignDesk.Core;

/// <summary>
/// Stories found to tell one event: every article of <paramref name="AbsorbedIds"/> moves to <paramref name="SurvivorId"/>
/// (the oldest), and the absorbed ids keep answering by redirecting to it.
/// </summary>
/// <param name="Duplicates">Near-duplicate marks between articles that met only through the merge.</param>
public sealed record StoryMerge(long SurvivorId, IReadOnlyList<long> AbsorbedIds, DateTimeOffset MergedAtUtc, IReadOnlyList<DuplicateMark> Duplicates);
