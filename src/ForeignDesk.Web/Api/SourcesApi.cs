using ForeignDesk.Core;
using ForeignDesk.Web.ReadModels;
using ForeignDesk.Web.Rendering;
using ForeignDesk.Web.Policy;
using Microsoft.AspNetCore.Http;

namespace ForeignDesk.Web.Api;

/// <summary>An outlet ForeignDesk follows, with its article counts as last computed (every 15 seconds).</summary>
/// <param name="Languages">ISO 639 codes, the main one first; empty when each article's language is detected.</param>
/// <param name="TimeZone">The outlet's IANA time zone.</param>
/// <param name="ArticlesToday">Articles first seen in the last 24 hours.</param>
/// <param name="ArticlesUrl">Its articles, newest first.</param>
internal sealed record SourceBody(string Slug, string Name, string HomeUrl, IReadOnlyList<string> Languages, string Category, string TimeZone,
    int ArticlesToday, int ArticlesTotal, string Url, string ApiUrl, string ArticlesUrl);

internal sealed record SourceList(IReadOnlyList<SourceBody> Items);

/// <summary><c>/api/v1/sources</c>: the outlets, and one outlet.</summary>
internal static class SourcesApi
{
    public static async Task<IResult> ListAsync(IArticleStore store, StatusCountsRefresher counts, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var sources = new List<Source>();
        foreach (var source in await store.ListSourcesAsync(cancellationToken))
            if (!await policies.IsWithdrawnAsync(source.Id, cancellationToken)) sources.Add(source);
        var figures = await counts.CurrentAsync(cancellationToken);
        return ApiJson.Of(new SourceList(sources.OrderBy(s => s.Slug, StringComparer.Ordinal).Select(s => Body(s, figures)).ToList()));
    }

    public static async Task<IResult> ShowAsync(string slug, IArticleStore store, StatusCountsRefresher counts, SourcePolicies policies, CancellationToken cancellationToken)
    {
        var source = slug.Length <= 200 ? await store.GetSourceAsync(slug, cancellationToken) : null;
        if (source is null) return ApiProblems.NotFound($"There is no source \"{(slug.Length > 60 ? slug[..60] + "…" : slug)}\".");
        if (await policies.IsWithdrawnAsync(source.Id, cancellationToken)) return ApiProblems.Gone($"The source \"{source.Slug}\" was withdrawn, with its articles.");
        return ApiJson.Of(Body(source, await counts.CurrentAsync(cancellationToken)));
    }

    private static SourceBody Body(Source source, StatusCounts figures)
    {
        var count = figures.Counts.GetValueOrDefault(source.Id);
        return new SourceBody(source.Slug, source.Name, source.HomeUrl.AbsoluteUri, source.Languages, source.Category, source.TimeZone,
            count?.Today ?? 0, count?.Total ?? 0, Paths.Source(source.Slug), ApiPaths.Source(source.Slug),
            $"{ApiPaths.Root}/articles?source={Uri.EscapeDataString(source.Slug)}");
    }
}
