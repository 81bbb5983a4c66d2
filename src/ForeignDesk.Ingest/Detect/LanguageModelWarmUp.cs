using ForeignDesk.Core;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Detect;

/// <summary>
/// Loads the language detector's models in the background as a pipeline process starts, while its first polls wait on
/// the outlets, rather than in the first article's language check (Lingua loads a script's models on its first text:
/// 0.7 to 1.3 s for the first Latin-script text and 0.1 to 0.25 s for the first Cyrillic one, in a process of their own,
/// the first compilation of Lingua's code included).
/// </summary>
public sealed class LanguageModelWarmUp(ILanguageDetector detector, ILogger<LanguageModelWarmUp> logger) : BackgroundService
{
    protected override Task ExecuteAsync(CancellationToken stoppingToken) => detector is not LinguaLanguageDetector lingua
        ? Task.CompletedTask
        : Task.Run(() =>
        {
            try
            {
                lingua.LoadModels();
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // Not needed for anything but speed: the first article loads what is missing.
                logger.LogWarning("The language models could not be loaded ahead of the first article: {Message}", ex.Message);
            }
        }, stoppingToken);
}
