namespace ForeignDesk.Core;

/// <summary>How workers run jobs (configuration section <c>Jobs</c>).</summary>
public sealed class JobOptions
{
    public const string Section = "Jobs";

    /// <value>How long a leased job is a worker's before another may take it; the worker renews it every third of it while it runs. Default 30 seconds.</value>
    public TimeSpan LeaseTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <value>Jobs one process runs at the same time. Default 4.</value>
    public int Workers { get; set; } = 4;

    /// <value>Failures after which a job is dead (listed on /status, retried by <c>jobs retry</c>). Default 5.</value>
    public int MaxFailures { get; set; } = 5;

    /// <value>Wait after a job's first failure, doubled after each further one. Default 30 seconds.</value>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <value>Longest wait between two tries of a failing job. Default 1 hour.</value>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    public JobRetryPolicy RetryPolicy => new(MaxFailures, FirstRetryDelay, MaxRetryDelay);
}
