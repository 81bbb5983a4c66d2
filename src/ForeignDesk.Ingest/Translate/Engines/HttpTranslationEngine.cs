using System.Text.Json;
using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// A translation service reached over HTTP: checks the day's character budget before anything is sent, splits the
/// segments by the provider's limits, sends each batch through the <see cref="EngineTransport"/> and maps the replies
/// back one to one. Blank segments are kept as they are and never sent.
/// </summary>
internal sealed class HttpTranslationEngine : ITranslationEngine
{
    private readonly EngineOptions options;
    private readonly IEngineProtocol protocol;
    private readonly EngineTransport transport;
    private readonly ILogger logger;
    private readonly HashSet<string> languages;

    public HttpTranslationEngine(
        string name, EngineType type, EngineOptions options, IEngineProtocol protocol, Func<HttpClient> client, TimeProvider time, ILogger logger)
    {
        Name = name;
        Type = type;
        this.options = options;
        this.protocol = protocol;
        this.logger = logger;
        transport = new EngineTransport(name, options, client, time, logger);
        Budget = new CharacterBudget(options.DailyCharacterBudget, time);
        languages = new HashSet<string>(EngineCatalog.Names(options.Languages), StringComparer.OrdinalIgnoreCase);
    }

    public string Name { get; }

    public EngineType Type { get; }

    public CharacterBudget Budget { get; }

    public string? Problem => protocol.Problem;

    public string Endpoint => protocol.Endpoint;

    /// <summary>Source languages from configuration; "*" when any.</summary>
    public IReadOnlyList<string> Languages => AnyLanguage ? [TranslateOptions.AnyLanguage] : [.. languages.Order(StringComparer.Ordinal)];

    private bool AnyLanguage => languages.Count == 0 || languages.Contains(TranslateOptions.AnyLanguage);

    public string? VersionFor(string from, string to) => RouteFor(from, to) is null ? null : protocol.Version;

    public string? RouteFor(string from, string to)
    {
        if (protocol.Problem is not null || string.IsNullOrWhiteSpace(from) || string.IsNullOrWhiteSpace(to)) return null;
        from = from.Trim().ToLowerInvariant();
        to = to.Trim().ToLowerInvariant();
        if (from == to || !(AnyLanguage || languages.Contains(from))) return null;
        return $"{from}→{to}";
    }

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        if (protocol.Problem is { } problem) throw new TranslationException($"{Name}: {problem}.");
        var route = RouteFor(request.From, request.To)
            ?? throw new TranslationException($"{Name} is not configured to translate {request.From} into {request.To}.");

        var results = request.Segments.ToArray();
        var indices = Enumerable.Range(0, results.Length).Where(i => !string.IsNullOrWhiteSpace(results[i])).ToList();
        var characters = indices.Sum(i => results[i].Length);
        if (!Budget.TryTake(characters))
            throw new TranslationException(
                $"{Name}: the daily budget of {Budget.PerDay} characters is spent ({Budget.Remaining} left, this request needs {characters}); nothing was sent.");

        var requests = 0;
        var maxSegments = Math.Max(1, options.MaxSegmentsPerRequest ?? protocol.MaxSegments);
        var maxCharacters = Math.Max(1, options.MaxCharactersPerRequest ?? protocol.MaxCharacters);
        foreach (var batch in SegmentBatches.Split(request.Segments, indices, maxSegments, maxCharacters))
        {
            var texts = batch.Select(i => request.Segments[i]).ToList();
            var body = await transport.SendAsync(() => protocol.Build(request, texts), cancellationToken);
            requests++;
            var translated = Read(body);
            if (translated.Count != texts.Count)
                throw new TranslationException($"{Name} returned {translated.Count} translations for {texts.Count} segments.");
            for (var k = 0; k < batch.Count; k++) results[batch[k]] = translated[k];
        }
        Log.EngineTranslated(logger, Name, indices.Count, characters, requests);
        return new TranslationResult(results, Name, route, 0) { EngineVersion = protocol.Version };
    }

    private IReadOnlyList<string> Read(string body)
    {
        try
        {
            return protocol.Read(body);
        }
        catch (JsonException ex)
        {
            throw new TranslationException($"{Name} sent a reply that is not JSON: {ex.Message}", ex);
        }
        catch (TranslationException ex)
        {
            throw new TranslationException($"{Name} sent a malformed reply: {ex.Message}.", ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new TranslationException($"{Name} sent a malformed reply: {ex.Message}", ex);
        }
    }
}
