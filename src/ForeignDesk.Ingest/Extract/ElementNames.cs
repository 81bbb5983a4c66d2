using System.Collections.Concurrent;
using AngleSharp.Dom;

namespace ForeignDesk.Ingest.Extract;

/// <summary>What an element's class and id say, as flags.</summary>
[Flags]
internal enum NameKinds
{
    None = 0,
    Boilerplate = 1,
    Lead = 2,
    Body = 4,
    PositiveWeight = 8,
    NegativeWeight = 16,
}

/// <summary>
/// Tests an element's class and id against the name patterns once per distinct name string: pages repeat the same
/// class lists on many elements, and the patterns are the hot path of extraction.
/// </summary>
internal static class ElementNames
{
    private const int MaxEntries = 100_000;
    private static readonly ConcurrentDictionary<(string Classes, string Id), NameKinds> Cache = new();
    private static int entries;

    public static NameKinds Of(IElement element)
    {
        var classes = element.GetAttribute("class") ?? string.Empty;
        var id = element.GetAttribute("id") ?? string.Empty;
        if (classes.Length == 0 && id.Length == 0) return NameKinds.None;
        // The key is the pair itself, so that a hit allocates nothing; ConcurrentDictionary.Count takes every lock, so
        // the size is kept in a counter of its own.
        if (Cache.TryGetValue((classes, id), out var kinds)) return kinds;
        kinds = BoilerplateRules.Classify((classes + " " + id).ToLowerInvariant());
        if (Interlocked.Increment(ref entries) > MaxEntries)
        {
            Cache.Clear();
            Interlocked.Exchange(ref entries, 0);
        }
        Cache[(classes, id)] = kinds;
        return kinds;
    }
}
