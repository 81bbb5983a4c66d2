using ForeignDesk.Core;

namespace ForeignDesk.Store;

/// <summary>
/// One lookup in a translation memory: the key of each source text in a scope (<see cref="StoredValues.MemoryKey"/>),
/// and the entries found for them.
/// </summary>
internal sealed class MemoryLookup
{
    private readonly Dictionary<string, string> _sourceByKey = new(StringComparer.Ordinal);

    public MemoryLookup(MemoryScope scope, IEnumerable<string> sources)
    {
        foreach (var source in sources) _sourceByKey[StoredValues.MemoryKey(scope, source)] = source;
    }

    public IReadOnlyCollection<string> Keys => _sourceByKey.Keys;

    public Dictionary<string, MemoryEntry> Found { get; } = new(StringComparer.Ordinal);

    /// <summary>Takes a stored row for one of the keys.</summary>
    public void Add(string key, string source, string target, double unknownShare)
    {
        // A hash collision would show as a different source text: treat it as a miss.
        if (_sourceByKey.TryGetValue(key, out var asked) && asked == source) Found[source] = new MemoryEntry(source, target, unknownShare);
    }
}
