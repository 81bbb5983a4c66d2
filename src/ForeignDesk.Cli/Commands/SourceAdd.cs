using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>sources add</c>: with <c>--feed</c>, <c>--sitemap</c> or <c>--section</c> (each may repeat as a comma list) the
/// endpoints are taken as given; with only <c>--home</c> they are discovered (announced feeds, else sitemaps).
/// Each given feed is fetched and parsed first, unless <c>--no-check</c>: a URL that is not a feed is refused.
/// </summary>
internal static class SourceAdd
{
    public static async Task<Source> RunAsync(CliArguments arguments, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IArticleStore>();
        var given = Urls(arguments, "feed", EndpointKind.Feed)
            .Concat(Urls(arguments, "sitemap", EndpointKind.Sitemap))
            .Concat(Urls(arguments, "section", EndpointKind.Section))
            .ToList();
        var home = arguments.Option("home") is { } h ? SourcesCommand.ParseUrl(h, "--home") : null;
        if (given.Count == 0)
        {
            if (home is null) throw new UsageException("sources add needs --feed URL, --sitemap URL, --section URL or --home URL");
            var found = await services.GetRequiredService<EndpointDiscovery>().DiscoverAsync(home, cancellationToken);
            if (found.Endpoints.Count == 0) throw new UsageException($"no feed or sitemap found: {found.Problem}");
            given = [.. found.Endpoints];
            foreach (var (kind, url) in given) Console.WriteLine($"found {kind.ToString().ToLowerInvariant()} {url}");
        }

        var name = arguments.Option("name") is { } n
            ? (n.Trim() is { Length: > 0 } trimmed ? trimmed : throw new UsageException("--name must not be empty"))
            : null;
        var language = arguments.Option("language");
        if (NewSourceChecks.UnknownLanguage(language) is { } unknown)
            throw new UsageException($"unknown language code '{unknown}' (use ISO 639-1 codes such as es or es,ca, or auto)");
        var zone = SourcesCommand.ValidZone(arguments.Option("timezone") ?? "UTC");
        await RefuseFollowedAsync(store, services.GetRequiredService<ISourceEndpointStore>(), given, cancellationToken);
        if (home is null && !arguments.Has("no-check"))
        {
            var check = services.GetRequiredService<FeedCheck>();
            foreach (var (_, url) in given.Where(e => e.Kind == EndpointKind.Feed))
            {
                if (await check.ProblemAsync(url, cancellationToken) is { } problem)
                    throw new InputException(problem + " (--no-check adds it unchecked)");
            }
        }

        var first = given[0].Url;
        var source = await store.AddSourceAsync(new SourceDraft(
            name ?? (home ?? first).Host,
            home ?? new Uri(first.GetLeftPart(UriPartial.Authority) + "/"),
            [.. given.Where(e => e.Kind == EndpointKind.Feed).Select(e => e.Url)],
            SourceLanguages.Normalize(language),
            arguments.Option("category") ?? "News/World",
            zone), cancellationToken);
        var endpoints = services.GetRequiredService<ISourceEndpointStore>();
        foreach (var (kind, url) in given)
            await endpoints.AddEndpointAsync(source.Id, kind, url, cancellationToken);
        return source;
    }

    /// <summary>Refuses an endpoint that a source already follows.</summary>
    private static async Task RefuseFollowedAsync(IArticleStore store, ISourceEndpointStore endpoints, IReadOnlyList<(EndpointKind Kind, Uri Url)> given, CancellationToken cancellationToken)
    {
        if (await NewSourceChecks.FollowerAsync(store, endpoints, given.Select(g => g.Url), cancellationToken) is { } follower)
            throw new UsageException($"{follower.Url} is already followed by source {follower.Source.Slug}");
    }

    private static IEnumerable<(EndpointKind Kind, Uri Url)> Urls(CliArguments arguments, string option, EndpointKind kind) =>
        (arguments.Option(option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => (kind, SourcesCommand.ParseUrl(u, "--" + option)));
}
