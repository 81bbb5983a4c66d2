using ForeignDesk.Core;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Engines in order of preference: the first that has a route translates; when it fails (an error reply, a timeout,
/// its budget spent) the next one is tried. The result names the engine that actually translated.
/// </summary>
public sealed class FallbackTranslationEngine(IReadOnlyList<ITranslationEngine> engines, ILogger logger) : ITranslationEngine
{
    public string Name { get; } = string.Join("|", engines.Select(e => e.Name));

    public IReadOnlyList<ITranslationEngine> Engines => engines;

    public string? RouteFor(string from, string to) =>
        engines.Select(engine => engine.RouteFor(from, to)).FirstOrDefault(route => route is not null);

    public string? VersionFor(string from, string to) =>
        engines.FirstOrDefault(engine => engine.RouteFor(from, to) is not null)?.VersionFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var usable = engines.Where(engine => engine.RouteFor(request.From, request.To) is not null).ToList();
        var failures = new List<string>();
        for (var i = 0; i < usable.Count; i++)
        {
            try
            {
                return await usable[i].TranslateAsync(request, cancellationToken);
            }
            catch (TranslationException ex)
            {
                failures.Add(ex.Message);
                var next = i + 1 < usable.Count ? usable[i + 1].Name : "nothing else";
                Log.EngineFallback(logger, usable[i].Name, request.From, next, ex.Message);
            }
        }
        throw new TranslationException(usable.Count == 0
            ? $"No engine translates {request.From} into {request.To}."
            : $"No engine could translate {request.From} into {request.To}: {string.Join(" | ", failures)}");
    }
}
