namespace ForeignDesk.Core;

/// <summary>An article found to be a near-duplicate (agency copy) of another.</summary>
public sealed record DuplicateMark(long ArticleId, long DuplicateOf);
