namespace ForeignDesk.Discover.Clusters;

/// <summary>What the index decided for one article.</summary>
/// <param name="Candidates">Stories the inverted index proposed (within the window).</param>
/// <param name="Comparisons">Stories scored in full.</param>
public sealed record StoryDecision(long StoryId, bool NewStory, long? DuplicateOf, double Score, int Candidates, int Comparisons);
