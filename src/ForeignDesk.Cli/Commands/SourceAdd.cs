using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>sources add</c>: with <c>--feed</c>, <c>--sitemap</c> or <c>--section</c> (each may repeat as a comma list) the
/// endpoints are taken as given; with only <c>--home</c> they are discovered (announced feeds, else sitemaps).
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

        var first = given[0].Url;
        var source = await store.AddSourceAsync(new SourceDraft(
            arguments.Option("name") ?? (home ?? first).Host,
            home ?? new Uri(first.GetLeftPart(UriPartial.Authority) + "/"),
            [.. given.Where(e => e.Kind == EndpointKind.Feed).Select(e => e.Url)],
            arguments.Option("language") is { } language and not "auto" ? language.ToLowerInvariant() : null,
            arguments.Option("category") ?? "News/World",
            SourcesCommand.ValidZone(arguments.Option("timezone") ?? "UTC")), cancellationToken);
        var endpoints = services.GetRequiredService<ISourceEndpointStore>();
        foreach (var (kind, url) in given)
            await endpoints.AddEndpointAsync(source.Id, kind, url, cancellationToken);
        return source;
    }

    private static IEnumerable<(EndpointKind Kind, Uri Url)> Urls(CliArguments arguments, string option, EndpointKind kind) =>
        (arguments.Option(option) ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(u => (kind, SourcesCommand.ParseUrl(u, "--" + option)));
}
