using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// The site's rendered pages, kept by ASP.NET Core output caching under the policy <see cref="Policy"/>, each with the
/// tags of what it shows (<see cref="PageTags"/>), and dropped by tag when that changes.
/// </summary>
internal sealed class PageCache(IOutputCacheStore store)
{
    public const string Policy = "pages";

    /// <summary>How long a page stays cached when nothing it shows changes; changes drop it sooner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Tags the page being rendered, so that changes to what it shows drop it from the cache.</summary>
    public static void Tag(HttpContext context, params ReadOnlySpan<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { } feature) return;
        foreach (var tag in tags) feature.Context.Tags.Add(tag);
    }

    public ValueTask EvictAsync(string tag, CancellationToken cancellationToken) => store.EvictByTagAsync(tag, cancellationToken);
}
