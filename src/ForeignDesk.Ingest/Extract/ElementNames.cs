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
    private static readonly ConcurrentDictionary<string, NameKinds> Cache = new(StringComparer.Ordinal);

    public static NameKinds Of(IElement element)
    {
        var classes = element.GetAttribute("class");
        var id = element.GetAttribute("id");
        if (string.IsNullOrEmpty(classes) && string.IsNullOrEmpty(id)) return NameKinds.None;
        var key = id is null ? classes! : classes + " " + id;
        if (Cache.TryGetValue(key, out var kinds)) return kinds;
        kinds = BoilerplateRules.Classify(((classes ?? string.Empty) + " " + (id ?? string.Empty)).ToLowerInvariant());
        if (Cache.Count >= MaxEntries) Cache.Clear();
        Cache[key] = kinds;
        return kinds;
    }
}
