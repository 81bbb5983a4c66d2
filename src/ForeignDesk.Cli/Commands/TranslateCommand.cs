using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// Translates standard input: HTML keeps its markup (block elements are separate units); plain text keeps its
/// lines (N in, N out, each line its own unit). Goes through the translation memory and the glossary, as the
/// pipeline does; <c>--no-memory</c> asks the engine for every unit.
/// </summary>
internal static class TranslateCommand
{
    public static async Task<int> RunAsync(CliArguments arguments, CancellationToken cancellationToken)
    {
        var from = arguments.RequireOption("from").ToLowerInvariant();
        var to = (arguments.Option("to") ?? "en").ToLowerInvariant();
        await using var app = await CommandHost.OpenAsync(arguments, cancellationToken);
        var selector = app.Services.GetRequiredService<EngineSelector>();
        var engine = arguments.Option("engine") is { } name
            ? app.Services.GetKeyedService<ITranslationEngine>(name.ToLowerInvariant()) is { } named && named.RouteFor(from, to) is not null ? named : null
            : selector.Select(from, to)?.Engine;
        if (engine is null)
        {
            Console.Error.WriteLine($"foreigndesk: no configured engine translates {from} into {to} (see: foreigndesk engines)");
            return 1;
        }

        var units = app.Services.GetRequiredService<TranslationStack>().For(engine, from, arguments.Option("source"), useMemory: !arguments.Has("no-memory"));
        var input = await Console.In.ReadToEndAsync(cancellationToken);
        var result = DocumentTranslator.LooksLikeHtml(input)
            ? await DocumentTranslator.TranslateHtmlAsync(input, from, to, units, cancellationToken)
            : await DocumentTranslator.TranslateTextAsync(input, from, to, units, cancellationToken);
        await Console.Out.WriteAsync(result.Text);
        await Console.Out.FlushAsync(cancellationToken);
        return 0;
    }
}
