using ForeignDesk.Core;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// The engines configured under <c>Translate:Engines</c> (plus the embedded "apertium", always present) and the order
/// <c>Translate:Routing</c> gives them for each source language.
/// </summary>
public sealed class EngineCatalog
{
    /// <summary>The named HTTP client the engines send with.</summary>
    public const string HttpClientName = "ForeignDesk.Translate";

    private readonly Dictionary<string, ITranslationEngine> engines = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, IReadOnlyList<string>> routing = new(StringComparer.OrdinalIgnoreCase);
    private readonly IReadOnlyList<string> defaultRoute;

    public EngineCatalog(
        IOptions<TranslateOptions> options, ApertiumEngine apertium, IHttpClientFactory clients, TimeProvider time, ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger<EngineCatalog>();
        engines[TranslateOptions.Apertium] = apertium;
        foreach (var (name, settings) in options.Value.Engines.OrderBy(e => e.Key, StringComparer.OrdinalIgnoreCase))
        {
            var key = name.ToLowerInvariant();
            var type = TypeOf(name, settings) ?? throw new OptionsValidationException(TranslateOptions.Section, typeof(TranslateOptions), [$"Translate:Engines:{name}:Type is unknown."]);
            engines[key] = type switch
            {
                EngineType.Apertium => apertium,
                _ => new HttpTranslationEngine(key, type, settings, Protocol(type, settings), () => clients.CreateClient(HttpClientName), time, logger),
            };
        }
        foreach (var (language, names) in options.Value.Routing)
        {
            var key = language.Trim().Equals(TranslateOptions.DefaultRoute, StringComparison.OrdinalIgnoreCase) ? TranslateOptions.AnyLanguage : language.Trim();
            routing[key] = Names(names);
        }
        defaultRoute = routing.TryGetValue(TranslateOptions.AnyLanguage, out var any)
            ? any
            : [TranslateOptions.Apertium, .. engines.Keys.Where(k => k != TranslateOptions.Apertium).Order(StringComparer.Ordinal)];
    }

    /// <summary>Engine names, "apertium" first.</summary>
    public IReadOnlyList<string> EngineNames =>
        [TranslateOptions.Apertium, .. engines.Keys.Where(k => k != TranslateOptions.Apertium).Order(StringComparer.Ordinal)];

    /// <summary>Languages with a routing entry of their own.</summary>
    public IReadOnlyCollection<string> RoutedLanguages => routing.Keys.Where(k => k != TranslateOptions.AnyLanguage).ToList();

    public ITranslationEngine? Find(string name) => engines.GetValueOrDefault(name.Trim());

    /// <summary>The engines configuration lists for <paramref name="language"/>, best first, whether or not they can take it now.</summary>
    public IReadOnlyList<ITranslationEngine> CandidatesFor(string language) =>
        (routing.TryGetValue(language.Trim(), out var names) ? names : defaultRoute)
            .Select(Find).OfType<ITranslationEngine>().Distinct().ToList();

    /// <summary>The engine names configuration lists for <paramref name="language"/>, best first.</summary>
    public IReadOnlyList<string> RouteNamesFor(string language) =>
        routing.TryGetValue(language.Trim(), out var names) ? names : defaultRoute;

    public EngineDescription Describe(string name) => Find(name) switch
    {
        HttpTranslationEngine http => new EngineDescription(http.Name, http.Type, http.Endpoint, http.Languages, http.Problem, http.Budget.Remaining),
        ApertiumEngine => new EngineDescription(TranslateOptions.Apertium, EngineType.Apertium, "local processes", ["installed pairs"], null, null),
        { } other => new EngineDescription(other.Name, EngineType.Apertium, "", [], null, null),
        null => throw new ArgumentException($"No engine is called {name}.", nameof(name)),
    };

    internal static EngineType? TypeOf(string name, EngineOptions settings) =>
        Enum.TryParse<EngineType>(settings.Type ?? name, ignoreCase: true, out var type) && Enum.IsDefined(type) ? type : null;

    /// <summary>Names from configuration, where an entry may also hold several separated by commas.</summary>
    internal static IReadOnlyList<string> Names(IEnumerable<string> entries) =>
        entries.SelectMany(e => e.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            .Select(e => e.ToLowerInvariant())
            .ToList();

    internal static IEngineProtocol Protocol(EngineType type, EngineOptions settings) => type switch
    {
        EngineType.LibreTranslate => new LibreTranslateProtocol(settings),
        EngineType.DeepL => new DeepLProtocol(settings),
        EngineType.Google => new GoogleProtocol(settings),
        EngineType.Azure => new AzureProtocol(settings),
        EngineType.OpenAI => new OpenAIProtocol(settings),
        _ => throw new ArgumentOutOfRangeException(nameof(type), type, "Not an HTTP engine."),
    };
}
