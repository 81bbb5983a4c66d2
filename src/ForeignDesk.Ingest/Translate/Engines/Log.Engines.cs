using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate;

internal static partial class Log
{
    [LoggerMessage(EventId = 5101, Level = LogLevel.Debug, Message = "Engine {Engine}: {Problem}; attempt {Attempt}, retrying in {Delay}")]
    public static partial void EngineRetry(ILogger logger, string engine, string problem, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 5102, Level = LogLevel.Warning, Message = "Engine {Engine} could not translate {Language}; trying {Next}: {Problem}")]
    public static partial void EngineFallback(ILogger logger, string engine, string language, string next, string problem);

    [LoggerMessage(EventId = 5103, Level = LogLevel.Debug, Message = "Engine {Engine} translated {Count} segments ({Characters} characters) in {Requests} requests")]
    public static partial void EngineTranslated(ILogger logger, string engine, int count, int characters, int requests);
}
