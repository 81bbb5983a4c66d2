using System.Text;
using Microsoft.Extensions.ObjectPool;

namespace ForeignDesk.Web.Rendering;

/// <summary>
/// The builders pages are rendered into, kept for the next page once a page's answer is encoded
/// (<see cref="PageResult"/>). A new builder for every page was a third of what an uncached article page allocated:
/// its first block of 16 384 characters and the block it grew by.
/// </summary>
internal static class PageBuffers
{
    /// <summary>Characters a new builder makes room for: a page's worth.</summary>
    public const int Capacity = 16 * 1024;

    /// <summary>A builder grown past this (by a very long page) is not kept.</summary>
    private const int MostKeptCapacity = 64 * 1024;

    /// <summary>Builders kept: more than the pages rendered and encoded at once.</summary>
    private const int MostKept = 64;

    private static readonly ObjectPool<StringBuilder> Pool = new DefaultObjectPool<StringBuilder>(
        new StringBuilderPooledObjectPolicy { InitialCapacity = Capacity, MaximumRetainedCapacity = MostKeptCapacity }, MostKept);

    public static StringBuilder Get() => Pool.Get();

    /// <summary>Gives the builder back, emptied; nothing may use it afterwards.</summary>
    public static void Return(StringBuilder builder) => Pool.Return(builder);
}
