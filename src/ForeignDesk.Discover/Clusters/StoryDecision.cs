namespace ForeignDesk.Discover.Clusters;

/// <summary>What the index decided for one article.</summary>
/// <param name="Candidates">Stories the inverted index proposed (within the window).</param>
/// <param name="Comparisons">Stories scored in full.</param>
public sealed record StoryDecision(long StoryId, bool NewStory, long? DuplicateOf, double Score, int Candidates, int Comparisons)
{
    /// <summary>Stories merged into <see cref="StoryId"/> because this article matched each of them strongly; empty when none.</summary>
    public IReadOnlyList<long> Absorbed { get; init; } = [];

    /// <summary>Articles of the merged stories found to be near-duplicates of one another only once merged.</summary>
    public IReadOnlyList<ForeignDesk.Core.DuplicateMark> Duplicates { get; init; } = [];
}
