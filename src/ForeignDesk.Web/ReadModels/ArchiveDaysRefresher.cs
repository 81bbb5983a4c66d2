using ForeignDesk.Core;
using ForeignDesk.Web.Caching;
using ForeignDesk.Web.Pages;
using Microsoft.Extensions.Logging;

namespace ForeignDesk.Web.ReadModels;

/// <summary>
/// The archive's days and their article counts for the sitemap index (counting them reads the whole date index),
/// computed in the background every minute and read ready-made; the first read computes them. A recount that finds
/// other days or counts drops the cached index (<see cref="PageTags.ArchiveDays"/>). Empty when the store keeps no
/// archive index.
/// </summary>
internal sealed partial class ArchiveDaysRefresher(
    IArticleStore store, IServiceProvider services, PageCache cache, ILogger<ArchiveDaysRefresher> logger)
    : PeriodicReadModel<IReadOnlyList<ArchiveDay>>(TimeSpan.FromMinutes(1))
{
    protected override async Task<IReadOnlyList<ArchiveDay>> ComputeAsync(IReadOnlyList<ArchiveDay>? previous, CancellationToken cancellationToken)
    {
        var archive = LanguageArchive.Index(services, store);
        IReadOnlyList<ArchiveDay> days = archive is null ? [] : await archive.ArchiveDaysAsync(cancellationToken);
        if (previous is not null && !previous.SequenceEqual(days)) await cache.EvictAsync(PageTags.ArchiveDays, cancellationToken);
        return days;
    }

    protected override void LogRefreshFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "The archive's days for the sitemap index could not be counted; the index keeps the previous ones")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
