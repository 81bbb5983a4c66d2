using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate;

/// <summary>
/// Counts each request that reaches an engine in the store (<see cref="IEngineUsageStore"/>): under the engine that
/// translated it, with its source characters, or as a failure with its message (and no characters: a refused or
/// failed request is not counted against a budget twice when retried). Outermost around the engine itself,
/// so units the translation memory answers cost nothing.
/// </summary>
public sealed class UsageRecordingTranslationEngine(ITranslationEngine inner, IEngineUsageStore usage, TimeProvider time) : ITranslationEngine
{
    public string Name => inner.Name;

    public string? RouteFor(string from, string to) => inner.RouteFor(from, to);

    public async Task<TranslationResult> TranslateAsync(TranslationRequest request, CancellationToken cancellationToken)
    {
        var characters = request.Segments.Sum(s => (long)s.Length);
        TranslationResult result;
        try
        {
            result = await inner.TranslateAsync(request, cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            await usage.RecordEngineUseAsync(inner.Name, 0, ex.Message, time.GetUtcNow(), cancellationToken);
            throw;
        }
        await usage.RecordEngineUseAsync(result.Engine, characters, null, time.GetUtcNow(), cancellationToken);
        return result;
    }
}
