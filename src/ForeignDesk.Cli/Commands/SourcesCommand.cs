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
        var json = new Option<bool>("--json") { Description = "As a JSON array, one object per outlet" };
        var list = new Command("list", "The followed outlets: slug, name, language, category, time zone, policy, feeds") { json };
        list.SetAction((parse, ct) => WithStoreAsync(parse, (services, store) => ListAsync(services, store, parse.GetValue(json), ct), ct));

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

    /// <summary>
    /// One tab-separated line per outlet (slug, name, language, category, time zone, policy, feeds) or, with
    /// <paramref name="json"/>, a JSON array of <see cref="SourceLine"/>.
    /// </summary>
    private static async Task<int> ListAsync(IServiceProvider services, IArticleStore store, bool json, CancellationToken cancellationToken)
    {
        var controls = services.GetService<ISourceControlStore>() is { } held
            ? await held.SourceControlsAsync(cancellationToken)
            : new Dictionary<long, SourceControls>();
        var lines = (await store.ListSourcesAsync(cancellationToken)).Select(source => SourceLine.Of(source, controls.GetValueOrDefault(source.Id)?.Policy)).ToList();
        if (json)
        {
            JsonOutput.Write(lines);
            return 0;
        }
        foreach (var line in lines)
            Console.WriteLine($"{line.Slug}\t{line.Name}\t{line.Language ?? "auto"}\t{line.Category}\t{line.TimeZone}\t{line.Policy}\t{string.Join(' ', line.Feeds)}");
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
