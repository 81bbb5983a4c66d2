namespace ForeignDesk.Core;

/// <summary>
/// The pipeline's jobs, each keyed so that running it twice changes nothing the second time. Each stage enqueues the
/// next by name, so the stages need not know each other's code. (Search indexing is no job of its own: the store
/// indexes an article in the same transaction that writes it.)
/// </summary>
public static class JobKinds
{
    /// <summary>Read one endpoint and enqueue a fetch for each article it lists. Key: the endpoint's source id and URL.</summary>
    public const string Poll = "poll";

    /// <summary>
    /// Read a feed a WebSub hub pushed to any web node and enqueue a fetch for each article not fetched before. Key: the
    /// subscription id and the body's SHA-256, so that a hub's retry of one push is one job; payload: the body.
    /// </summary>
    public const string Push = "push";

    /// <summary>Fetch, extract and store one article. Key: the article's URL, so that one worker at a time fetches it.</summary>
    public const string Fetch = "fetch";

    /// <summary>Translate a stored article (or mark it awaiting an engine). Key: the article id.</summary>
    public const string Translate = "translate";

    /// <summary>File a translated (or engine-less) article under a category and place it in a story. Key: the article id.</summary>
    public const string Place = "place";

    /// <summary>
    /// Translate a stored article again, whatever its state (a glossary change touched its text). Key: the article id,
    /// so an article touched by several changes before a worker takes it is translated once.
    /// </summary>
    public const string Retranslate = "retranslate";

    /// <summary>
    /// Fetch a stored article's page again (a conditional GET) to see whether the outlet changed or removed it, then
    /// schedule the next check. Key: the article id and the check's number ("42/3"), so that each check runs once and
    /// running one twice schedules the same next one.
    /// </summary>
    public const string Recheck = "recheck";

    /// <summary>
    /// Find the stored articles a glossary change touches and enqueue a <see cref="Retranslate"/> for each. Key: the
    /// change's language and source and a hash of the change, so that one change posted twice is scanned once; payload:
    /// the change.
    /// </summary>
    public const string GlossaryScan = "glossary-scan";
}

/// <summary>Runs the jobs of one kind; the runner leases them, keeps the lease while this runs, and completes or fails them.</summary>
public interface IJobHandler
{
    string Kind { get; }

    /// <summary>Does the job's work. Idempotent: a job run twice changes nothing the second time. Throws to fail the job.</summary>
    Task RunAsync(LeasedJob job, CancellationToken cancellationToken);

    /// <summary>
    /// The role (<see cref="Leadership"/>) a process must hold to run these jobs, one process at a time; null (the
    /// default) when any number of processes may.
    /// </summary>
    string? Role => null;

    /// <summary>Called when this process takes <see cref="Role"/>, before it runs any of these jobs (to rebuild what it keeps in memory).</summary>
    Task RoleTakenAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
