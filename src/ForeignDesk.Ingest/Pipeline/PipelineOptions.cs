namespace ForeignDesk.Ingest.Pipeline;

public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <value>Time between two passes over every source. Default 5 minutes.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <value>Shortest interval between two polls of one endpoint, however often it publishes. Default 1 minute.</value>
    public TimeSpan MinPollInterval { get; set; } = TimeSpan.FromMinutes(1);

    /// <value>Longest interval between two polls of one endpoint, also after repeated errors. Default 1 hour.</value>
    public TimeSpan MaxPollInterval { get; set; } = TimeSpan.FromHours(1);

    /// <value>How long a pass waits, starting again every 2 s, for a store that another process has locked (or that is out of reach for a moment) before it fails. Default 2 minutes.</value>
    public TimeSpan StoreWait { get; set; } = TimeSpan.FromMinutes(2);

    /// <value>Consecutive errors after which an endpoint is shown as failing on /status (it is still polled). Default 5.</value>
    public int FailingAfterErrors { get; set; } = 5;

    /// <value>
    /// How long after its publication (or, when the outlet gave no earlier time, after ForeignDesk first saw it) an
    /// article's page is fetched again to see whether the outlet changed or removed it; zero checks none. Default 48 hours.
    /// </value>
    public TimeSpan RecheckWindow { get; set; } = TimeSpan.FromHours(48);

    /// <value>When an article's first check comes after it was first seen; each later one waits twice as long as the one before (15 min, 30 min, 1 h, 2 h, …). Default 15 minutes.</value>
    public TimeSpan FirstRecheck { get; set; } = TimeSpan.FromMinutes(15);

    /// <value>Most feed items taken from one feed per pass, newest first. Default 50.</value>
    public int MaxItemsPerFeed { get; set; } = 50;
}
