namespace ForeignDesk.Bench;

/// <summary>
/// The runtime settings the repository's units (<c>deploy/systemd</c>) run ForeignDesk's processes with, which the
/// benches give the sites and workers they start. The runtime reads them from the environment only.
/// </summary>
internal static class ProcessRuntime
{
    /// <summary>
    /// Every process's (<c>./foreigndesk</c> sets them too):
    /// <list type="bullet">
    /// <item>a first generation of at least 32 MiB. On a small machine the runtime's dynamic sizing gave it about 2.5 MiB,
    /// a collection every twenty uncached article pages (each allocated about 130 KB then, about 90 KB since the output
    /// cache's buffers are smaller: <c>OutputCacheSegments</c>);</item>
    /// <item>hot methods compiled in full as soon as they are found hot. By default the runtime starts counting calls
    /// only once 100 ms pass without a method compiled for the first time, which a starting worker, or a site meeting
    /// new kinds of pages, keeps putting off: a fresh site answered uncached article pages at about half its later
    /// rate for its first minute.</item>
    /// </list>
    /// </summary>
    public static readonly (string Name, string Value)[] Every = [("DOTNET_GCgen0size", "0x2000000"), ("DOTNET_TC_CallCountingDelayMs", "0")];

    /// <summary>A worker's, besides <see cref="Every"/>: no profile-guided recompilation (README, Scale).</summary>
    public static readonly (string Name, string Value)[] Worker = [("DOTNET_TieredPGO", "0"), .. Every];
}
