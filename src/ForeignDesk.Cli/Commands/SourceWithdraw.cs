using System.CommandLine;
using System.Globalization;
using ForeignDesk.Core;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// <c>foreigndesk sources withdraw SLUG|ID|URL</c>: takes an outlet and every article of it off the site for good. The
/// articles leave every list, feed, sitemap, search and the API, and their pages answer 410 Gone; a running site drops
/// its cached pages within seconds (the store's change feed).
/// </summary>
internal static class SourceWithdraw
{
    public static Command Create()
    {
        var which = new Argument<string>("SOURCE") { Description = "The outlet: its slug or id (see: foreigndesk sources list), or its home page or a feed URL" };
        var withdraw = new Command("withdraw", "Withdraw an outlet for good: its articles leave the site and their pages answer 410 Gone") { which };
        withdraw.SetAction((parse, ct) => SourcesCommand.WithStoreAsync(parse, (services, store) =>
            WithdrawAsync(store, services.GetRequiredService<ISourceControlStore>(), services.GetRequiredService<TimeProvider>(), parse.GetRequiredValue(which), ct), ct));
        return withdraw;
    }

    private static async Task<int> WithdrawAsync(IArticleStore store, ISourceControlStore controls, TimeProvider time, string given, CancellationToken cancellationToken)
    {
        if (Find(await store.ListSourcesAsync(cancellationToken), given) is not { } source)
        {
            Console.Error.WriteLine($"foreigndesk: no source '{given}' (give its slug, its id, or its home page or a feed URL; see: foreigndesk sources list)");
            return 1;
        }
        var withdrawn = await controls.WithdrawSourceAsync(source.Id, time.GetUtcNow(), cancellationToken) ?? 0;
        Console.WriteLine($"withdrew {source.Slug}: {withdrawn} article{(withdrawn == 1 ? "" : "s")} taken off the site (their pages answer 410 Gone)");
        return 0;
    }

    /// <summary>The source named by its slug, its id, or a URL of it (its home page, one of its feeds, or any page on its host).</summary>
    internal static Source? Find(IReadOnlyList<Source> sources, string given)
    {
        given = given.Trim();
        if (sources.FirstOrDefault(s => s.Slug == given) is { } bySlug) return bySlug;
        if (long.TryParse(given, NumberStyles.None, CultureInfo.InvariantCulture, out var id)) return sources.FirstOrDefault(s => s.Id == id);
        if (!Uri.TryCreate(given, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https")) return null;
        return sources.FirstOrDefault(s => s.HomeUrl == url || s.FeedUrls.Contains(url))
            ?? sources.SingleOrDefault(s => SameHost(s.HomeUrl, url));
    }

    private static bool SameHost(Uri a, Uri b) =>
        string.Equals(Host(a), Host(b), StringComparison.OrdinalIgnoreCase);

    private static string Host(Uri url) => url.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? url.Host[4..] : url.Host;
}
