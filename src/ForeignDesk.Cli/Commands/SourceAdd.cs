using System.CommandLine;
using System.CommandLine.Parsing;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>What <c>sources add</c> was given, checked.</summary>
/// <param name="Url">Any URL of the outlet, whose endpoints are found (<see cref="EndpointDiscovery.FromUrlAsync"/>).</param>
internal sealed record SourceAddInput(
    Uri? Url,
    IReadOnlyList<(EndpointKind Kind, Uri Url)> Given,
    Uri? Home,
    string? Name,
    string? Language,
    string? Category,
    string TimeZone,
    bool Check);

/// <summary>
/// <c>sources add [URL]</c>: any URL of an outlet (a feed, a sitemap, a section page or a home page) is fetched and
/// what it leads to is followed and shown. With <c>--feed</c>, <c>--sitemap</c> or <c>--section</c> (each may repeat as
/// a comma list) the endpoints are taken as given; with only <c>--home</c> they are discovered (announced feeds, else
/// sitemaps). Each feed given with <c>--feed</c> is fetched and parsed first, unless <c>--no-check</c>: a URL that is
/// not a feed is refused.
/// </summary>
internal static class SourceAdd
{
    public static Command Create()
    {
        var url = new Argument<Uri?>("URL")
        {
            Description = "Any URL of the outlet: a feed, a sitemap, a section page or the home page; what it leads to is followed",
            Arity = ArgumentArity.ZeroOrOne,
            CustomParser = r => ParseUrls(r, "URL").FirstOrDefault(),
        };
        var feed = UrlList("--feed", "Feeds to follow (RSS, Atom, JSON Feed), ',' between several");
        var sitemap = UrlList("--sitemap", "Sitemaps to follow (urlset, index, Google News), ',' between several");
        var section = UrlList("--section", "Section pages whose article links are followed, ',' between several");
        var home = new Option<Uri?>("--home") { Description = "The home page: its announced feeds, else its sitemaps, are followed", HelpName = "URL", CustomParser = r => ParseUrls(r, "--home").FirstOrDefault() };
        var name = new Option<string?>("--name") { Description = "The outlet's name (default: its host)", HelpName = "N" };
        name.Validators.Add(r => { if (r.GetValueOrDefault<string?>() is { } n && n.Trim().Length == 0) r.AddError("--name must not be empty"); });
        var language = new Option<string?>("--language") { Description = "The language(s) it writes in (ISO 639-1: es, or es,ca), or auto to detect each article", HelpName = "LANG[,LANG]|auto" };
        language.Validators.Add(r =>
        {
            if (NewSourceChecks.UnknownLanguage(r.GetValueOrDefault<string?>()) is { } unknown)
                r.AddError($"unknown language code '{unknown}' (use ISO 639-1 codes such as es or es,ca, or auto)");
        });
        var category = new Option<string?>("--category") { Description = "The category its articles are filed under when nothing better is known (default News/World)", HelpName = "C" };
        var zone = new Option<string>("--timezone") { Description = "Its time zone, for dates written without one (IANA id)", HelpName = "ZONE", DefaultValueFactory = _ => "UTC" };
        zone.Validators.Add(r =>
        {
            if (!TimeZoneInfo.TryFindSystemTimeZoneById(r.GetValueOrDefault<string>() ?? "", out _))
                r.AddError($"unknown time zone '{r.GetValueOrDefault<string>()}' (use an IANA id such as Europe/Madrid)");
        });
        var noCheck = new Option<bool>("--no-check") { Description = "Add the feeds without fetching them first" };

        var command = new Command("add", "Follow an outlet") { url, name, feed, home, sitemap, section, language, category, zone, noCheck };
        command.Validators.Add(r =>
        {
            if (r.GetResult(url) is not { Tokens.Count: > 0 } && new Option[] { feed, sitemap, section, home }.All(o => r.GetResult(o) is null))
                r.AddError("sources add needs a URL, or --feed URL, --sitemap URL, --section URL or --home URL");
        });
        command.SetAction((parse, ct) => SourcesCommand.WithStoreAsync(parse, async (services, _) =>
        {
            var input = new SourceAddInput(
                parse.GetValue(url),
                [.. Endpoints(parse.GetValue(feed), EndpointKind.Feed), .. Endpoints(parse.GetValue(sitemap), EndpointKind.Sitemap),
                    .. Endpoints(parse.GetValue(section), EndpointKind.Section)],
                parse.GetValue(home), parse.GetValue(name)?.Trim(), parse.GetValue(language), parse.GetValue(category),
                parse.GetRequiredValue(zone), !parse.GetValue(noCheck));
            var added = await RunAsync(input, services, ct);
            Console.WriteLine($"added {added.Slug}");
            return 0;
        }, ct));
        return command;
    }

    public static async Task<Source> RunAsync(SourceAddInput input, IServiceProvider services, CancellationToken cancellationToken)
    {
        var store = services.GetRequiredService<IArticleStore>();
        var given = input.Given.ToList();
        var home = input.Home;
        if (input.Url is { } any)
        {
            var found = await services.GetRequiredService<EndpointDiscovery>().FromUrlAsync(any, cancellationToken);
            if (found.Endpoints.Count == 0) throw new InputException($"nothing to follow found: {found.Problem}");
            Show(found);
            given.AddRange(found.Endpoints);
            if (any.AbsolutePath == "/" && found.Endpoints.All(e => e.Url != any)) home ??= any;
        }
        else if (given.Count == 0)
        {
            if (home is null) throw new UsageException("sources add needs --feed URL, --sitemap URL, --section URL or --home URL");
            var found = await services.GetRequiredService<EndpointDiscovery>().DiscoverAsync(home, cancellationToken);
            if (found.Endpoints.Count == 0) throw new UsageException($"no feed or sitemap found: {found.Problem}");
            given = [.. found.Endpoints];
            Show(found);
        }

        await RefuseFollowedAsync(store, services.GetRequiredService<ISourceEndpointStore>(), given, cancellationToken);
        if (input.Home is null && input.Check)
        {
            var check = services.GetRequiredService<FeedCheck>();
            foreach (var (_, url) in input.Given.Where(e => e.Kind == EndpointKind.Feed))
            {
                if (await check.ProblemAsync(url, cancellationToken) is { } problem)
                    throw new InputException(problem + " (--no-check adds it unchecked)");
            }
        }

        var first = given[0].Url;
        var source = await store.AddSourceAsync(new SourceDraft(
            input.Name ?? (home ?? first).Host,
            home ?? new Uri(first.GetLeftPart(UriPartial.Authority) + "/"),
            [.. given.Where(e => e.Kind == EndpointKind.Feed).Select(e => e.Url)],
            SourceLanguages.Normalize(input.Language),
            input.Category ?? "News/World",
            input.TimeZone), cancellationToken);
        var endpoints = services.GetRequiredService<ISourceEndpointStore>();
        foreach (var (kind, url) in given)
            await endpoints.AddEndpointAsync(source.Id, kind, url, cancellationToken);
        return source;
    }

    private static void Show(DiscoveredEndpoints found)
    {
        foreach (var (kind, url) in found.Endpoints)
            Console.WriteLine($"found {kind.ToString().ToLowerInvariant()} {url}{(found.How is { } how ? $" ({how})" : "")}");
    }

    private static Option<Uri[]?> UrlList(string name, string description) =>
        new(name) { Description = description, HelpName = "URL[,URL]", CustomParser = r => ParseUrls(r, name) };

    /// <summary>The comma-separated http(s) URLs of an option; an error on the option for anything else.</summary>
    private static Uri[] ParseUrls(ArgumentResult result, string option)
    {
        var urls = new List<Uri>();
        foreach (var text in result.Tokens.SelectMany(t => t.Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
        {
            if (Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https") urls.Add(url);
            else result.AddError($"{option} must be an http(s) URL, not '{text}'");
        }
        return [.. urls];
    }

    private static IEnumerable<(EndpointKind Kind, Uri Url)> Endpoints(Uri[]? urls, EndpointKind kind) =>
        (urls ?? []).Select(u => (kind, u));

    /// <summary>Refuses an endpoint that a source already follows.</summary>
    private static async Task RefuseFollowedAsync(IArticleStore store, ISourceEndpointStore endpoints, IReadOnlyList<(EndpointKind Kind, Uri Url)> given, CancellationToken cancellationToken)
    {
        if (await NewSourceChecks.FollowerAsync(store, endpoints, given.Select(g => g.Url), cancellationToken) is { } follower)
            throw new UsageException($"{follower.Url} is already followed by source {follower.Source.Slug}");
    }
}
