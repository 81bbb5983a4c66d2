using Microsoft.Extensions.Logging;

namespace ForeignDesk.Ingest.Translate;

internal static partial class Log
{
    [LoggerMessage(EventId = 5001, Level = LogLevel.Debug, Message = "Apertium: {Line}")]
    public static partial void ApertiumStderr(ILogger logger, string line);

    [LoggerMessage(EventId = 5002, Level = LogLevel.Warning, Message = "Could not kill an Apertium chain")]
    public static partial void ApertiumKillFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 5003, Level = LogLevel.Warning, Message = "Apertium chain for {Route} failed; restarting it")]
    public static partial void ApertiumRestart(ILogger logger, string route, Exception exception);

    [LoggerMessage(EventId = 5004, Level = LogLevel.Debug, Message = "Started an Apertium chain for {Route} (process group {GroupId})")]
    public static partial void ApertiumStarted(ILogger logger, string route, int groupId);

    [LoggerMessage(EventId = 5005, Level = LogLevel.Debug, Message = "Apertium batch for {Route} split into {Count} parts instead of {Expected}; translating one by one")]
    public static partial void ApertiumBatchMismatch(ILogger logger, string route, int count, int expected);
}
