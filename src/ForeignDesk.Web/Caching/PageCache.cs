using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.OutputCaching;
using ForeignDesk.Web.Search;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// The site's rendered pages, kept by ASP.NET Core output caching under the policy <see cref="Policy"/>, each with the
/// tags of what it shows (<see cref="PageTags"/>), and dropped by tag when that changes.
/// </summary>
internal sealed class PageCache(IOutputCacheStore store, SharedSearches searches)
{
    public const string Policy = "pages";

    /// <summary>
    /// The article page's policy: as <see cref="Policy"/>, with one cached copy per value of <c>view</c> (the page and its
    /// side-by-side view) and none per other query value, which the page does not read.
    /// </summary>
    public const string ArticlePolicy = "article";

    /// <summary>How long a page stays cached when nothing it shows changes; changes drop it sooner.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    /// <summary>Adds the site's output cache policies.</summary>
    public static void AddPolicies(OutputCacheOptions options)
    {
        options.AddPolicy(Policy, policy => Pages(policy));
        options.AddPolicy(ArticlePolicy, policy => Pages(policy).SetVaryByQuery("view", "version"));
    }

    private static OutputCachePolicyBuilder Pages(OutputCachePolicyBuilder policy) =>
        policy.Expire(Lifetime).SetVaryByHeader("Accept-Encoding").Tag(PageTags.All);

    /// <summary>Tags the page being rendered, so that changes to what it shows drop it from the cache.</summary>
    public static void Tag(HttpContext context, params ReadOnlySpan<string> tags)
    {
        if (context.Features.Get<IOutputCacheFeature>() is not { } feature) return;
        foreach (var tag in tags) feature.Context.Tags.Add(tag);
    }

    /// <summary>Drops the pages tagged <paramref name="tag"/>, and the searches they showed with those of the lists.</summary>
    public ValueTask EvictAsync(string tag, CancellationToken cancellationToken)
    {
        if (SharedSearches.Drops(tag)) searches.Forget();
        return store.EvictByTagAsync(tag, cancellationToken);
    }
}
