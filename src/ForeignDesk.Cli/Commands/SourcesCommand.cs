using System.CommandLine;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Sources;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary><c>foreigndesk sources list | add | remove | withdraw | import-opml | export-opml</c>: the followed outlets.</summary>
internal static class SourcesCommand
{
    public static Command Create()
    {
        var list = new Command("list", "The followed outlets: slug, name, language, category, time zone, feeds");
        list.SetAction((parse, ct) => WithStoreAsync(parse, (_, store) => ListAsync(store, ct), ct));

        var slug = new Argument<string>("SLUG") { Description = "The outlet's slug (see: foreigndesk sources list)" };
        var remove = new Command("remove", "Stop following an outlet") { slug };
        remove.SetAction((parse, ct) => WithStoreAsync(parse, (_, store) => RemoveAsync(store, parse.GetRequiredValue(slug), ct), ct));

        var file = new Argument<string>("FILE") { Description = "An OPML file of feeds" };
        var import = new Command("import-opml", "Follow every feed of an OPML file") { file };
        import.SetAction((parse, ct) => WithStoreAsync(parse, (_, store) => ImportAsync(store, parse.GetRequiredValue(file), ct), ct));

        var output = new Argument<string?>("FILE") { Description = "Where to write; default standard output", Arity = ArgumentArity.ZeroOrOne };
        var export = new Command("export-opml", "The followed outlets as OPML") { output };
        export.SetAction((parse, ct) => WithStoreAsync(parse, (_, store) => ExportAsync(store, parse.GetValue(output), ct), ct));

        return new Command("sources", "The outlets followed") { list, SourceAdd.Create(), remove, SourceWithdraw.Create(), import, export };
    }

    /// <summary>Runs <paramref name="run"/> on the application with its store ready.</summary>
    internal static async Task<int> WithStoreAsync(ParseResult parse, Func<IServiceProvider, IArticleStore, Task<int>> run, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        return await run(app.Services, app.Services.GetRequiredService<IArticleStore>());
    }

    private static async Task<int> ListAsync(IArticleStore store, CancellationToken cancellationToken)
    {
        foreach (var source in await store.ListSourcesAsync(cancellationToken))
            Console.WriteLine($"{source.Slug}\t{source.Name}\t{source.Language ?? "auto"}\t{source.Category}\t{source.TimeZone}\t{string.Join(' ', source.FeedUrls)}");
        return 0;
    }

    private static async Task<int> RemoveAsync(IArticleStore store, string slug, CancellationToken cancellationToken)
    {
        if (await store.RemoveSourceAsync(slug, cancellationToken))
        {
            Console.WriteLine($"removed {slug}");
            return 0;
        }
        Console.Error.WriteLine($"foreigndesk: no source '{slug}'");
        return 1;
    }

    private static async Task<int> ImportAsync(IArticleStore store, string file, CancellationToken cancellationToken)
    {
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
    }

    private static async Task<int> ExportAsync(IArticleStore store, string? output, CancellationToken cancellationToken)
    {
        var sources = await store.ListSourcesAsync(cancellationToken);
        await using var stream = output is null ? Console.OpenStandardOutput() : File.Create(output);
        OpmlFile.Write(sources, stream);
        return 0;
    }
}
