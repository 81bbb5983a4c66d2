using ForeignDesk.Web.Images;
using ForeignDesk.Web.ReadModels;
using Microsoft.Extensions.DependencyInjection;

namespace ForeignDesk.Web.Caching;

/// <summary>
/// Does at once what the site's background services do within seconds: finishes the image checks asked for, writes
/// the views counted so far, reads the
/// store's changes, recomputes the lists, the source counts and the
/// archive's days. For callers that must see a change on the next page
/// they load (tests, and a command that has just written to the store of a site in the same process).
/// </summary>
internal static class SiteCatchUp
{
    public static async Task RunAsync(IServiceProvider services, CancellationToken cancellationToken)
    {
        await services.GetRequiredService<ImageChecker>().IdleAsync(cancellationToken);
        await services.GetRequiredService<ViewFlusher>().FlushAsync(cancellationToken);
        await services.GetRequiredService<PageChangeWatcher>().CatchUpAsync(cancellationToken);
        await services.GetRequiredService<SiteListsRefresher>().RefreshNowAsync(cancellationToken);
        await services.GetRequiredService<StatusCountsRefresher>().RefreshAsync(cancellationToken);
        await services.GetRequiredService<ArchiveDaysRefresher>().RefreshAsync(cancellationToken);
    }
}
