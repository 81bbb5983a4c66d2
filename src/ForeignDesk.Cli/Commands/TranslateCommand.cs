using System.CommandLine;
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
    public static Command Create()
    {
        var from = new Option<string>("--from") { Description = "The language of the input (ISO 639-1, e.g. es)", HelpName = "LANG", Required = true };
        var to = new Option<string>("--to") { Description = "The language to translate into", HelpName = "LANG", DefaultValueFactory = _ => "en" };
        var engine = new Option<string?>("--engine") { Description = "The engine to use (see: foreigndesk engines); default: the first that translates the pair", HelpName = "NAME" };
        var source = new Option<string?>("--source") { Description = "Apply this source's glossary entries too", HelpName = "SLUG" };
        var noMemory = new Option<bool>("--no-memory") { Description = "Ask the engine for every unit instead of the translation memory" };
        var command = new Command("translate", "Translate standard input to standard output (plain text line by line, or HTML)") { from, to, engine, source, noMemory };
        command.SetAction((parse, cancellationToken) => RunAsync(parse, new TranslateInput(parse.GetRequiredValue(from), parse.GetRequiredValue(to),
            parse.GetValue(engine), parse.GetValue(source), !parse.GetValue(noMemory)), cancellationToken));
        return command;
    }

    private sealed record TranslateInput(string From, string To, string? Engine, string? Source, bool UseMemory);

    private static async Task<int> RunAsync(ParseResult parse, TranslateInput input, CancellationToken cancellationToken)
    {
        var from = input.From.ToLowerInvariant();
        var to = input.To.ToLowerInvariant();
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var selector = app.Services.GetRequiredService<EngineSelector>();
        var engine = input.Engine is { } name
            ? app.Services.GetKeyedService<ITranslationEngine>(name.ToLowerInvariant()) is { } named && named.RouteFor(from, to) is not null ? named : null
            : selector.Select(from, to)?.Engine;
        if (engine is null)
        {
            Console.Error.WriteLine($"foreigndesk: no configured engine translates {from} into {to} (see: foreigndesk engines)");
            return 1;
        }

        var units = app.Services.GetRequiredService<TranslationStack>().For(engine, from, input.Source, input.UseMemory);
        var text = await Console.In.ReadToEndAsync(cancellationToken);
        var result = DocumentTranslator.LooksLikeHtml(text)
            ? await DocumentTranslator.TranslateHtmlAsync(text, from, to, units, cancellationToken)
            : await DocumentTranslator.TranslateTextAsync(text, from, to, units, cancellationToken);
        await Console.Out.WriteAsync(result.Text);
        await Console.Out.FlushAsync(cancellationToken);
        return 0;
    }
}
