using ForeignDesk.Core;
using ForeignDesk.Ingest.Fetch;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>Bytes for a command: a local file, or a URL fetched with the pipeline's own fetcher.</summary>
internal static class PageInput
{
    public static async Task<FetchedPage> ReadAsync(string? file, string? url, IServiceProvider services, CancellationToken cancellationToken)
    {
        if (file is not null)
        {
            if (!File.Exists(file)) throw new UsageException($"no such file: {file}");
            var address = url is not null ? new Uri(url) : new Uri(Path.GetFullPath(file));
            var type = file.EndsWith(".json", StringComparison.OrdinalIgnoreCase) ? "application/json" : null;
            return new FetchedPage(address, address, 200, type, await File.ReadAllBytesAsync(file, cancellationToken), TimeProvider.System.GetUtcNow());
        }
        if (url is null || !Uri.TryCreate(url, UriKind.Absolute, out var target)) throw new UsageException("give a FILE or an http(s) URL");
        var outcome = await services.GetRequiredService<IPageFetcher>().FetchAsync(new FetchRequest(target), cancellationToken);
        return outcome.Page is { } page && outcome.Status == FetchStatus.Ok
            ? page
            : throw new UsageException($"could not fetch {url}: {outcome.Error ?? outcome.Status.ToString()}");
    }
}
