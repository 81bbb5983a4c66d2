using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

internal static class SourcesCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var store = app.Services.GetRequiredService<IArticleStore>();
        switch (arguments.Word(1))
        {
            case "list":
                foreach (var source in await store.ListSourcesAsync(cancellationToken))
                    Console.WriteLine($"{source.Slug}\t{source.Name}\t{source.Language ?? "auto"}\t{source.Category}\t{source.TimeZone}\t{string.Join(' ', source.FeedUrls)}");
                return 0;
            case "add":
                var added = await SourceAdd.RunAsync(arguments, app.Services, cancellationToken);
                Console.WriteLine($"added {added.Slug}");
                return 0;
            case "remove":
                var slug = arguments.Word(2) ?? throw new UsageException("sources remove needs a SLUG (see sources list)");
                if (await store.RemoveSourceAsync(slug, cancellationToken)) { Console.WriteLine($"removed {slug}"); return 0; }
                Console.Error.WriteLine($"foreigndesk: no source '{slug}'");
                return 1;
            case "import-opml":
                var file = arguments.Word(2) ?? throw new UsageException("sources import-opml needs a FILE");
                if (!File.Exists(file)) throw new InputException($"no file {file}");
                try
                {
                    Console.WriteLine($"imported {await DefaultSources.ImportAsync(store, file, cancellationToken)} sources");
                }
                catch (FormatException ex)
                {
                    throw new InputException($"{file} is {ex.Message}", ex);
                }
                return 0;
            case "export-opml":
                var sources = await store.ListSourcesAsync(cancellationToken);
                if (arguments.Word(2) is { } output)
                {
                    await using var stream = File.Create(output);
                    OpmlFile.Write(sources, stream);
                }
                else
                {
                    await using var stdout = Console.OpenStandardOutput();
                    OpmlFile.Write(sources, stdout);
                }
                return 0;
            default:
                throw new UsageException("sources needs one of: list, add, remove, import-opml, export-opml");
        }
    }

    internal static Uri ParseUrl(string text, string option) =>
        Uri.TryCreate(text, UriKind.Absolute, out var url) && url.Scheme is "http" or "https"
            ? url
            : throw new UsageException($"{option} must be an http(s) URL, not '{text}'");

    internal static string ValidZone(string zone) =>
        TimeZoneInfo.TryFindSystemTimeZoneById(zone, out _) ? zone : throw new UsageException($"unknown time zone '{zone}' (use an IANA id such as Europe/Madrid)");
}
