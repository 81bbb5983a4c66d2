using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Translate.Engines;

/// <summary>
/// Takes up what each engine with a daily budget already spent today, as the store counted it, so that a restarted
/// process does not spend the budget a second time.
/// </summary>
public sealed class EngineBudgets(EngineCatalog catalog, IEngineUsageStore usage, TimeProvider time)
{
    public async Task RestoreAsync(CancellationToken cancellationToken)
    {
        var today = await usage.EngineUsageAsync(DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime), cancellationToken);
        foreach (var spent in today)
        {
            if (catalog.Find(spent.Engine) is HttpTranslationEngine engine) engine.Budget.Restore(spent.Characters);
        }
    }
}
