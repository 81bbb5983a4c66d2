using ForeignDesk.Core;

namespace ForeignDesk.Ingest.Extract;

/// <summary>Turns the bytes of an article page into an article. Pure: no I/O.</summary>
public interface IArticleExtractor
{
    ExtractOutcome Extract(FetchedPage page);
}
