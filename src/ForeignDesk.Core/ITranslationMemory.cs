namespace ForeignDesk.Core;

/// <summary>
/// What a translated unit is cached under: the same source text translated between the same languages by the same
/// engine, in the same format and under the same glossary, gives the same translation.
/// </summary>
/// <param name="GlossaryVersion">A hash of the glossary entries that applied (see the glossary file).</param>
public sealed record MemoryScope(string From, string To, string Engine, SegmentFormat Format, string GlossaryVersion);

/// <summary>A remembered translation of one unit.</summary>
/// <param name="UnknownWordShare">Share of unknown words reported for the request that produced it (0..1).</param>
public sealed record MemoryEntry(string Source, string Target, double UnknownWordShare);

/// <summary>The translation memory: translated units kept so that no unit is translated twice.</summary>
public interface ITranslationMemory
{
    /// <summary>The remembered translations of <paramref name="sources"/> in <paramref name="scope"/>, keyed by source text.</summary>
    Task<IReadOnlyDictionary<string, MemoryEntry>> FindAsync(MemoryScope scope, IReadOnlyCollection<string> sources, CancellationToken cancellationToken);

    /// <summary>Remembers <paramref name="entries"/> in <paramref name="scope"/>, replacing older ones for the same source.</summary>
    Task SaveAsync(MemoryScope scope, IReadOnlyCollection<MemoryEntry> entries, CancellationToken cancellationToken);
}
