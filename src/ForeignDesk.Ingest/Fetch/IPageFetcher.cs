namespace ForeignDesk.Ingest.Fetch;

/// <summary>Downloads one URL politely. Expected failures come back as values; only cancellation throws.</summary>
public interface IPageFetcher
{
    Task<FetchOutcome> FetchAsync(FetchRequest request, CancellationToken ct);
}
