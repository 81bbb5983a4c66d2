namespace ForeignDesk.Ingest.Pipeline;

public sealed class PipelineOptions
{
    public const string Section = "Pipeline";

    /// <value>Time between two passes over every source. Default 5 minutes.</value>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMinutes(5);

    /// <value>Sources polled at the same time (each host still gets one request at a time). Default 4.</value>
    public int ParallelSources { get; set; } = 4;

    /// <value>Most feed items taken from one feed per pass, newest first. Default 50.</value>
    public int MaxItemsPerFeed { get; set; } = 50;
}
