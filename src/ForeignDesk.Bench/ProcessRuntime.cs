namespace ForeignDesk.Bench;

/// <summary>
/// The runtime settings the repository's units (<c>deploy/systemd</c>) run ForeignDesk's processes with, which the
/// benches give the sites and workers they start. The runtime reads them from the environment only.
/// </summary>
internal static class ProcessRuntime
{
    /// <summary>
    /// Every process's (<c>./foreigndesk</c> sets it too): a first generation of at least 32 MiB. On a small machine the
    /// runtime's dynamic sizing gave it about 2.5 MiB, a collection every twenty uncached article pages (each allocated
    /// about 130 KB then, about 90 KB since the output cache's buffers are smaller: <c>OutputCacheSegments</c>).
    /// </summary>
    public static readonly (string Name, string Value)[] Every = [("DOTNET_GCgen0size", "0x2000000")];

    /// <summary>
    /// A worker's, besides <see cref="Every"/>: no profile-guided recompilation, and hot methods compiled in full as soon
    /// as they are found hot, not once a start-up that keeps finding new methods is over (the runtime waits for 100 ms
    /// without any first compilation).
    /// </summary>
    public static readonly (string Name, string Value)[] Worker = [("DOTNET_TieredPGO", "0"), ("DOTNET_TC_CallCountingDelayMs", "0"), .. Every];
}
