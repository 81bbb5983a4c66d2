using System.Text.RegularExpressions;
using ForeignDesk.Core;
using ForeignDesk.Ingest.Translate;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>Translates standard input: HTML keeps its markup; plain text keeps its lines (N in, N out).</summary>
internal static partial class TranslateCommand
{
    [GeneratedRegex(@"<\s*/?\s*[a-zA-Z][^>]*>")]
    private static partial Regex Tag();

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

        var input = await Console.In.ReadToEndAsync(cancellationToken);
        var isHtml = Tag().IsMatch(input);
        var trailingNewline = input.EndsWith('\n');
        var units = isHtml ? [input] : input.TrimEnd('\n').Split('\n').Select(l => l.TrimEnd('\r')).ToArray();
        var result = await engine.TranslateAsync(
            new TranslationRequest(from, to, units, isHtml ? SegmentFormat.Html : SegmentFormat.Text), cancellationToken);
        var output = string.Join('\n', result.Segments);
        await Console.Out.WriteAsync(trailingNewline && !output.EndsWith('\n') ? output + "\n" : output);
        return 0;
    }
}
