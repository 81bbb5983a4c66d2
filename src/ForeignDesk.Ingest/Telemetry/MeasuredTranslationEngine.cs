using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Telemetry;

/// <summary>Counts the requests and characters that reach an engine (after the translation memory), and its failures.</summary>
internal sealed class MeasuredTranslationEngine(ITranslationEngine inner, IngestMetrics metrics) : ITranslationEngine
{
    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public string? VersionFor(string from, string to) => inner.VersionFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var characters = request.Segments.Sum(s => s.Length);
        try
        {
            var result = await inner.TranslateAsync(request, cancellationToken);
            metrics.EngineCalled(inner.Name, characters, succeeded: true);
            return result;
        }
        catch (Exception) when (!cancellationToken.IsCancellationRequested)
        {
            metrics.EngineCalled(inner.Name, characters, succeeded: false);
            throw;
        }
    }
}
