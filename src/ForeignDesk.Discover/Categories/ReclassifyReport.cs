namespace ForeignDesk.Discover.Categories;

/// <summary>What a reclassification did (or, in a dry run, would do).</summary>
/// <param name="Changed">Articles whose category changed (in a dry run: would change).</param>
/// <param name="Moves">How many articles moved from one category to another, largest first.</param>
public sealed record ReclassifyReport(int Scanned, int Changed, bool DryRun, IReadOnlyList<CategoryMove> Moves);

