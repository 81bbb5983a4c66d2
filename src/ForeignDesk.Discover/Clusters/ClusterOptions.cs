namespace ForeignDesk.Discover.Clusters;

/// <summary>How clustering decides.</summary>
public sealed record ClusterOptions
{
    /// <summary>An article joins a story only within this time of the story's first or last article. <value>48 hours</value></summary>
    public TimeSpan JoinWindow { get; init; } = TimeSpan.FromHours(48);

    /// <summary>How long a story stays in the index as a "You may like" candidate. <value>7 days</value></summary>
    public TimeSpan RelatedWindow { get; init; } = TimeSpan.FromDays(7);

    /// <summary>The similarity an article needs to join a story. <value>0.30</value></summary>
    public double JoinThreshold { get; init; } = 0.30;

    /// <summary>Estimated shingle overlap (Jaccard) above which an article is a near-duplicate of another. <value>0.6</value></summary>
    public double DuplicateThreshold { get; init; } = 0.6;

    /// <summary>Stories scored in full per article, the best by shared index keys. <value>64</value></summary>
    public int MaxCandidates { get; init; } = 64;

    public static ClusterOptions Default { get; } = new();
}
