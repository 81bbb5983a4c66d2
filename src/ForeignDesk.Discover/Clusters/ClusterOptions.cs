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

    /// <summary>
    /// The similarity a new article needs to each of two or more stories for them to be merged into one (stronger than
    /// joining, so that one loosely related article does not chain stories together). <value>0.55</value>
    /// </summary>
    public double MergeThreshold { get; init; } = 0.55;

    /// <summary>Stories are merged only when their first articles lie within this time of each other. <value>24 hours</value></summary>
    public TimeSpan MergeSpan { get; init; } = TimeSpan.FromHours(24);

    /// <summary>Stories are merged only while the merged story stays this small. <value>150 articles</value></summary>
    public int MaxMergedArticles { get; init; } = 150;

    /// <summary>
    /// Two stories whose texts are already this alike (cosine of their terms) and yet stayed apart are confusable events
    /// (two earthquakes, two rounds of one election); an article matching both is a roundup, and they are not merged.
    /// <value>0.25</value>
    /// </summary>
    public double ConfusableSimilarity { get; init; } = 0.25;

    public static ClusterOptions Default { get; } = new();
}
