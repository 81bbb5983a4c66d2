using System.CommandLine;
using ForeignDesk.Ingest.Translate;
using ForeignDesk.Ingest.Translate.Engines;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Cli.Commands;

/// <summary>
/// Lists every configured engine, every language that can be translated into English now with the engines and routes
/// that would be tried in order, and the languages nothing translates, with why.
/// </summary>
internal static class EnginesCommand
{
    private const string Target = "en";

    public static Command Create()
    {
        var command = new Command("engines", "The configured engines and the languages they translate into English now");
        command.SetAction(RunAsync);
        return command;
    }

    private static async Task<int> RunAsync(ParseResult parse, CancellationToken cancellationToken)
    {
        await using var app = await CommandHost.OpenAsync(parse, cancellationToken);
        var catalog = app.Services.GetRequiredService<EngineCatalog>();
        var selector = app.Services.GetRequiredService<EngineSelector>();
        var apertium = app.Services.GetRequiredService<ApertiumEngine>();
        var descriptions = catalog.EngineNames.Select(catalog.Describe).ToList();

        Console.WriteLine("Engines:");
        foreach (var engine in descriptions) Console.WriteLine("  " + Line(engine));

        var apertiumRoutes = apertium.Routes();
        var languages = LanguageNames.Codes
            .Concat(catalog.RoutedLanguages)
            .Concat(descriptions.SelectMany(d => d.Type == EngineType.Apertium ? [] : d.Languages))
            .Concat(apertiumRoutes.Select(r => r.From))
            .Select(l => l.ToLowerInvariant())
            .Where(l => l != Target && l != TranslateOptions.AnyLanguage)
            .Distinct()
            .OrderBy(LanguageNames.Name, StringComparer.Ordinal)
            .ToList();

        var missing = new List<string>();
        Console.WriteLine();
        Console.WriteLine("Into English now (engines tried in this order):");
        foreach (var language in languages)
        {
            var choices = selector.Candidates(language, Target);
            var label = $"{LanguageNames.Name(language)} ({language})";
            if (choices.Count == 0)
            {
                missing.Add($"{label}: {WhyNot(language, catalog, descriptions)}");
                continue;
            }
            Console.WriteLine($"  {label,-28} {string.Join(", then ", choices.Select(c => $"{c.Engine.Name} {c.Route}"))}");
        }

        Console.WriteLine();
        Console.WriteLine("Missing (no route: articles in these languages are kept untranslated, shown in their original with a notice, until an engine translates them):");
        foreach (var line in missing) Console.WriteLine("  " + line);
        if (apertiumRoutes.Count == 0) Console.WriteLine("  Apertium has no pairs installed: install apertium and its pairs (./run.sh does)");
        return 0;
    }

    private static string Line(EngineDescription engine)
    {
        var text = $"{engine.Name,-12} {engine.Type,-15} {engine.Endpoint}";
        if (engine.Problem is { } problem)
            return text + $"  not usable: {problem} (set ForeignDesk__Translate__Engines__{engine.Name}__…)";
        text += $"  languages: {string.Join(" ", engine.Languages)}";
        return engine.CharactersLeftToday is { } left ? text + $"  budget: {left} characters left today" : text;
    }

    private static string WhyNot(string language, EngineCatalog catalog, IReadOnlyList<EngineDescription> descriptions)
    {
        var reasons = new List<string>();
        var routed = catalog.RouteNamesFor(language).Where(n => n != TranslateOptions.Apertium).ToList();
        if (descriptions.All(d => d.Type == EngineType.Apertium)) reasons.Add("no engine configured");
        else if (routed.Count == 0) reasons.Add("Translate:Routing sends it to Apertium only");
        foreach (var engine in descriptions.Where(d => routed.Contains(d.Name) && d.Type != EngineType.Apertium))
        {
            reasons.Add(engine.Problem is { } problem
                ? $"{engine.Name} is not usable ({problem})"
                : $"{engine.Name} is not configured for it (Languages: {string.Join(" ", engine.Languages)})");
        }
        reasons.Add($"Apertium has no {LanguageNames.Code3(language)}→eng pair");
        return string.Join("; ", reasons);
    }
}
